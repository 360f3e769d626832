// What the bundled CLI (dist/bundle/cli.js) gives its start-up (start.ts): the program, and the loop
// of each kind of worker thread.
import { serveLintWorker } from "../lint/pool.js";

export { main } from "./main.js";

/** Runs the loop of a worker thread of the given kind. */
export function runWorker(kind: string): void {
  if (kind !== "lint") throw new Error(`no worker of kind "${kind}"`);
  serveLintWorker();
}
