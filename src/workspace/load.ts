// One map file loaded with the shared definitions of its folder, for tools that embed journeymap and for
// the workspace loader (src/lint/workspace.ts).
import { dirname, resolve } from "node:path";
import { readFileBytes } from "../io/read-text.js";
import { loadJourney, type LoadedJourney } from "../journey/load.js";
import { SharedFinder } from "./scope.js";

/** Loads one map file with the shared definitions of its folder (journeymap.shared.yaml there and above). */
export function loadMapFile(
  path: string,
  options: { finder?: SharedFinder; shown?: string; maxBytes?: number; cwd?: string } = {},
): LoadedJourney {
  const finder = options.finder ?? new SharedFinder({ cwd: options.cwd, maxBytes: options.maxBytes });
  const shared = finder.forFolder(dirname(resolve(path)));
  const shown = options.shown ?? path;
  const bytes = readFileBytes(path, { shown, what: "map", maxBytes: options.maxBytes });
  return loadJourney(bytes, { file: shown, ...(shared ? { shared } : {}) });
}
