// The picture's text as resvg gets it (never the SVG output): each <text> the Latin face draws whole
// becomes a <path> of its glyphs' outlines, laid out and kerned as a browser does (resvg shapes each
// text element on its own, about 0.9 ms apiece in DejaVu Sans, whatever its length); and the font
// files the remaining text needs, so resvg never reads every installed font for each picture.
import { basename, delimiter } from "node:path";
import type { FontFace } from "./fonts/font-file.js";
import { fontFolders, installedFonts, LATIN_FAMILIES, latinFaces } from "./fonts/installed.js";
import { CffFont, CffOutlines } from "./fonts/cff.js";
import { anchoredStart, layoutLine, type PlacedGlyph } from "./fonts/line.js";
import { GlyphOutlines, type OutlinePaths } from "./fonts/outlines.js";
import { scriptOf, type ScriptName } from "./fonts/scripts.js";
import { TrueTypeFont } from "./fonts/truetype.js";
import { FONT_FAMILY } from "./svg/text.js";

/** The picture's text elements: the renderers write each as one start tag and escaped text. */
const TEXT = /<text\b([^>]*)>([^<]*)<\/text>/g;
const ATTRIBUTE = /\s+([\w:.-]+)="([^"]*)"/y;
/** Attributes a text drawn as a path keeps as they are (they mean the same on a <path>). */
const KEPT = /^(?:fill|fill-opacity|opacity|data-[\w.-]+)$/;
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:px)?$/;
/**
 * Text left to resvg: marks (they stack by GPOS anchors), right-to-left scripts (resvg orders them),
 * format characters (joiners, bidi controls), emoji drawn as emoji, and controls.
 */
