// Hostile shapes of about 1 MB for the loader, validation, the lint rules and the lint CLI (issue 19):
// unknown references by the ten thousand, thousands of personas, broken links across a folder, deep
// block nesting closed by one line, a late NUL, one-line maps, invisible and bidi characters in names.

const pad = (i: number) => String(i).padStart(4, "0");
const HEAD = "journeymap: 1\ntitle: Hostile";

/** 2,000 personas, and 20,000 references to personas that do not exist, each near one that does. */
export function unknownPersonas(): string {
  const lines = [HEAD, "personas:"];
  for (let i = 0; i < 2000; i++) lines.push(`  - {id: persona-${pad(i)}, name: P${i}}`);
  lines.push("stages:", "  - id: s", "    name: S", "    touchpoints:");
  for (let t = 0, refs = 0; refs < 20_000; t++) {
    const ids: string[] = [];
    for (let k = 0; k < 20; k++, refs++) ids.push(`persona-x${pad(refs % 2000)}`);
    lines.push(`      - {id: t${t}, name: T${t}, owner: web, personas: [${ids.join(", ")}]}`);
  }
  return `${lines.join("\n")}\n`;
}

/** 12,000 personas and touchpoints whose emotions score personas one letter off them (each fixable). */
export function manyPersonas(): string {
  const lines = [HEAD, "personas:"];
  for (let i = 0; i < 12_000; i++) lines.push(`  - {id: buyer-${pad(i)}, name: B}`);
  lines.push("stages:", "  - id: s", "    name: S", "    touchpoints:");
  for (let t = 0; t < 3000; t++) {
    const scores = [0, 1, 2].map((k) => `byer-${pad((t * 3 + k) % 12_000)}: 3`);
    lines.push(`      - {id: t${t}, name: T, owner: web, emotion: {${scores.join(", ")}}}`);
  }
  return `${lines.join("\n")}\n`;
}

/** A folder of 300 maps with 20 broken `details:` links each (6,000), each near a map's id. */
export function brokenLinks(): Record<string, string> {
  const maps: Record<string, string> = {};
  for (let m = 0; m < 300; m++) {
    const lines = [
      HEAD,
      "personas: [{id: buyer, name: Buyer}]",
      "stages:",
      "  - id: s",
      "    name: S",
      "    touchpoints:",
    ];
    for (let t = 0; t < 20; t++)
      lines.push(`      - {id: t${t}, name: T, owner: web, details: map-x${pad((m * 20 + t) % 300)}}`);
    maps[`map-${pad(m)}.journey.yaml`] = `${lines.join("\n")}\n`;
  }
  return maps;
}

/** 2,000 levels of block nesting (a list and a mapping per line), all closed by the next stage. */
export function deepBlocks(): string {
  const lines = [
    HEAD,
    "personas: [{id: buyer, name: Buyer}]",
    "stages:",
    "  - id: s",
    "    name: S",
    "    description:",
  ];
  for (let d = 0; d < 1000; d++) lines.push(`${" ".repeat(6 + 2 * d)}- k${d}:`);
  lines.push(`${" ".repeat(6 + 2000)}x`, "  - id: s2", "    name: S2");
  return `${lines.join("\n")}\n`;
}

/** The line and column of deepBlocks' first collection past 64 levels. */
export const DEEP_BLOCKS_AT = { line: 38, column: 69 };

/** A valid map of ~1 MB whose only NUL byte is on its last line. */
export function lateNul(): string {
  const lines = [
    HEAD,
    "personas: [{id: buyer, name: Buyer}]",
    "stages:",
    "  - id: s",
    "    name: S",
    "    touchpoints:",
  ];
  for (let t = 0; t < 28_000; t++) lines.push(`      - {id: t${t}, name: T${t}}`);
  lines.push(`      - {id: z, name: "bad\u0000name"}`);
  return `${lines.join("\n")}\n`;
}

/** A map of ~1 MB on one line, with findings all along it. */
export function oneLine(): string {
  const touchpoints: string[] = [];
  for (let t = 0, size = 0; size < 1_000_000; t++) {
    const touchpoint = `{id: t${t}, name: T${t}, personas: [byer]}`;
    touchpoints.push(touchpoint);
    size += touchpoint.length + 2;
  }
  return `{journeymap: 1, title: One line, personas: [{id: buyer, name: Buyer}], stages: [{id: s, name: S, touchpoints: [${touchpoints.join(", ")}]}]}\n`;
}

/** A map of ~1 MB on one line whose 40,000 touchpoints each have a misspelt key (a schema error each). */
export function unknownKeysOnOneLine(): string {
  const touchpoints: string[] = [];
  for (let t = 0, size = 0; size < 1_000_000; t++) {
    const touchpoint = `{id: t${t}, nme: T${t}}`;
    touchpoints.push(touchpoint);
    size += touchpoint.length + 2;
  }
  return `{journeymap: 1, title: One line, personas: [{id: buyer, name: Buyer}], stages: [{id: s, name: S, touchpoints: [${touchpoints.join(", ")}]}]}\n`;
}

/** Bidi controls and characters that show nothing, in touchpoint names and persona ids. */
export const INVISIBLE_MARKS = [
  "\u061c",
  "\u200e",
  "\u200f",
  "\u202a",
  "\u202e",
  "\u2066",
  "\u2069",
  "\ufeff",
  "\u2028",
  "\u180e",
  "\u115f",
  "\u3164",
  "\u{e0041}",
  "\u00ad",
  "\u2064",
];

export function invisibleNames(): string {
  const lines = [
    HEAD,
    "personas: [{id: buyer, name: Buyer}]",
    "stages:",
    "  - id: s",
    "    name: S",
    "    touchpoints:",
  ];
  INVISIBLE_MARKS.forEach((mark, i) =>
    lines.push(`      - {id: t${i}, name: ${JSON.stringify(`a${mark}b`)}, personas: [${JSON.stringify(`x${mark}y`)}]}`),
  );
  return `${lines.join("\n")}\n`;
}
