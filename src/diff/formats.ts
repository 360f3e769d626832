// The diff output catalog: every --format of `journeymap diff` by name, with the line --help shows.
// Adding an output is one entry plus its pure formatter.
import { json } from "./json.js";
import { markdown } from "./markdown.js";
import { stylish } from "./stylish.js";
import type { JourneyDiff } from "./types.js";

export interface DiffFormatContext {
  /** ANSI colours (stylish only). */
  color: boolean;
}

/** A pure function from diffs (one per map) to the output's text. */
export type DiffFormatter = (diffs: readonly JourneyDiff[], context: DiffFormatContext) => string;

export interface DiffFormat {
  description: string;
  formatter: DiffFormatter;
}

export const diffFormats = {
  stylish: { description: "for people at a terminal: one line per change, coloured and signed", formatter: stylish },
  markdown: {
    description: "a pull-request comment: summary, notable changes, emotion table, details",
    formatter: markdown,
  },
  json: { description: "for scripts: the diff objects, both sides' positions (docs/diff.md)", formatter: json },
} as const satisfies Record<string, DiffFormat>;

export type DiffFormatName = keyof typeof diffFormats;

export const diffFormatNames = Object.keys(diffFormats) as DiffFormatName[];

/** The catalog entry for a name typed by a user, or undefined (never an inherited property). */
export function diffFormatOf(name: string): DiffFormat | undefined {
  return Object.prototype.hasOwnProperty.call(diffFormats, name) ? diffFormats[name as DiffFormatName] : undefined;
}
