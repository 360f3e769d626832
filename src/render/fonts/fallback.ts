// Names the fonts that draw a picture's international text, for the two drawers that have no font
// fallback of their own worth trusting: resvg (PNG) takes the first installed face with a glyph, so CJK
// came out in a serif without bold and colour-only emoji not at all; svg-to-pdfkit (PDF) draws every
// character with one font. Both get the picture's <text> elements rewritten here, never the SVG output.
// Neither draws a colour-bitmap face, so a text of Latin words and emoji is cut into its runs, each
// emoji sequence an image of the colour face's glyph placed where Chromium draws it; for resvg, each
// Devanagari syllable is placed at its shaped width too (clusters.ts).
import { escapeXml, n } from "../svg/markup.js";
import { FONT_FAMILY } from "../svg/text.js";
import { colourEmoji, EMOJI_SEQUENCE, hasEmojiSequence, type ColourEmoji, type EmojiGlyph } from "./emoji.js";
import type { FontFace } from "./font-file.js";
import type { InstalledFonts } from "./installed.js";
import { LATIN_FAMILIES, latinFaces, scriptCharacters } from "./installed.js";
import { syllables, syllableWidth } from "./clusters.js";
import { anchoredStart, layoutLine } from "./line.js";
import { TrueTypeFont } from "./truetype.js";
import { NEUTRAL, SCRIPTS, scriptOf, type ScriptName } from "./scripts.js";

/** The picture's text elements: the renderer writes each as one start tag and escaped text. */
const TEXT = /<text\b([^>]*)>([^<]*)<\/text>/g;
/** Only text with a character past the Latin, Greek, Cyrillic and Armenian blocks needs a fallback. */
const FAR = /[^\u0000-\u058f]/;

/** An emoji with its modifiers, joiners and the emoji it joins (above U+2000: DejaVu draws © and ®). */
const EMOJI_RUN =
  /(?:(?![\u0000-\u1fff])\p{Extended_Pictographic}(?:[\u{1f3fb}-\u{1f3ff}]|\ufe0f|\u20e3)*(?:\u200d\p{Extended_Pictographic}(?:[\u{1f3fb}-\u{1f3ff}]|\ufe0f)*)*)+/gu;

/**
 * Scripts drawn in spans of their own font: resvg would take the first installed face with the glyph
 * (a bold or a looped Thai face for regular text). Their words with the spaces and marks between them
 * make one span.
 */
const SPAN_RUNS: [ScriptName, RegExp][] = [
  ["emoji", EMOJI_RUN],
  ["devanagari", /\p{Script=Devanagari}(?:[\p{Script=Devanagari}\u0964\u0965 ]|\p{M}|\u200c|\u200d)*/gu],
  ["thai", /\p{Script=Thai}[\p{Script=Thai}\p{M} ]*/gu],
];

/** The drawn text of a picture (its <text> contents), for the missing-font check. */
export function drawnText(svg: string): string {
  let text = "";
  for (const [, , content] of svg.matchAll(TEXT)) text += `${content!}\n`;
  return text;
}

/** A family name as an attribute value can hold it (a font file names itself; it is not trusted). */
function quoted(family: string): string {
  return `'${family.replace(/[^\p{L}\p{N} ._-]/gu, "")}'`;
}

function withFamily(attributes: string, families: string): string {
  const value = `font-family="${families}"`;
  return /\sfont-family="[^"]*"/.test(attributes)
    ? attributes.replace(/\sfont-family="[^"]*"/, ` ${value}`)
    : `${attributes} ${value}`;
}

const CJK: ScriptName[] = ["kana", "hangul", "han"];

/**
 * The SVG for resvg: a text with CJK names the CJK face's family first (its bold face then draws bold
 * text, and its Latin letters keep the line in one sans design), and emoji are drawn with an outline
 * emoji font. Arabic and Hebrew are left whole: resvg orders a line with them as Chromium does only
 * when it is not cut into spans.
 */
