// The font files of this machine (or of JOURNEYMAP_FONT_DIRS), read once per run: which face draws a
// script's characters, the Latin faces of the picture's font stack, and one warning per script that
// no installed font draws.
import { readdirSync } from "node:fs";
import { homedir } from "node:os";
import { basename, delimiter, join } from "node:path";
import { readFontFace, type FontFace } from "./font-file.js";
import { SCRIPT_NAMES, SCRIPTS, scriptOf, type ScriptName } from "./scripts.js";

/** Walking a font folder stops after this many files or this depth (a home folder of fonts is a few hundred). */
const MAX_FONT_FILES = 5000;
const MAX_DEPTH = 6;
const FONT_FILE = /\.(ttf|otf|ttc|otc)$/i;

/** The folders journeymap and resvg read fonts from: JOURNEYMAP_FONT_DIRS alone when it is set. */
export function fontFolders(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string[] {
  const own = env.JOURNEYMAP_FONT_DIRS;
  if (own !== undefined && own.trim() !== "") return own.split(delimiter).filter((folder) => folder !== "");
  const home = env.HOME ?? homedir();
  if (platform === "win32") {
    const windows = env.WINDIR ?? "C:\\Windows";
    return [
      join(windows, "Fonts"),
      ...(env.LOCALAPPDATA ? [join(env.LOCALAPPDATA, "Microsoft", "Windows", "Fonts")] : []),
    ];
  }
  if (platform === "darwin")
    return ["/System/Library/Fonts", "/Library/Fonts", "/Network/Library/Fonts", join(home, "Library", "Fonts")];
  return ["/usr/share/fonts", "/usr/local/share/fonts", join(home, ".local", "share", "fonts"), join(home, ".fonts")];
}

/** Whether the fonts are journeymap's own choice (JOURNEYMAP_FONT_DIRS), not the system's. */
export function ownFontFolders(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.JOURNEYMAP_FONT_DIRS ?? "").trim() !== "";
}

/** The font files of `folders`, walked in name order within the MAX_FONT_FILES and MAX_DEPTH bounds. */
export function fontFiles(folders: string[]): string[] {
  const files: string[] = [];
  const walk = (folder: string, depth: number): void => {
    if (depth > MAX_DEPTH || files.length >= MAX_FONT_FILES) return;
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (files.length >= MAX_FONT_FILES) return;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path, depth + 1);
      else if ((entry.isFile() || entry.isSymbolicLink()) && FONT_FILE.test(entry.name)) files.push(path);
    }
  };
  for (const folder of folders) walk(folder, 0);
  return files;
}

/** Sans before serif, upright regular before the rest: the face a fallback should look like. */
function plainness(face: FontFace): number {
  const name = basename(face.path);
  return (
    (face.weight === 400 ? 0 : 4) +
    (face.italic ? 8 : 0) +
    (/serif|mono|kufi|naskh|rashi|looped|display|ui-/i.test(name) ? 2 : 0) +
    (/-(bold|light|thin|black|medium|semibold|extra|condensed)/i.test(name) ? 1 : 0)
  );
}

export class InstalledFonts {
  #faces: FontFace[] | undefined;
  readonly #byScript = new Map<ScriptName, FontFace[]>();
  readonly #byCharacter = new Map<number, FontFace | undefined>();

  constructor(readonly folders: string[]) {}

  /** The faces with outlines, read on first use: a picture whose far characters are only dashes and
   * quotes (“—”) never needs them. */
  get faces(): FontFace[] {
    this.#faces ??= fontFiles(this.folders)
      .map((path) => readFontFace(path))
      .filter((face): face is FontFace => face !== undefined && face.outlines);
    return this.#faces;
  }

  /** The faces to try for a script, its preferred files first, then the plainest. */
  candidates(script: ScriptName): FontFace[] {
    let list = this.#byScript.get(script);
    if (!list) {
      const preferred = SCRIPTS[script].preferred;
      list = [...this.faces].sort(
        (a, b) =>
          Number(!preferred.test(basename(a.path))) - Number(!preferred.test(basename(b.path))) ||
          plainness(a) - plainness(b),
      );
      this.#byScript.set(script, list);
    }
    return list;
  }

  /** The face that draws all of `characters` of a script, else the one that draws the first; undefined if none. */
  faceFor(script: ScriptName, characters: string[]): FontFace | undefined {
    const codes = characters.map((character) => character.codePointAt(0)!);
    const list = this.candidates(script);
    return (
      list.find((face) => codes.every((code) => face.covers(code))) ??
      (codes.length > 0 ? this.faceForCharacter(codes[0]!, script) : undefined)
    );
  }

