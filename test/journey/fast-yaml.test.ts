// The loader's fast path (src/journey/fast-yaml.ts) against its full path through yaml's composer
// (compose-yaml.ts): it reads the maps people write and each form they use, giving what the composer
// gives (the same value, key order included, the same position for every element, key, value and
// item, the same comments, the same refusal), and hands the rest over. test/fuzz/loader-paths.test.ts
// holds the two paths together on generated texts.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readFastYaml } from "../../src/journey/fast-yaml.js";
import { SourceMap } from "../../src/journey/source-map.js";
import { adversarialMaps } from "../helpers/adversarial.js";
import { HANDED_OVER, SNIPPETS, agrees } from "../helpers/loader-paths.js";

function mapsBelow(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return mapsBelow(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const MAPS = [...mapsBelow("examples"), ...mapsBelow("test/fixtures")].map((path) => ({
  path,
  text: readFileSync(path, "utf8"),
}));

describe("the fast path reads the maps people write", () => {
  it.each(MAPS.map(({ path }) => path))("%s", (path) => {
    const { text } = MAPS.find((map) => map.path === path)!;
    const fast = readFastYaml(text, new SourceMap(text));
    expect(fast?.kind, "the fast path handed this map to the composer").not.toBeUndefined();
    expect(agrees(text)).toBe(true);
  });

  it.each(Object.keys(adversarialMaps).filter((shape) => shape !== "deep nesting"))("a %s map", (shape) => {
    const text = adversarialMaps[shape]!(64 * 1024).replace(/\r(?!\n)/g, "\n");
    expect(agrees(text)).toBe(true);
  });

  it.each(SNIPPETS)("%j", (text) => {
    expect(agrees(text)).toBe(true);
  });

  it.each(HANDED_OVER)("hands over %j", (text) => {
    expect(readFastYaml(text, new SourceMap(text))).toBeUndefined();
  });
});