const NOT_AS_OUTLINES =
  /[\p{M}\p{Cf}\p{Cc}\p{Emoji_Presentation}\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

interface LatinOutlines {
  regular: GlyphOutlines;
  bold: GlyphOutlines | undefined;
  files: string[];
}

let latin: { folders: string; outlines: LatinOutlines | undefined } | undefined;

/** The regular and bold faces of the picture's font stack as resvg would pick them, opened for their outlines. */
function latinOutlines(): LatinOutlines | undefined {
  const folders = fontFolders().join(delimiter);
  if (latin?.folders !== folders) {
    const { regular, bold } = latinFaces(LATIN_FAMILIES);
    const open = (face: FontFace | undefined): GlyphOutlines | undefined => {
      const font = face && TrueTypeFont.open(face.path, face.postscriptName);
      return font && new GlyphOutlines(font);
    };
    const regularOutlines = open(regular);
    latin = {
      folders,
      outlines: regularOutlines && {
        regular: regularOutlines,
        bold: open(bold),
        files: [regular, bold].filter((face): face is FontFace => face !== undefined).map((face) => face.path),
      },
    };
  }
  return latin.outlines;
}

/** Text content as drawn: entities read, whitespace collapsed as SVG does by default; undefined if unreadable. */
export function drawnContent(content: string): string | undefined {
  // A bare "&" is not well-formed XML: such a text is left alone.
  let failed = /&(?!(?:#x[\da-f]+|#\d+|\w+);)/i.test(content);
  const text = content.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (_, name: string) => {
    if (name[0] !== "#") return ENTITIES[name] ?? ((failed = true), "");
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return ((failed = true), "");
    return String.fromCodePoint(code);
  });
  if (failed) return undefined;
  return text
    .replace(/[\r\n]/g, "")
    .replace(/\t/g, " ")
    .trim()
    .replace(/ {2,}/g, " ");
}

/** A face that draws text as outlines: its glyphs laid out on a line, and their path data. */
interface OutlineFace {
  unitsPerEm: number;
  layout(text: string): { glyphs: PlacedGlyph[]; width: number; complete: boolean };
  outlines: OutlinePaths;
}

/** The face for a text's font-family attribute (undefined: the picture's stack) and weight. */
type FacePicker = (family: string | undefined, bold: boolean) => OutlineFace | undefined;

/** One <text> element as a <path>, or undefined when it is left to resvg. */
function asPath(attributes: string, content: string, pick: FacePicker): string | undefined {
  const values = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  let at = 0;
  for (let match; (match = ATTRIBUTE.exec(attributes)); at = ATTRIBUTE.lastIndex) values.set(match[1]!, match[2]!);
  if (attributes.slice(at).trim() !== "") return undefined;
  let kept = "";
  for (const [name, value] of values) {
    if (KEPT.test(name)) kept += ` ${name}="${value}"`;
    else if (!["x", "y", "font-size", "font-weight", "text-anchor", "font-family"].includes(name)) return undefined;
  }
  const [x, y, size] = ["x", "y", "font-size"].map((name) => (values.get(name) ?? "").replace(/px$/, ""));
  if (!NUMBER.test(x!) || !NUMBER.test(y!) || !NUMBER.test(size!)) return undefined;
  const anchor = values.get("text-anchor") ?? "start";
  if (!["start", "middle", "end"].includes(anchor)) return undefined;
  const weight = values.get("font-weight") ?? "normal";
  const bold = ["bold", "700"].includes(weight);
  if (!bold && !["normal", "400"].includes(weight)) return undefined;
  const text = drawnContent(content);
  if (text === undefined || NOT_AS_OUTLINES.test(text)) return undefined;
  const face = pick(values.get("font-family"), bold);
  if (!face) return undefined;
  const line = face.layout(text);
  if (!line.complete) return undefined;
  const scale = parseFloat(size!) / face.unitsPerEm;
  const start = anchoredStart(parseFloat(x!), line.width * scale, anchor);
  const d = face.outlines.lineData(line.glyphs);
  if (d === undefined) return undefined;
  if (d === "") return `<g${kept}/>`;
  const s = Math.round(scale * 1e6) / 1e6;
  return `<path transform="translate(${round(start)} ${y}) scale(${s} ${-s})" d="${d}"${kept}/>`;
}

function round(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/**
 * The picture for resvg with every text the Latin face draws whole as a path; the rest stays text.
 * Only a picture in the renderers' font stack is changed (its faces are the ones resvg would pick).
 */
export function textAsOutlines(svg: string): string {
  const root = /<svg\b[^>]*>/.exec(svg.slice(0, 4096))?.[0];
  if (!root?.includes(`font-family="${FONT_FAMILY}"`) || !svg.includes("<text")) return svg;
  const faces = latinOutlines();
  if (!faces) return svg;
  const latinFace = (outlines: GlyphOutlines): OutlineFace => ({
    unitsPerEm: outlines.font.unitsPerEm,
    layout: (text) => layoutLine(outlines.font, text),
    outlines,
  });
  const [regular, bold] = [latinFace(faces.regular), faces.bold && latinFace(faces.bold)];
  const pick: FacePicker = (family, isBold) => (family !== undefined ? undefined : isBold ? bold : regular);
  return svg.replace(TEXT, (whole, attributes: string, content: string) => asPath(attributes, content, pick) ?? whole);
}

/** CFF faces opened for their outlines, by file and PostScript name (undefined: not a CFF face). */
const cffFaces = new Map<string, OutlineFace | undefined>();

function cffFace(face: FontFace): OutlineFace | undefined {
  const key = `${face.path}\0${face.postscriptName}`;
  if (!cffFaces.has(key)) {
    const font = CffFont.open(face.path, face.postscriptName);
    cffFaces.set(
      key,
      font && {
        unitsPerEm: font.unitsPerEm,
        layout: (text) => {
          const glyphs: PlacedGlyph[] = [];
          let [width, complete] = [0, true];
          for (const character of text) {
            const glyph = font.glyphId(character.codePointAt(0)!);
            if (glyph === 0) complete = false;
            glyphs.push({ glyph, x: width });
            width += font.advance(glyph);
          }
          return { glyphs, width, complete };
        },
        outlines: new CffOutlines(font),
      },
    );
  }
  return cffFaces.get(key);
}

/**
 * The picture with each text that names a CJK face first (fonts/fallback.ts writes its font-family)
 * drawn as a path when that face draws all of it: resvg reads the whole font file again for each
 * glyph it draws (20 MB for Noto Sans CJK, 2.5 ms a glyph). Run after withFallbackFamilies.
 */
export function namedFacesAsOutlines(svg: string): string {
  if (!/<text\b[^>]*\sfont-family="/.test(svg)) return svg;
  const fonts = installedFonts();
  const pick: FacePicker = (family, bold) => {
    const first = family?.split(",")[0]?.trim().replace(/^'|'$/g, "");
    if (!first || LATIN_FAMILIES.includes(first)) return undefined;
    const face = fonts.family([first], bold);
    // resvg draws bold text in the family's bold face, or in its regular one when it has none.
    return face && (!bold || face.weight >= 600) ? cffFace(face) : undefined;
  };
  return svg.replace(TEXT, (whole, attributes: string, content: string) =>
    /\sfont-family="/.test(attributes) ? (asPath(attributes, content, pick) ?? whole) : whole,
  );
}

/** At most this many characters the chosen faces lack are looked up one by one in every installed face. */
const MAX_LOOKUPS = 256;

/**
 * The font files resvg needs for the text left in the picture: the Latin faces, and for characters they
 * lack, the face (and its bold) of each script's choice (fonts/installed.ts), else the first that has
 * the character. None for a picture with no text left.
 */
export function pictureFontFiles(svg: string): string[] {
  // Each text's drawn characters (a fallback's <tspan>s included) and the families it names.
  const texts = [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((match) => match[1]!.replace(/<[^>]*>/g, ""));
  if (texts.length === 0) return [];
  const faces = latinOutlines();
  const files = new Set<string>(faces?.files ?? latinFaces(LATIN_FAMILIES).regular?.path ?? []);
  const base = faces?.regular.font;
  const fonts = installedFonts();
  const add = (face: FontFace | undefined): void => {
    if (!face) return;
    files.add(face.path);
    const bold = fonts.boldOf(face);
    if (bold) files.add(bold.path);
  };
  // The families fonts/fallback.ts named for a text or a span, as resvg will look them up.
  const named = new Set<string>();
  for (const [, families] of svg.matchAll(/<t(?:ext|span)\b[^>]*\sfont-family="([^"]*)"/g))
    for (const family of families!.split(",")) named.add(family.trim().replace(/^'|'$/g, ""));
  for (const family of named)
    if (!LATIN_FAMILIES.includes(family) && family !== "sans-serif") add(fonts.family([family], false));
  let lookups = 0;
  for (const text of texts) {
    const characters = [...new Set(drawnContent(text) ?? text)].filter(
      (character) => !/\s|\p{M}|\p{Cf}/u.test(character) && (!base || base.glyphId(character.codePointAt(0)!) === 0),
    );
    if (characters.length === 0) continue;
    // The face of each script's choice for this text, as fallback.ts chooses it; then one per character left.
    const byScript = new Map<ScriptName, string[]>();
    for (const character of characters) {
      const script = scriptOf(character);
      if (!script) continue;
      const list = byScript.get(script) ?? [];
      if (list.length < 64) list.push(character);
      byScript.set(script, list);
    }
    const chosen = new Map<ScriptName, FontFace | undefined>();
    for (const [script, list] of byScript) {
      const face = fonts.faceFor(script, list);
      chosen.set(script, face);
      add(face);
    }
    for (const character of characters) {
      const script = scriptOf(character);
      const code = character.codePointAt(0)!;
      if (script && chosen.get(script)?.covers(code)) continue;
      if (lookups++ >= MAX_LOOKUPS) break;
      add(fonts.faceForCharacter(code, script));
    }
  }
  return [...files].sort((a, b) => basename(a).localeCompare(basename(b)));
}
