// `render --watch` on a folder, end to end through the built CLI: a map added after the start is
// rendered and listed in index.md, and a saved edit is answered within milliseconds, not after a
// fixed debounce.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN } from "../helpers/cli.js";

const HOTEL = readFileSync("docs/examples/hotel.journey.yaml", "utf8");
const FRESHCART = readFileSync("examples/freshcart.journey.yaml", "utf8");

function watchSession(cwd: string, args: string[]) {
  const child = spawn(process.execPath, [BIN, "render", ...args, "--watch"], {
    cwd,
    env: { ...process.env, NO_COLOR: "1" },
  });
  const session = { stderr: "" };
  child.stderr.on("data", (chunk: Buffer) => (session.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const until = async (condition: () => boolean, what: string) => {
    const start = performance.now();
    while (!condition()) {
      if (performance.now() - start > 20_000)
        throw new Error(`timed out waiting for ${what}; stderr:\n${session.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    return performance.now() - start;
  };
  const stop = () => {
    child.kill("SIGINT");
    return exited;
  };
  return { session, until, stop };
}

const read = (path: string) => (existsSync(path) ? readFileSync(path, "utf8") : "");

describe("journeymap render --watch on a folder", () => {
  it("renders a map added after the start, lists it in index.md, and answers edits in milliseconds", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journeymap-watch-cli-"));
    mkdirSync(join(dir, "maps"));
    writeFileSync(join(dir, "maps/hotel.journey.yaml"), HOTEL);
    const { session, until, stop } = watchSession(dir, ["maps", "--format", "markdown", "-o", "docs"]);
    try {
      await until(() => session.stderr.includes("watching"), "the first rendering");
      await new Promise((resolve) => setTimeout(resolve, 150));
      mkdirSync(join(dir, "maps/grocery"));
      writeFileSync(join(dir, "maps/grocery/freshcart.journey.yaml"), FRESHCART);
      await until(
        () => session.stderr.includes("✔ maps/grocery/freshcart.journey.yaml → docs/freshcart.md\n"),
        "the added map",
      );
      expect(read(join(dir, "docs/freshcart.md"))).toContain("# FreshCart - first grocery order");
      expect(read(join(dir, "docs/index.md"))).toContain(
        "## Hierarchy\n\n- [Harbour Hotel - a weekend stay](hotel.md)\n- [FreshCart - first grocery order](freshcart.md)\n",
      );

      // Edit → new page on disk, several times; the median is what a user feels.
      const latencies: number[] = [];
      for (let i = 0; i < 7; i++) {
        await new Promise((resolve) => setTimeout(resolve, 120)); // past the quiet period of the last edit
        const title = `Harbour Hotel - edit ${i}`;
        writeFileSync(join(dir, "maps/hotel.journey.yaml"), HOTEL.replace("Harbour Hotel - a weekend stay", title));
        latencies.push(await until(() => read(join(dir, "docs/hotel.md")).includes(`# ${title}`), `edit ${i}`));
      }
      latencies.sort((a, b) => a - b);
      const median = latencies[3]!;
      console.log(`render --watch: edit to new page, median of 7: ${median.toFixed(1)} ms`);
      // Loose for a shared, noisy machine; a fixed 50 ms debounce before rendering would add 50 to every edit.
      expect(median).toBeLessThan(45);
    } finally {
      expect(await stop()).toBe(0);
    }
  });

  it("picks up added maps by the folder walk's rules: not a symlink, not an ignored map", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journeymap-watch-policy-"));
    mkdirSync(join(dir, ".git"));
    mkdirSync(join(dir, "maps"));
    writeFileSync(join(dir, "maps/hotel.journey.yaml"), HOTEL);
    writeFileSync(join(dir, ".journeymapignore"), "drafts/\n");
    writeFileSync(join(dir, "secret.txt"), "token: s3cr3t\n");
    const { session, until, stop } = watchSession(dir, ["maps", "--format", "markdown", "-o", "docs"]);
    try {
      await until(() => session.stderr.includes("watching"), "the first rendering");
      await new Promise((resolve) => setTimeout(resolve, 150));
      // A symlink out of the tree (whose text would be shown in a code frame) and an ignored draft...
      symlinkSync(join(dir, "secret.txt"), join(dir, "maps/leak.journey.yaml"));
      mkdirSync(join(dir, "maps/drafts"));
      writeFileSync(join(dir, "maps/drafts/wip.journey.yaml"), FRESHCART);
      await new Promise((resolve) => setTimeout(resolve, 300));
      // ...are left out, as a folder walk leaves them out; an ordinary map added after them is rendered.
      writeFileSync(join(dir, "maps/freshcart.journey.yaml"), FRESHCART);
      await until(
        () => session.stderr.includes("✔ maps/freshcart.journey.yaml → docs/freshcart.md\n"),
        "the added map",
      );
      expect(session.stderr).not.toContain("leak");
      expect(session.stderr).not.toContain("s3cr3t");
      expect(session.stderr).not.toContain("wip");
      expect(existsSync(join(dir, "docs/wip.md"))).toBe(false);
    } finally {
      expect(await stop()).toBe(0);
    }
  });

  it("a saved shared file redraws the maps that follow it; a broken save keeps the last good pictures", async () => {
    const dir = mkdtempSync(join(tmpdir(), "journeymap-watch-shared-"));
    mkdirSync(join(dir, ".git"));
    mkdirSync(join(dir, "maps"));
    const shared = readFileSync("examples/journeymap.shared.yaml", "utf8");
    writeFileSync(join(dir, "maps/journeymap.shared.yaml"), shared);
    writeFileSync(join(dir, "maps/freshcart.journey.yaml"), FRESHCART);
    const picture = join(dir, "out/freshcart.svg");
    const { session, until, stop } = watchSession(dir, ["maps", "--format", "svg", "-o", "out"]);
    try {
      await until(() => session.stderr.includes("watching"), "the first rendering");
      expect(read(picture)).toContain("Dana, working parent");
      await new Promise((resolve) => setTimeout(resolve, 150));
      writeFileSync(
        join(dir, "maps/journeymap.shared.yaml"),
        shared.replace("Dana, working parent", "Dana, night-shift nurse"),
      );
      await until(() => read(picture).includes("Dana, night-shift nurse"), "the picture with the renamed persona");
      expect(read(picture)).not.toContain("Dana, working parent");
      await new Promise((resolve) => setTimeout(resolve, 150));
      writeFileSync(join(dir, "maps/journeymap.shared.yaml"), "journeymap: 1\npersonas: [oops\n");
      await until(
        () => session.stderr.includes("✖ maps/journeymap.shared.yaml has errors: kept the last good renderings"),
        "the broken save reported",
      );
      expect(session.stderr).toMatch(/maps\/journeymap\.shared\.yaml\n {2}3:1 {2}error/);
      expect(read(picture)).toContain("Dana, night-shift nurse");
    } finally {
      expect(await stop()).toBe(0);
    }
  });
});
