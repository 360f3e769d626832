// Hostile maps for the pictures (SVG, PNG, PDF): about 1 MB of YAML in one shape each, aimed at text
// shaping and at the rasterizer: walls of CJK without a break, "Zalgo" marks, one very long name, long
// emoji ZWJ runs, right-to-left text with bidi controls, thousands of personas and touchpoints.
// Deterministic, so a slow case can be reproduced with the CLI.

const q = (text: string) => JSON.stringify(text);

/** A map with one persona and one stage, whose touchpoints are the given YAML lines. */
function oneStage(title: string, touchpoints: string[], personaName = "Guest"): string {
  return [
    "journeymap: 1",
    `title: ${q(title)}`,
    "personas:",
    `  - {id: p1, name: ${q(personaName)}}`,
    "stages:",
    "  - id: s1",
    "    name: Stay",
    "    touchpoints:",
    ...touchpoints,
    "",
  ].join("\n");
}

/** `count` CJK ideographs with no space or line break between them. */
function cjkWall(count: number, seed: number): string {
  return Array.from({ length: count }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919 + seed) % 20000))).join("");
}

/** A base letter under `marks` combining marks (each 2 bytes of UTF-8). */
const zalgo = (marks: number) => `a${"\u0301\u0316\u0334\u0360".repeat(marks / 4)}b`;

/** Families of four joined into one ever-longer emoji cluster by ZWJ. */
const zwjRun = (families: number) => Array.from({ length: families }, () => "👨‍👩‍👧‍👦").join("\u200d");

/** Arabic and Hebrew words with embedded Latin, bidi overrides, isolates and the Arabic letter mark. */
function bidi(words: number): string {
  const pieces = [
    "مرحبا",
    "بالعالم",
    "\u202eevil\u202c",
    "שלום",
    "עולם",
    "\u2067RTL\u2069",
    "\u061c",
    "check-in",
    "123",
  ];
  return Array.from({ length: words }, (_, i) => pieces[i % pieces.length]).join(" ");
}

export const pictureMaps: Record<string, () => string> = {
  // Pain points that are walls of 150,000 ideographs (450 KB; 100,000 took the 9 s).
  "CJK walls": () =>
    oneStage(
      cjkWall(20_000, 1),
      [0, 1].map((t) => `      - name: ${q(cjkWall(3_000, t))}\n        painPoints: [${q(cjkWall(150_000, t))}]`),
    ),
  // Texts of one base letter under 100,000 marks (the 20 s case), in every part of the picture.
  Zalgo: () =>
    oneStage(
      zalgo(40_000),
      [0, 1, 2].map((t) => `      - name: ${q(zalgo(100_000))}\n        actions: [${q(zalgo(40_000 + 4 * t))}]`),
      zalgo(40_000),
    ),
  // One touchpoint name of a million characters in words: it used to wrap into a 196-megapixel PNG.
  "one long name in words": () =>
    oneStage("Long", [`      - name: ${q("lorem ipsum dolor sit amet ".repeat(37_000))}\n        emotion: 2`]),
  // The same without a space: one word broken between graphemes.
  "one long name without a space": () =>
    oneStage("Long", [`      - name: ${q("x".repeat(1_000_000))}\n        emotion: 2`]),
  // Families joined by ZWJ into one grapheme of thousands of code points, that no line can break.
  "long emoji ZWJ runs": () =>
    oneStage(
      zwjRun(4_500),
      [0, 1, 2].map((t) => `      - name: ${q(zwjRun(4_500 + t))}\n        actions: [${q(zwjRun(4_500))}]`),
      zwjRun(4_500),
    ),
  // Right-to-left text with overrides and isolates, long enough to wrap into many lines.
  "RTL and bidi": () =>
    oneStage(
      bidi(15_000),
      [0, 1, 2].map((t) => `      - name: ${q(bidi(15_000 + t))}\n        thoughts: [${q(bidi(15_000))}]`),
      bidi(8_000),
    ),
  // 3,000 personas and 12,000 touchpoints across 120 stages, each naming a persona.
  "thousands of personas and touchpoints": () => {
    const lines = ["journeymap: 1", "title: Crowd", "personas:"];
    for (let p = 0; p < 3_000; p++) lines.push(`  - {id: p${p}, name: Persona ${p}}`);
    lines.push("stages:");
    for (let t = 0; t < 12_000; t++) {
      if (t % 100 === 0) lines.push(`  - id: s${t}`, `    name: Stage ${t}`, "    touchpoints:");
      lines.push(`      - {name: T${t}, personas: [p${t % 3_000}], emotion: ${(t % 5) + 1}, actions: [Acts]}`);
    }
    return `${lines.join("\n")}\n`;
  },
};
