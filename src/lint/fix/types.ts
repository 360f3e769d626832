// What a fix is: one text edit that resolves one finding for certain, proposed by a fixer from a
// loaded, valid map; and what fixMap reports back for each fix it applied.
import type { Document } from "yaml";
import type { Diagnostic } from "../../diagnostic.js";
import type { LoadedJourney } from "../../journey/load.js";
import type { Journey } from "../../journey/model.js";
import type { ResolvedConfig } from "../config.js";
import type { Directive } from "../suppressions.js";
import type { LineIndex } from "./edits.js";

/** Replace text[start, end) by `replacement` (an insertion when start === end). Offsets are UTF-16
 * code units in the text without its byte-order mark. */
export interface Edit {
  start: number;
  end: number;
  replacement: string;
}

/** A fix a fixer proposes: one edit, and the sentence that says what it does. */
export interface ProposedFix {
  edit: Edit;
  message: string;
}

/** Everything a fixer may read; fixers never re-parse or re-lint. */
export interface FixContext {
  readonly text: string;
  readonly loaded: LoadedJourney & { journey: Journey };
  /** The same text parsed with the yaml Document API, for node offsets (keepSourceTokens). */
  readonly document: Document.Parsed;
  readonly lines: LineIndex;
  readonly config: ResolvedConfig;
  /** The lint findings as reported (after in-file suppressions). */
  readonly findings: readonly Diagnostic[];
  /** The findings as if no comment suppressed any (computed on first call); undefined when they
   * cannot be known. */
  readonly unsuppressedFindings: () => readonly Diagnostic[] | undefined;
  /** The journeymap-disable comments of the text. */
  readonly directives: readonly Directive[];
}

export type Fixer = (context: FixContext) => ProposedFix[];

/** A fix that fixMap applied. */
export interface AppliedFix {
  /** The rule whose finding it resolves, or "touchpoint-id" for the ids --fix always adds. */
  fixId: string;
  message: string;
  /** Where the fixed text was in the input (1-based; the column counts UTF-16 code units, as every
   * Diagnostic does). */
  line: number;
  column: number;
}
