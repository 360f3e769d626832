// The workspace loader for tools that embed journeymap: every map of a folder tree with its shared
// definitions resolved, the shared files, each map's facts, the link graph, and the diagnostics of
// loading (YAML, schema) and of the repository rules (links, map ids, shared definitions). It lives in
// lint because it runs the repository rules; src/workspace/ holds what it is built from.
import { resolve } from "node:path";
import type { Diagnostic } from "../diagnostic.js";
import { findMaps } from "../io/find-maps.js";
import type { LoadedJourney } from "../journey/load.js";
import type { SharedFile } from "../journey/shared.js";
import { factsOf, sharedFactsOf, type MapFacts } from "../workspace/facts.js";
import { buildGraph, type MapGraph } from "../workspace/graph.js";
import { loadMapFile } from "../workspace/load.js";
import { SharedFinder } from "../workspace/scope.js";
import { lintRepository } from "./repository/engine.js";
import { repositoryRules } from "./repository/rules/index.js";

export interface WorkspaceOptions {
  /** Where the search for shared files stops outside a repository (default: the working directory). */
  cwd?: string;
  /** Refuse maps and shared files larger than this many bytes (default 16 MB). */
  maxBytes?: number;
  /** Read .journeymapignore and .gitignore (default true). */
  useIgnoreFiles?: boolean;
}

export interface Workspace {
  /** Every map, loaded, in path order; a map with errors has diagnostics and no journey. */
  maps: LoadedJourney[];
  /** The shared-definitions files the maps' folders see, by absolute path. */
  shared: ReadonlyMap<string, SharedFile>;
  /** The facts of every valid map, in the order of `maps`. */
  facts: MapFacts[];
  graph: MapGraph;
  /** Loading problems of maps and shared files, then the repository rules' findings (default severities). */
  diagnostics: Diagnostic[];
}

/** Loads the maps in `folder` and below as one portfolio. Throws JourneymapError for an unreadable
 * folder or file; a bad map is a diagnostic. */
export async function loadWorkspace(folder: string, options: WorkspaceOptions = {}): Promise<Workspace> {
  const root = resolve(folder);
  const finder = new SharedFinder({ cwd: options.cwd ?? root, maxBytes: options.maxBytes });
  const maps: LoadedJourney[] = [];
  const facts: MapFacts[] = [];
  for (const input of await findMaps([root], { useIgnoreFiles: options.useIgnoreFiles ?? true })) {
    const map = loadMapFile(input.path!, { finder, shown: input.file, maxBytes: options.maxBytes });
    maps.push(map);
    if (map.journey) facts.push(factsOf({ ...map, journey: map.journey }, input.path));
  }
  const shared = finder.files;
  const diagnostics: Diagnostic[] = [
    ...maps.flatMap((map) => map.diagnostics),
    ...[...shared.values()].flatMap((file) => file.diagnostics),
    ...lintRepository({
      maps: facts,
      shared: [...shared].map(([path, file]) => sharedFactsOf(path, file)),
      folders: [root],
      severity: (id) => repositoryRules[id]!.meta.defaultSeverity,
    }),
  ];
  return { maps, shared, facts, graph: buildGraph(facts), diagnostics };
}
