// The watcher on a real file system: the first save is answered at once (no fixed debounce before
// it), a burst of writes costs at most one more call, and maps added to a watched folder later are
// picked up, at any depth, while other files and node_modules are not.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { watchMaps, type MapWatcher } from "../../src/render/watch.js";

const isMap = (path: string) => /\.journey\.ya?ml$/.test(basename(path));
let watcher: MapWatcher | undefined;

afterEach(async () => {
  await watcher?.close();
  watcher = undefined;
});

async function until(condition: () => boolean, what: string, limitMs = 5_000): Promise<number> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > limitMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return performance.now() - start;
}

/** Lets fs.watch start delivering events before the test writes. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe("watchMaps", () => {
  it("answers the first save at once, long before the quiet period ends", async () => {
    const folder = mkdtempSync(join(tmpdir(), "journeymap-watch-"));
    const map = join(folder, "hotel.journey.yaml");
    writeFileSync(map, "title: one\n");
    const calls: string[] = [];
    watcher = watchMaps({
      files: [map],
      folders: [],
      isMap,
      quietMs: 2_000, // a trailing debounce would make the first call wait this long
      onChange: (path) => Promise.resolve(void calls.push(path)),
      onError: (error) => {
        throw error;
      },
    });
    await settle();
    writeFileSync(map, "title: two\n");
    const waited = await until(() => calls.length > 0, "the first call");
    expect(waited).toBeLessThan(1_000);
    expect(calls).toEqual([map]);
  });

  it("a call with nothing to render yet (a save half done) leaves the next write answered at once", async () => {
    const folder = mkdtempSync(join(tmpdir(), "journeymap-watch-"));
    const map = join(folder, "hotel.journey.yaml");
    writeFileSync(map, "title: one\n");
    const { readFileSync } = await import("node:fs");
    const rendered: string[] = [];
    watcher = watchMaps({
      files: [map],
      folders: [],
      isMap,
      quietMs: 3_000, // a quiet period after the empty file would make the real save wait this long
      onChange: (path) => {
        const text = readFileSync(path, "utf8");
        if (text === "") return Promise.resolve(false);
        rendered.push(text);
        return Promise.resolve(true);
      },
      onError: (error) => {
        throw error;
      },
    });
    await settle();
    writeFileSync(map, ""); // the editor truncates ...
    await new Promise((resolve) => setTimeout(resolve, 150));
    writeFileSync(map, "title: two\n"); // ... then writes
    const waited = await until(() => rendered.includes("title: two\n"), "the save after the empty file");
    expect(waited).toBeLessThan(1_500);
  });

  it("merges a burst of writes into at most one more call, which sees the last write", async () => {
    const folder = mkdtempSync(join(tmpdir(), "journeymap-watch-"));
    const map = join(folder, "hotel.journey.yaml");
    writeFileSync(map, "v0");
    const seen: string[] = [];
    const { readFileSync } = await import("node:fs");
    watcher = watchMaps({
      files: [map],
      folders: [],
      isMap,
      quietMs: 150,
      onChange: (path) => Promise.resolve(void seen.push(readFileSync(path, "utf8"))),
      onError: (error) => {
        throw error;
      },
    });
    await settle();
    for (let i = 1; i <= 20; i++) writeFileSync(map, `v${i}`);
    await until(() => seen.at(-1) === "v20", "the last write to be seen");
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(seen.length).toBeLessThanOrEqual(2);
    expect(seen.at(-1)).toBe("v20");
  });

  it("picks up maps added to a watched folder after the start, not other files or node_modules", async () => {
    const folder = mkdtempSync(join(tmpdir(), "journeymap-watch-"));
    mkdirSync(join(folder, "team/app"), { recursive: true });
    mkdirSync(join(folder, "node_modules/pkg"), { recursive: true });
    const calls = new Set<string>();
    watcher = watchMaps({
      files: [],
      folders: [folder],
      isMap,
      skippedFolders: new Set(["node_modules", ".git"]),
      onChange: (path) => Promise.resolve(void calls.add(path)),
      onError: (error) => {
        throw error;
      },
    });
    await settle();
    writeFileSync(join(folder, "notes.md"), "not a map");
    writeFileSync(join(folder, "node_modules/pkg/x.journey.yaml"), "ignored");
    const added = join(folder, "team/app/onboarding.journey.yaml");
    writeFileSync(added, "title: new\n");
    await until(() => calls.has(added), "the added map");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect([...calls]).toEqual([added]);
  });

  it("keeps watching when a call throws, and reports the error", async () => {
    const folder = mkdtempSync(join(tmpdir(), "journeymap-watch-"));
    const map = join(folder, "hotel.journey.yaml");
    writeFileSync(map, "v0");
    const errors: string[] = [];
    let calls = 0;
    watcher = watchMaps({
      files: [map],
      folders: [],
      isMap,
      quietMs: 20,
      onChange: () => (++calls === 1 ? Promise.reject(new Error("broken save")) : Promise.resolve()),
      onError: (error) => errors.push((error as Error).message),
    });
    await settle();
    writeFileSync(map, "v1");
    await until(() => errors.length === 1, "the error");
    await new Promise((resolve) => setTimeout(resolve, 100));
    writeFileSync(map, "v2");
    await until(() => calls >= 2, "the next call");
    expect(errors).toEqual(["broken save"]);
  });
});