export function withFallbackFamilies(svg: string, fonts: InstalledFonts): string {
  if (!FAR.test(svg)) return svg;
  return withPlacedRuns(svg, fonts).replace(TEXT, (whole, attributes: string, content: string) => {
    if (!FAR.test(content)) return whole;
    const scripts = scriptCharacters(content);
    let start = attributes;
    const families = [
      ...new Set(
        CJK.filter((script) => scripts.has(script)).map(
          (script) => fonts.faceFor(script, scripts.get(script)!)?.family,
        ),
      ),
    ].filter((family): family is string => family !== undefined);
    if (families.length > 0) start = withFamily(start, `${families.map(quoted).join(", ")}, ${FONT_FAMILY}`);
    let body = content;
    for (const [script, runs] of SPAN_RUNS) {
      const characters = scripts.get(script);
      const face = characters && fonts.faceFor(script, characters);
      // A run the Latin face draws whole (⚠, ✔) stays in it, as in a browser.
      if (face)
        body = body.replace(runs, (run) =>
          [...run].some((character) => characters.includes(character))
            ? `<tspan font-family="${quoted(face.family)}">${run}</tspan>`
            : run,
        );
    }
    return start === attributes && body === content ? whole : `<text${start}>${body}</text>`;
  });
}

/** A face registered in the PDF, by the key its runs name in font-family. */
export interface PdfFace {
  regular: FontFace;
  bold?: FontFace;
}

interface Run {
  face: FontFace | undefined;
  direction: "ltr" | "rtl" | "neutral" | "number";
  text: string;
}

/**
 * The SVG for svg-to-pdfkit: every text cut into runs of one face and one direction, each a <tspan>
 * whose font-family is the key of its face in `faces`. A right-to-left run is laid out by fontkit in
 * its direction, and a sequence of them (with the numbers among them) is put in visual order.
 */
export function withPdfFaces(
  svg: string,
  fonts: InstalledFonts,
  base: FontFace | undefined,
): { svg: string; faces: Map<string, PdfFace> } {
  const faces = new Map<string, PdfFace>();
  const keys = new Map<FontFace, string>();
  const keyOf = (face: FontFace): string => {
    let key = keys.get(face);
    if (!key) {
      key = `jm-face-${keys.size}`;
      keys.set(face, key);
      faces.set(key, { regular: face, ...(fonts.boldOf(face) ? { bold: fonts.boldOf(face)! } : {}) });
    }
    return key;
  };
  const rewritten = withColourEmoji(svg).replace(TEXT, (whole, attributes: string, content: string) => {
    if (!FAR.test(content)) return whole;
    const runs = visualOrder(cutRuns(content, fonts, base));
    if (runs.length === 1 && runs[0]!.face === base && runs[0]!.direction !== "rtl") return whole;
    const body = runs
      .map((run) => {
        const face = run.face ?? base;
        const family = face && face !== base ? ` font-family="${keyOf(face)}"` : "";
        if (run.direction !== "rtl") return `<tspan${family}>${run.text}</tspan>`;
        // pdfkit lays a text out a word at a time (each word with the space after it) and puts the
        // words left to right: a right-to-left run gives it one word per span, last word first, each
        // of which fontkit lays out right to left.
        return run.text
          .split(/( +)/)
          .filter((word) => word !== "")
          .reverse()
          .map((word) => `<tspan${family}>${word}</tspan>`)
          .join("");
      })
      .join("");
    return `<text${attributes}>${body}</text>`;
  });
  return { svg: rewritten, faces };
}