  /** The first face, in the script's order, that draws one character. */
  faceForCharacter(code: number, script?: ScriptName): FontFace | undefined {
    if (this.#byCharacter.has(code)) return this.#byCharacter.get(code);
    const list = script ? this.candidates(script) : [...this.faces].sort((a, b) => plainness(a) - plainness(b));
    const face = list.find((candidate) => candidate.covers(code));
    this.#byCharacter.set(code, face);
    return face;
  }

  /** The regular (or bold) upright face of the first family of `families` that is installed. */
  family(families: string[], bold: boolean): FontFace | undefined {
    for (const family of families) {
      const faces = this.faces.filter((face) => face.family.toLowerCase() === family.toLowerCase() && !face.italic);
      if (faces.length === 0) continue;
      const wanted = bold ? 700 : 400;
      return faces.sort((a, b) => Math.abs(a.weight - wanted) - Math.abs(b.weight - wanted))[0];
    }
    return undefined;
  }

  /** A face of the same family as `face` with the weight closest to bold, if it is bolder. */
  boldOf(face: FontFace): FontFace | undefined {
    const bolder = this.faces
      .filter((other) => other.family === face.family && !other.italic && other.weight >= 600)
      .sort((a, b) => Math.abs(a.weight - 700) - Math.abs(b.weight - 700));
    return bolder[0];
  }
}

/**
 * Where the Latin faces of the picture's font stack usually are: read directly, a picture of Latin text
 * needs no walk through every installed font (330 ms for Debian's Noto fonts on a loaded machine).
 */
const USUAL_LATIN_FILES: Record<string, string[]> = {
  linux: [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf",
  ],
  darwin: [
    "/System/Library/Fonts/Supplemental/Arial.ttf",
    "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
    "/Library/Fonts/Arial.ttf",
    "/Library/Fonts/Arial Bold.ttf",
  ],
  win32: ["arial.ttf", "arialbd.ttf"].map((file) => join(process.env.WINDIR ?? "C:\\Windows", "Fonts", file)),
};

/**
 * The regular and bold faces of the first family of `families` that is installed: from the usual
 * places when both are there, else from every installed font.
 */
export function latinFaces(families: string[]): { regular?: FontFace; bold?: FontFace } {
  if (!ownFontFolders()) {
    const faces = (USUAL_LATIN_FILES[process.platform] ?? [])
      .map((path) => readFontFace(path))
      .filter((face): face is FontFace => face !== undefined && face.outlines);
    const family = families.find((name) => faces.some((face) => face.family === name));
    const regular = faces.find((face) => face.family === family && face.weight < 600);
    const bold = faces.find((face) => face.family === family && face.weight >= 600);
    if (regular && bold) return { regular, bold };
  }
  const fonts = installedFonts();
  const regular = fonts.family(families, false);
  const bold = fonts.family(families, true);
  return { ...(regular ? { regular } : {}), ...(bold && bold.weight >= 600 ? { bold } : {}) };
}

let installed: InstalledFonts | undefined;

/** This run's fonts, read on first use (about 60 ms for the 330 files of Debian's Noto fonts). */
export function installedFonts(): InstalledFonts {
  const folders = fontFolders();
  if (!installed || installed.folders.join(delimiter) !== folders.join(delimiter))
    installed = new InstalledFonts(folders);
  return installed;
}

/** At most this many distinct characters of one script are checked: enough to find a font that lacks some. */
const MAX_CHECKED = 64;

/** The families of the picture's font stack (svg/text.ts), in the order a browser tries them. */
export const LATIN_FAMILIES = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica"];

let latin: { folders: string; face: FontFace | undefined } | undefined;

/** The regular Latin face of this run: characters it draws (⚠, Arabic in DejaVu Sans) need no fallback. */
export function latinFace(): FontFace | undefined {
  const folders = fontFolders().join(delimiter);
  if (latin?.folders !== folders) latin = { folders, face: latinFaces(LATIN_FAMILIES).regular };
  return latin.face;
}

/** The distinct characters of each catalog script in `text` that the Latin face does not draw. */
export function scriptCharacters(text: string, base = latinFace()): Map<ScriptName, string[]> {
  const found = new Map<ScriptName, Set<string>>();
  // Only characters outside Latin can need a fallback: one scan skips the rest cheaply.
  for (const match of text.matchAll(/[^\u0000-\u058f]/gu)) {
    const script = scriptOf(match[0]);
    if (!script || base?.covers(match[0].codePointAt(0)!)) continue;
    let set = found.get(script);
    if (!set) found.set(script, (set = new Set()));
    if (set.size < MAX_CHECKED) set.add(match[0]);
  }
  return new Map([...found].map(([script, set]) => [script, [...set]]));
}

/** Scripts already reported this run: a folder of 200 Japanese maps warns once. */
const reported = new Set<ScriptName>();

/**
 * One warning per script of `text` that no installed font draws (characters no face covers), each
 * reported once per run through `warn`.
 */
export function reportMissingFonts(text: string, format: "PNG" | "PDF", warn: (message: string) => void): void {
  const needed = scriptCharacters(text);
  if (needed.size === 0) return;
  const fonts = installedFonts();
  for (const script of SCRIPT_NAMES) {
    const characters = needed.get(script);
    if (!characters || reported.has(script)) continue;
    const missing = characters.filter((character) => !fonts.faceForCharacter(character.codePointAt(0)!, script));
    if (missing.length === 0) continue;
    reported.add(script);
    const { label, install } = SCRIPTS[script];
    // Marks alone (Thai vowels and tones) say little: the letters are shown.
    const letters = missing.filter((character) => !/\p{M}/u.test(character));
    const shown = (letters.length > 0 ? letters : missing).slice(0, 3).join(" ");
    warn(
      `no installed font draws ${label} text (${shown}), so the ${format} shows ${
        format === "PNG" ? "nothing or boxes" : "boxes"
      } for it: ${install}, or point JOURNEYMAP_FONT_DIRS to a folder of fonts`,
    );
  }
}
