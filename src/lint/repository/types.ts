// What a repository rule is: its meta (as a map rule's) and one check over the facts of every map of a
// run and of every shared-definitions file read, never over the maps themselves.
import type { Range } from "../../diagnostic.js";
import type { RepositoryFacts, SharedFileFacts } from "../../workspace/facts.js";
import type { MapGraph } from "../../workspace/graph.js";
import type { RuleMeta } from "../types.js";

export type { SharedFileFacts };

export interface RepositoryContext {
  readonly maps: readonly RepositoryFacts[];
  readonly shared: readonly SharedFileFacts[];
  readonly graph: MapGraph<RepositoryFacts>;
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
