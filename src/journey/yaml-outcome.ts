// What the loader's two YAML paths (fast-yaml.ts, compose-yaml.ts) give back, and the limits and
// wording they share, so that both refuse the same maps with the same messages.
import { printable } from "../text/shorten.js";

/** What aliases may add to a map, counted in values plus characters of text: past this it is an alias
 * bomb (a few lines that expand to gigabytes), not a journey map. A 1 MB map has well under this. */
export const MAX_ALIAS_EXPANSION = 1_000_000;
/** Collections nested deeper than this are refused: a journey map needs 6 levels, and yaml's composer
 * (like every recursive step after it) overflows the stack at a few hundred. */
export const MAX_DEPTH = 64;

/** A problem at offsets of the text (the loader turns them into lines and columns). */
export interface YamlProblem {
  message: string;
  start: number;
  end: number;
}

export type YamlOutcome =
  /** The document's plain value; its offsets are recorded in the SourceMap. `comments` are the
   * offsets [start, end, start, end, …] of every comment, when the path knows them. */
  | { kind: "value"; value: unknown; comments?: number[] }
  /** No document, or only comments. */
  | { kind: "empty" }
  /** Syntax problems (every one found), in source order. */
  | { kind: "problems"; problems: YamlProblem[] }
  /** One problem that stopped the reading (an alias bomb, nesting too deep, several documents). */
  | ({ kind: "refused" } & YamlProblem);

export function tooDeep(): string {
  return `nested too deeply (more than ${MAX_DEPTH} levels): a journey map needs a handful, flatten this part`;
}

export function aliasProblem(name: string, kind: "unknown" | "itself" | "bomb"): string {
  const shown = printable(name);
  if (kind === "unknown") return `unknown alias "*${shown}": define "&${shown}" before it`;
  if (kind === "itself") return `alias "*${shown}" refers to itself`;
  return `aliases expand to more than ${MAX_ALIAS_EXPANSION} values and characters: this looks like an alias bomb`;
}
