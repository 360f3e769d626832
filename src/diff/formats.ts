// The diff output catalog: every --format of `journeymap diff` by name, with the line --help shows.
// Adding an output is one entry plus its pure formatter. Text outputs take every map compared; a
// picture takes one map and its two versions, and is text (SVG) or bytes (PNG).
import type { Journey } from "../journey/model.js";
import { json } from "./json.js";
import { markdown } from "./markdown.js";
import { stylish } from "./stylish.js";
import type { JourneyDiff } from "./types.js";

export interface DiffFormatContext {
  /** ANSI colours (stylish only). */
  color: boolean;
  /** The picture's theme (svg, png); light by default. */
  theme?: "light" | "dark";
  /** PNG pixels per point; 2 by default. */
  scale?: number;
}

/** A pure function from diffs (one per map) to the output's text. */
export type DiffFormatter = (diffs: readonly JourneyDiff[], context: DiffFormatContext) => string;

/** One map compared: its diff and the two versions (absent where the map does not exist). */
export interface ComparedMap {
  diff: JourneyDiff;
  old?: Journey;
  new?: Journey;
}

/** Draws the picture of one map's change. Heavy parts (resvg) load inside, lazily. */
export type DiffDrawer<Output> = (compared: ComparedMap, context: DiffFormatContext) => Promise<Output>;

export type DiffFormat = { description: string } & (
  | { kind: "text"; formatter: DiffFormatter }
  | { kind: "picture"; output: "text"; extension: ".svg"; draw: DiffDrawer<string> }
  | { kind: "picture"; output: "binary"; extension: ".png"; draw: DiffDrawer<Uint8Array> }
);

const svg: DiffDrawer<string> = async ({ diff, old, new: after }, context) => {
  const [{ diffPicture }, { renderSvg }] = await Promise.all([
    import("./picture.js"),
    import("../render/svg/index.js"),
  ]);
  const picture = diffPicture(old, after, { old: diff.old.label, new: diff.new.label });
  return renderSvg(picture.journey, { theme: context.theme ?? "light", marks: picture.marks });
};

export const diffFormats = {
  stylish: {
    description: "for people at a terminal: one line per change, coloured and signed",
    kind: "text",
    formatter: stylish,
  },
  markdown: {
    description: "a pull-request comment: summary, notable changes, emotion table, details",
    kind: "text",
    formatter: markdown,
  },
  json: {
    description: "for scripts: the diff objects, both sides' positions (docs/diff.md)",
    kind: "text",
    formatter: json,
  },
  svg: {
    description: "the new map's picture with the change marked: added, changed, removed, the old emotion curve",
    kind: "picture",
    output: "text",
    extension: ".svg",
    draw: svg,
  },
  png: {
    description: "the same picture as PNG, at --scale",
    kind: "picture",
    output: "binary",
    extension: ".png",
    draw: async (compared, context) =>
      (await import("../render/png.js")).svgToPng(await svg(compared, context), { scale: context.scale ?? 2 }),
  },
} as const satisfies Record<string, DiffFormat>;

export type DiffFormatName = keyof typeof diffFormats;

export const diffFormatNames = Object.keys(diffFormats) as DiffFormatName[];

/** The catalog entry for a name typed by a user, or undefined (never an inherited property). */
export function diffFormatOf(name: string): DiffFormat | undefined {
  return Object.prototype.hasOwnProperty.call(diffFormats, name) ? diffFormats[name as DiffFormatName] : undefined;
}
