// What a repository rule is: its meta (as a map rule's) and one check over the facts of every map of a
// run and of every shared-definitions file read, never over the maps themselves.
import type { Range } from "../../diagnostic.js";
import type { DefinitionKindName } from "../../journey/definitions.js";
import type { MapFacts } from "../../workspace/facts.js";
import type { MapGraph } from "../../workspace/graph.js";
import type { RuleMeta } from "../types.js";

/** A shared-definitions file as the repository rules see it. */
export interface SharedFileFacts {
  /** As shown in messages, and its absolute path. */
  file: string;
  path: string;
  definitions: Array<{ kind: DefinitionKindName; id: string; name?: string; range?: Range }>;
}

export interface RepositoryContext {
  readonly maps: readonly MapFacts[];
  readonly shared: readonly SharedFileFacts[];
  readonly graph: MapGraph;
  /** True when the run lints folders (a portfolio), not only map files named one by one. */
  readonly portfolio: boolean;
  /** True when the run linted every map in `folder` (absolute) and below. */
  readonly covers: (folder: string) => boolean;
  /** Reports a finding in a map or a shared file (as shown), at a range, about a subject. */
  readonly report: (file: string, message: string, range: Range | undefined, subject: string) => void;
}

export interface RepositoryRule {
  meta: RuleMeta;
  check(context: RepositoryContext): void;
}
