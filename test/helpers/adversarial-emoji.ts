// Hostile maps for the colour emoji and Devanagari placing of PNG and PDF (fonts/fallback.ts): about
// 1 MB of YAML each, aimed at what that placing costs per picture: thousands of distinct emoji
// sequences (each a PNG to embed), one emoji repeated thousands of times (each a <use>), and thousands
// of distinct Devanagari syllables (each shaped by fontkit). Deterministic, to reproduce with the CLI.

const q = (text: string) => JSON.stringify(text);

/** A map with one persona and `stages` stages of `perStage` touchpoints, named by `name(stage, touchpoint)`. */
function manyTouchpoints(
  title: string,
  stages: number,
  perStage: number,
  name: (s: number, t: number) => string,
): string {
  const lines = ["journeymap: 1", `title: ${q(title)}`, "personas:", "  - {id: p1, name: Guest}", "stages:"];
  for (let s = 0; s < stages; s++) {
    lines.push(`  - id: s${s}`, `    name: ${q(name(s, -1))}`, "    touchpoints:");
    for (let t = 0; t < perStage; t++)
      lines.push(`      - name: ${q(name(s, t))}`, `        painPoints: [${q(name(s, t + perStage))}]`);
  }
  return `${lines.join("\n")}\n`;
}

/** Emoticons (U+1F600–1F64F) and transport (U+1F680–1F6C5): 150 emoji every colour face has. */
const PICTOGRAPHS = [
  ...Array.from({ length: 0x50 }, (_, i) => 0x1f600 + i),
  ...Array.from({ length: 0x46 }, (_, i) => 0x1f680 + i),
].map((code) => String.fromCodePoint(code));
const COUNTRIES = ["JP", "FR", "DE", "BR", "IN", "NG", "US", "GB", "CA", "MX", "KR", "ZA", "SE", "AR", "EG", "TR"];

/** `count` emoji sequences of every kind: pictographs, skin tones, ZWJ pairs, flags and keycaps. */
function distinctEmoji(count: number, seed: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const k = i * 7 + seed;
    const base = PICTOGRAPHS[k % PICTOGRAPHS.length]!;
    const kind = k % 5;
    if (kind === 0) out.push(`${String.fromCodePoint(0x1f44a + (k % 7))}${String.fromCodePoint(0x1f3fb + (k % 5))}`);
    else if (kind === 1) out.push(`${base}\u200d${PICTOGRAPHS[(k * 13) % PICTOGRAPHS.length]!}`);
    else if (kind === 2)
      out.push(
        String.fromCodePoint(...[...COUNTRIES[k % COUNTRIES.length]!].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65)),
      );
    else if (kind === 3) out.push(`${k % 10}\ufe0f\u20e3`);
    else out.push(base);
  }
  return out.join(" ");
}

/** `count` Devanagari syllables (consonant, optional conjunct, vowel sign) in words of three. */
function devanagariWords(count: number, seed: number): string {
  const syllables: string[] = [];
  for (let i = 0; i < count; i++) {
    const k = i * 31 + seed;
    const consonant = String.fromCodePoint(0x915 + (k % 34));
    const conjunct = k % 3 === 0 ? `\u094d${String.fromCodePoint(0x915 + ((k * 7) % 34))}` : "";
    const sign = String.fromCodePoint([0x93e, 0x93f, 0x940, 0x947, 0x94b, 0x94c, 0x902][k % 7]!);
    syllables.push(consonant + conjunct + sign + (i % 3 === 2 ? " " : ""));
  }
  return syllables.join("");
}

// Each drawn just under the 16,000 glyphs a PNG or PDF may have (an emoji counts 4): the placing is
// exercised, not the refusal; the rest of each 1 MB text is cut by the picture's line budget.
export const emojiMaps: Record<string, () => string> = {
  // 8 touchpoints, each name and pain point 6,600 emoji sequences (about 1,000 distinct glyphs).
  "walls of distinct emoji": () =>
    manyTouchpoints("Emoji 😀", 1, 8, (s, t) => distinctEmoji(t < 0 ? 40 : 6_600, s * 100 + t + 1)),
  // One emoji with a skin tone, tens of thousands of times, with a word between each.
  "one emoji repeated": () => manyTouchpoints("👍🏽", 1, 10, (_, t) => "ok 👍🏽 ".repeat(t < 0 ? 10 : 4_300)),
  // Thousands of distinct Devanagari syllables with Latin words and emoji among them.
  "Devanagari with emoji": () =>
    manyTouchpoints("पहला ऑर्डर", 1, 8, (s, t) => `Order ${devanagariWords(t < 0 ? 20 : 7_500, s * 100 + t + 1)} ✅`),
};