/** The runs of one text in logical order: a change of face or of direction starts a new one. */
function cutRuns(content: string, fonts: InstalledFonts, base: FontFace | undefined): Run[] {
  const scripts = scriptCharacters(content);
  const chosen = new Map<ScriptName, FontFace | undefined>();
  const faceOfScript = (script: ScriptName, code: number): FontFace | undefined => {
    // What the Latin face draws stays in it (DejaVu Sans has Arabic, Hebrew, ⚠), as in Chromium.
    if (base?.covers(code)) return base;
    if (!chosen.has(script)) chosen.set(script, fonts.faceFor(script, scripts.get(script) ?? []));
    const face = chosen.get(script);
    return face?.covers(code) ? face : (fonts.faceForCharacter(code, script) ?? face);
  };
  const runs: Run[] = [];
  // An entity (&amp;) is one neutral token; the rest one code point at a time.
  for (const [token] of content.matchAll(/&[^;]*;|[\s\S]/gu)) {
    let run: Run;
    const script = token.startsWith("&") ? undefined : scriptOf(token);
    const code = token.codePointAt(0)!;
    if (script) {
      run = { face: faceOfScript(script, code), direction: SCRIPTS[script].rtl ? "rtl" : "ltr", text: token };
    } else if (/^\p{N}$/u.test(token)) {
      run = { face: undefined, direction: "number", text: token };
    } else if (token.startsWith("&") || NEUTRAL.test(token)) {
      run = { face: undefined, direction: "neutral", text: token };
    } else {
      run = { face: base?.covers(code) ? base : (fonts.faceForCharacter(code) ?? base), direction: "ltr", text: token };
    }
    const last = runs.at(-1);
    if (last && last.direction === run.direction && last.face === run.face) last.text += run.text;
    else runs.push(run);
  }
  return resolveNeutrals(runs, base);
}

/** Neutrals between two runs of one direction take it, else left to right; numbers after Arabic stay numbers. */
function resolveNeutrals(runs: Run[], base: FontFace | undefined): Run[] {
  const strong = (from: number, step: 1 | -1): Run | undefined => {
    for (let i = from; i >= 0 && i < runs.length; i += step)
      if (runs[i]!.direction === "ltr" || runs[i]!.direction === "rtl") return runs[i];
    return undefined;
  };
  const resolved: Run[] = [];
  runs.forEach((run, i) => {
    let next = run;
    if (run.direction === "neutral" || run.direction === "number") {
      const before = strong(i - 1, -1);
      const after = strong(i + 1, 1);
      if (run.direction === "number") {
        // A number keeps its digits left to right; inside Arabic text it sits among the Arabic runs.
        next = {
          ...run,
          face: before?.face ?? after?.face ?? base,
          direction: before?.direction === "rtl" ? "number" : "ltr",
        };
      } else {
        // A number after Arabic counts as Arabic here (Unicode's rule W2): "رقم 12" reads as one run.
        const following = runs.slice(i + 1).find((other) => other.direction !== "neutral");
        const rtl =
          before?.direction === "rtl" &&
          (after === undefined || after.direction === "rtl" || following?.direction === "number");
        const neighbour = rtl ? before : (before ?? after);
        next = { ...run, face: neighbour?.face ?? base, direction: rtl ? "rtl" : "ltr" };
      }
    }
    const last = resolved.at(-1);
    if (last && last.direction === next.direction && last.face === next.face && next.direction !== "number")
      last.text += next.text;
    else resolved.push({ ...next });
  });
  return resolved;
}

/** Each sequence of right-to-left runs (and the numbers in it) reversed, so runs drawn one after another read right. */
function visualOrder(runs: Run[]): Run[] {
  const out: Run[] = [];
  let sequence: Run[] = [];
  for (const run of runs) {
    if (run.direction === "rtl" || (run.direction === "number" && sequence.length > 0)) sequence.push(run);
    else {
      out.push(...sequence.reverse(), run);
      sequence = [];
    }
  }
  return [...out, ...sequence.reverse()];
}

/**
 * Distinct emoji glyphs drawn as images in one picture: each PNG is embedded once (an <image> in <defs>,
 * drawn with <use>; 1,024 are about 3 MB of base64). Texts past them keep their emoji in the outline font.
 */
