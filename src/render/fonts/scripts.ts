// The writing systems a map's text may need beyond the Latin fonts, each with the font files that
// usually draw it and what to install when none does. One entry per script: the PNG and PDF fallbacks
// and the missing-font warning all read this catalog.

export type ScriptName = "han" | "kana" | "hangul" | "arabic" | "hebrew" | "devanagari" | "thai" | "emoji";

export interface Script {
  /** As a warning names it, with a sample a reader recognises. */
  label: string;
  /** The characters of the script (tested one character at a time). */
  pattern: RegExp;
  /** Font files that draw it well, tried first (others that cover the characters come after). */
  preferred: RegExp;
  /** Written right to left: kept in runs of its own so a PDF lays each run out in its direction. */
  rtl?: boolean;
  /** What to install when no font draws it. */
  install: string;
}

const CJK_INSTALL =
  "install fonts-noto-cjk (Debian, Ubuntu), google-noto-sans-cjk-fonts (Fedora) or Noto Sans CJK (macOS and Windows ship one)";
const NOTO_INSTALL = (family: string) =>
  `install fonts-noto-core (Debian, Ubuntu), google-noto-sans-fonts (Fedora) or ${family} from fonts.google.com/noto`;
const CJK_FILES =
  /NotoSansCJK|NotoSans(JP|SC|TC|KR)|SourceHanSans|PingFang|Hiragino|YuGoth|msyh|msgothic|malgun|AppleSDGothic/i;

export const SCRIPTS: Record<ScriptName, Script> = {
  han: { label: "Chinese and Japanese (漢字)", pattern: /\p{Script=Han}/u, preferred: CJK_FILES, install: CJK_INSTALL },
  kana: {
    label: "Japanese (かな)",
    pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]/u,
    preferred: CJK_FILES,
    install: CJK_INSTALL,
  },
  hangul: { label: "Korean (한글)", pattern: /\p{Script=Hangul}/u, preferred: CJK_FILES, install: CJK_INSTALL },
  arabic: {
    label: "Arabic (العربية)",
    pattern: /\p{Script=Arabic}/u,
    preferred: /DejaVuSans\.|NotoSansArabic-|GeezaPro|arial\.ttf|segoeui\.ttf/i,
    rtl: true,
    install: NOTO_INSTALL("Noto Sans Arabic"),
  },
  hebrew: {
    label: "Hebrew (עברית)",
    pattern: /\p{Script=Hebrew}/u,
    preferred: /DejaVuSans\.|NotoSansHebrew-|ArialHB|arial\.ttf|segoeui\.ttf/i,
    rtl: true,
    install: NOTO_INSTALL("Noto Sans Hebrew"),
  },
  devanagari: {
    label: "Devanagari (देवनागरी)",
    pattern: /\p{Script=Devanagari}/u,
    preferred: /NotoSansDevanagari-|Kohinoor|mangal|nirmala/i,
    install: NOTO_INSTALL("Noto Sans Devanagari"),
  },
  thai: {
    label: "Thai (ไทย)",
    pattern: /\p{Script=Thai}/u,
    preferred: /NotoSansThai-|Thonburi|leelawad|tahoma/i,
    install: NOTO_INSTALL("Noto Sans Thai"),
  },
  emoji: {
    label: "emoji (😀)",
    // Pictographs outside the Latin fonts' reach: the ones below U+2000 (©, ®) DejaVu draws.
    pattern: /(?![\u0000-\u1fff])\p{Extended_Pictographic}/u,
    // Outline fonts only: resvg 2.6 and PDF draw nothing with a colour-bitmap font (Noto Color Emoji).
    preferred: /NotoEmoji-|Symbola|seguiemj|seguisym|NotoSansSymbols2-/i,
    install:
      "install fonts-symbola or fonts-noto-core (Debian, Ubuntu; colour emoji fonts have no outlines to draw from), or Noto Emoji from fonts.google.com/noto",
  },
};

export const SCRIPT_NAMES = Object.keys(SCRIPTS) as ScriptName[];

/** The script of one character among the catalog's, or undefined (Latin, digits, punctuation, marks). */
export function scriptOf(character: string): ScriptName | undefined {
  const code = character.codePointAt(0)!;
  if (code < 0x0590) return undefined;
  for (const name of SCRIPT_NAMES) if (SCRIPTS[name].pattern.test(character)) return name;
  return undefined;
}

/** Characters that take the direction and font of the text around them. */
export const NEUTRAL = /^(?:[\s\p{P}\p{S}\p{N}]|\p{M}|\u200c|\u200d|\ufe0f|[\u{1f3fb}-\u{1f3ff}])$/u;
