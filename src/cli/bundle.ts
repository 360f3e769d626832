// What the bundled CLI (dist/bundle/cli.js) gives its start-up (start.ts): the program, and the loop
// of each kind of worker thread.
export { main } from "./main.js";

/** Runs the loop of a worker thread of the given kind. Its module is loaded here, not with the bundle:
 * every other command would otherwise set up the lint engine and its rules for nothing. */
export async function runWorker(kind: string): Promise<void> {
  if (kind === "raster") {
    const { serveRasterWorker } = await import("../render/raster-pool.js");
    serveRasterWorker();
    return;
  }
  if (kind !== "lint") throw new Error(`no worker of kind "${kind}"`);
  const { serveLintWorker } = await import("../lint/pool.js");
  serveLintWorker();
}