export const MAX_EMOJI_IMAGES = 1024;
/**
 * Past this many emoji in a picture, resvg scales their images without smoothing: it resamples each one
 * where drawn (1.45 ms an emoji at --scale 2, half that unsmoothed), and a 1 MB wall of 4,000 emoji
 * otherwise took 3.2 s to PNG. The examples draw a few dozen.
 */
export const MAX_SMOOTH_EMOJI = 400;
/** An emoji image is defined this many units to the em, and scaled to the text's font size where used. */
const IMAGE_UNITS = 100;
/** Text whose order a left-to-right layout would get wrong. */
const RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
/** A run of Devanagari words' letters, signs and joiners (a space ends it: the Latin face draws spaces). */
const DEVANAGARI_RUN =
  /[\p{Script=Devanagari}\u0964\u0965](?:[\p{Script=Devanagari}\u0964\u0965]|\p{M}|\u200c|\u200d)*/u;
const PLACED_RUN = new RegExp(`${EMOJI_SEQUENCE.source}|${DEVANAGARI_RUN.source}`, "gu");

interface LatinFonts {
  regular: TrueTypeFont;
  bold: TrueTypeFont | undefined;
}
let latinFonts: { key: string; fonts: LatinFonts | undefined } | undefined;

/** The Latin faces of the picture's font stack opened for layout (once per run and set of faces). */
function latinLayoutFonts(): LatinFonts | undefined {
  const faces = latinFaces(LATIN_FAMILIES);
  const key = `${faces.regular?.path}\n${faces.bold?.path}`;
  if (latinFonts?.key !== key) {
    const regular = faces.regular && TrueTypeFont.open(faces.regular.path, faces.regular.postscriptName);
    const bold = faces.bold && TrueTypeFont.open(faces.bold.path, faces.bold.postscriptName);
    latinFonts = { key, fonts: regular ? { regular, bold } : undefined };
  }
  return latinFonts.fonts;
}

/** Whether a picture has an emoji that a colour face installed here draws (PNG and PDF draw it as an image). */
export function drawsColourEmoji(svg: string): boolean {
  if (!hasEmojiSequence(svg)) return false;
  const [emoji, latin] = [colourEmoji(), latinLayoutFonts()?.regular];
  if (!emoji || !latin) return false;
  for (const [sequence] of drawnText(svg).matchAll(EMOJI_SEQUENCE))
    if (!drawnByLatin(sequence, latin) && emoji.shape(sequence)) return true;
  return false;
}

/** A pictograph the Latin face draws (😀, ⚠, ✔) stays in it, as in Chromium; with U+FE0F it is emoji. */
function drawnByLatin(sequence: string, latin: TrueTypeFont): boolean {
  return [...sequence].length === 1 && latin.glyphId(sequence.codePointAt(0)!) !== 0;
}

/** A text's content as XML reads it: its five entities and character references decoded. */
function unescaped(content: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return content.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[name] ?? whole;
  });
}

/** A number attribute of a start tag (one plain number, as the renderers write it), else undefined. */
function numberAttribute(attributes: string, name: string): number | undefined {
  const value = new RegExp(`\\s${name}="(-?[\\d.]+)"`).exec(attributes)?.[1];
  return value === undefined || !Number.isFinite(Number(value)) ? undefined : Number(value);
}

/** What one picture's placed texts share: the faces, and the emoji images defined so far. */
interface Placing {
  latin: LatinFonts;
  emoji: ColourEmoji | undefined;
  /** The installed fonts, when Devanagari syllables are placed too (the PNG). */
  fonts: InstalledFonts | undefined;
  images: Map<number, string>;
  definitions: string[];
  /** Emoji drawn (each a <use>). */
  uses: number;
}

/** The colour emoji of a picture as images, for svg-to-pdfkit (the PDF). */
export function withColourEmoji(svg: string): string {
  return withPlacedRuns(svg, undefined);
}

