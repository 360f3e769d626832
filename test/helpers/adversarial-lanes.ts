// Hostile maps for the declared lanes of the picture and the page: about 1 MB of YAML in one shape each
// (a thousand lanes filled by every touchpoint, a lane per touchpoint, tens of thousands of chips in one
// card, a thousand stages filling a thousand lanes, lane ids named like Object.prototype's members, and
// `__proto__` as a lane key, which the schema refuses). Deterministic, so a slow case can be reproduced.

const q = (text: string) => JSON.stringify(text);
const TARGET = 1_000_000;

/** Lane ids a plain object has already, in the kebab-case the schema allows, then lane-N. */
const PROTOTYPE_IDS = ["constructor", "prototype", "to-string", "value-of", "has-own-property", "proto"];
const laneId = (k: number) => PROTOTYPE_IDS[k] ?? `lane-${k}`;

function declare(count: number, kind: (k: number) => string): string[] {
  return [
    "lanes:",
    ...Array.from(
      { length: count },
      (_, k) => `  - {id: ${laneId(k)}, label: ${q(`Lane ${k} <b>&</b>`)}, kind: ${kind(k)}}`,
    ),
  ];
}

const KINDS = ["list", "text", "tags", "people", "systems"];

/** Touchpoint lines until the map reaches about 1 MB. */
function untilFull(head: string[], touchpoint: (i: number) => string[]): string {
  const lines = [...head];
  let size = lines.join("\n").length;
  for (let i = 0; size < TARGET; i++) {
    const more = touchpoint(i);
    lines.push(...more);
    size += more.join("\n").length + 1;
  }
  return `${lines.join("\n")}\n`;
}

const HEAD = (lanes: string[]) => [
  "journeymap: 1",
  "title: Declared lanes",
  "personas: [{id: p1, name: Guest}]",
  ...lanes,
  "stages:",
  "  - id: s1",
  "    name: Stay",
  "    touchpoints:",
];

export const laneMaps: Record<string, () => string> = {
  "a thousand lanes filled by every touchpoint": () =>
    untilFull(HEAD(declare(1000, (k) => KINDS[k % KINDS.length]!)), (i) => [
      `      - name: Step ${i}`,
      "        emotion: 3",
      "        lanes:",
      ...Array.from({ length: 1000 }, (_, k) =>
        k % 50 === 0
          ? `          ${laneId(k)}: [{text: "Fails ${k}", fail: {risk: r}, wait: 2 min}]`
          : `          ${laneId(k)}: [v${k}]`,
      ),
    ]),
  "a thousand lanes, each filled by one touchpoint": () =>
    untilFull(HEAD(declare(1000, (k) => KINDS[k % KINDS.length]!)), (i) => [
      `      - name: Step ${i}`,
      `        lanes: {${laneId(i % 1000)}: [${q(`Value ${i} `.repeat(20))}]}`,
    ]),
  "tens of thousands of chips in one card": () =>
    `${HEAD(declare(1, () => "systems")).join("\n")}\n      - name: One\n        lanes:\n          constructor:\n${Array.from(
      { length: 46_000 },
      (_, i) => `            - S${i}`,
    ).join("\n")}\n`,
  "a thousand stages filling a thousand lanes": () => {
    const lines = [
      "journeymap: 1",
      "title: Stages",
      "personas: [{id: p1, name: Guest}]",
      ...declare(1000, (k) => KINDS[k % 5]!),
      "stages:",
    ];
    let size = lines.join("\n").length;
    for (let s = 0; size < TARGET; s++) {
      const stage = [
        `  - id: s${s}`,
        `    name: Stage ${s}`,
        "    lanes:",
        ...Array.from({ length: 40 }, (_, k) => `      ${laneId((s * 40 + k) % 1000)}: Rule ${s}`),
      ];
      lines.push(...stage);
      size += stage.join("\n").length + 1;
    }
    return `${lines.join("\n")}\n`;
  },
};

/** A map whose touchpoints fill `__proto__` and `constructor`: the schema refuses the first (lane ids are
 * kebab-case), so the CLI reports it instead of drawing. */
export function protoKeyMap(): string {
  return untilFull(HEAD(declare(6, () => "list")), (i) => [
    `      - name: Step ${i}`,
    "        lanes:",
    '          __proto__: [{text: polluted, fail: {risk: "yes"}}]',
    "          constructor: [fine]",
    `          "prototype": [${q("x".repeat(200))}]`,
  ]);
}