/**
 * The picture with the texts that resvg or svg-to-pdfkit would draw wrong laid out here, as Chromium
 * lays them out: each <text> of Latin words with colour emoji (and, given the installed fonts for the
 * PNG, Devanagari) is laid out from its x and text-anchor with the Latin face's advances and kerning,
 * the emoji face's advances and each Devanagari syllable's shaped width. Its words stay <text> elements
 * (same attributes, their own x); each emoji sequence (👩‍💻, 👍🏽, 🇯🇵, 1️⃣) is one glyph of the colour
 * face, a <use> of its PNG sized and placed as Chromium draws the glyph; each Devanagari syllable a
 * <tspan> at its own x in the Devanagari face. Texts with other scripts, their own font-family or an x
 * list stay as they are, and so does the picture when the faces are not installed.
 */
function withPlacedRuns(svg: string, fonts: InstalledFonts | undefined): string {
  const devanagari = fonts !== undefined && DEVANAGARI_RUN.test(svg);
  if (!devanagari && !hasEmojiSequence(svg)) return svg;
  const latin = latinLayoutFonts();
  if (!latin) return svg;
  const placing: Placing = {
    latin,
    emoji: colourEmoji(),
    fonts: devanagari ? fonts : undefined,
    images: new Map(),
    definitions: [],
    uses: 0,
  };
  let changed = false;
  const rewritten = svg.replace(TEXT, (whole, attributes: string, content: string) => {
    if (!hasEmojiSequence(content) && !(devanagari && DEVANAGARI_RUN.test(content))) return whole;
    const placed = placedText(attributes, content, placing);
    if (placed === undefined) return whole;
    changed = true;
    return placed;
  });
  if (!changed) return svg;
  if (placing.definitions.length === 0) return rewritten;
  // The definitions go first, inside the root element, so every <use> finds its image.
  const root = /<svg\b[^>]*>/.exec(rewritten);
  if (!root) return svg;
  const at = root.index + root[0].length;
  const definitions = placing.definitions.join("");
  const quick =
    placing.uses > MAX_SMOOTH_EMOJI
      ? definitions.replace(/<image /g, '<image image-rendering="optimizeSpeed" ')
      : definitions;
  return `${rewritten.slice(0, at)}<defs>${quick}</defs>${rewritten.slice(at)}`;
}

/** The id of an emoji glyph's image in the picture, defined on first use. */
function imageOf(glyph: EmojiGlyph, placing: Placing): string {
  let id = placing.images.get(glyph.glyph);
  if (id === undefined) {
    id = `jm-emoji-${placing.images.size}`;
    placing.images.set(glyph.glyph, id);
    const { png, width, height } = glyph.image;
    placing.definitions.push(
      `<image id="${id}" width="${n(width * IMAGE_UNITS)}" height="${n(height * IMAGE_UNITS)}" preserveAspectRatio="none" href="data:image/png;base64,${png.toString("base64")}"/>`,
    );
  }
  return id;
}

type Piece =
  | { text: string }
  | { glyph: EmojiGlyph }
  | { syllables: { text: string; width: number }[]; face: FontFace; width: number };

/** One text cut into its Latin runs, emoji images and Devanagari syllables, or undefined when it is left as it is. */
function placedText(attributes: string, content: string, placing: Placing): string | undefined {
  const [x, y, size] = [
    numberAttribute(attributes, "x"),
    numberAttribute(attributes, "y"),
    numberAttribute(attributes, "font-size"),
  ];
  if (x === undefined || y === undefined || size === undefined || /\sfont-family=/.test(attributes)) return undefined;
  const weight = /\sfont-weight="([^"]*)"/.exec(attributes)?.[1];
  const bold = weight === "bold" || weight === "bolder" || Number(weight) >= 600;
  const font = bold ? placing.latin.bold : placing.latin.regular;
  if (!font) return undefined;
  const text = unescaped(content)
    .replace(/[\n\r\t]/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
  if (RIGHT_TO_LEFT.test(text)) return undefined;
  const pieces: Piece[] = [];
  const newImages = new Set<number>();
  let from = 0;
  for (const match of text.matchAll(PLACED_RUN)) {
    const run = match[0];
    let placed: Piece[];
    if (DEVANAGARI_RUN.test(run[0]!)) {
      if (!placing.fonts) continue;
      const piece = devanagariPiece(run, placing.fonts, bold);
      if (!piece) return undefined;
      placed = [piece];
    } else {
      if (drawnByLatin(run, font)) continue;
      const glyphs = placing.emoji?.shape(run);
      if (!glyphs) return undefined;
      for (const glyph of glyphs) if (!placing.images.has(glyph.glyph)) newImages.add(glyph.glyph);
      if (placing.images.size + newImages.size > MAX_EMOJI_IMAGES) return undefined;
      placed = glyphs.map((glyph) => ({ glyph }));
    }
    if (match.index > from) pieces.push({ text: text.slice(from, match.index) });
    pieces.push(...placed);
    from = match.index + run.length;
  }
  if (pieces.length === 0) return undefined;
  if (from < text.length) pieces.push({ text: text.slice(from) });
  const scale = size / font.unitsPerEm;
  // Each piece with its start from the line's start, in px.
  const starts: number[] = [];
  let pen = 0;
  for (const piece of pieces) {
    starts.push(pen);
    if ("glyph" in piece) pen += piece.glyph.advance * size;
    else if ("syllables" in piece) pen += piece.width * size;
    else {
      const line = layoutLine(font, piece.text);
      // A character the Latin face lacks would come from another font: the browser's layout is not known here.
      if (!line.complete) return undefined;
      pen += line.width * scale;
    }
  }
  const start = anchoredStart(x, pen, /\stext-anchor="([^"]*)"/.exec(attributes)?.[1]);
  const rest = attributes.replace(/\s(x|text-anchor)="[^"]*"/g, "");
  return pieces
    .map((piece, i) => {
      const at = start + starts[i]!;
      if ("glyph" in piece) {
        const { left, top } = piece.glyph.image;
        const zoom = Math.round((size / IMAGE_UNITS) * 10_000) / 10_000;
        placing.uses++;
        return `<use href="#${imageOf(piece.glyph, placing)}" transform="translate(${n(at + left * size)} ${n(y - top * size)}) scale(${zoom})"/>`;
      }
      if ("syllables" in piece) {
        let syllableAt = at;
        const spans = piece.syllables.map((syllable) => {
          const span = `<tspan x="${n(syllableAt)}">${escapeXml(syllable.text)}</tspan>`;
          syllableAt += syllable.width * size;
          return span;
        });
        return `<text${rest} font-family="${quoted(piece.face.family)}">${spans.join("")}</text>`;
      }
      // A separate text drops its leading spaces: they move its x instead.
      const words = piece.text.trimStart();
      if (words.trim() === "") return "";
      const indent = layoutLine(font, piece.text.slice(0, piece.text.length - words.length)).width * scale;
      return `<text x="${n(at + indent)}"${rest}>${escapeXml(words.trimEnd())}</text>`;
    })
    .join("");
}

/** A Devanagari run in its face, each syllable with its shaped width (em); undefined when one cannot be measured. */
function devanagariPiece(run: string, fonts: InstalledFonts, bold: boolean): Piece | undefined {
  const regular = fonts.faceFor(
    "devanagari",
    [...new Set(run)].filter((c) => /\p{Script=Devanagari}/u.test(c)),
  );
  const face = bold && regular ? (fonts.boldOf(regular) ?? regular) : regular;
  if (!face) return undefined;
  const measured: { text: string; width: number }[] = [];
  let width = 0;
  for (const text of syllables(run)) {
    const measuredWidth = syllableWidth(face.path, face.postscriptName, text);
    if (measuredWidth === undefined) return undefined;
    measured.push({ text, width: measuredWidth });
    width += measuredWidth;
  }
  return { syllables: measured, face, width };
}
