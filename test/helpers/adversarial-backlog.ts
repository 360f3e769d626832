// Hostile maps for `journeymap backlog`, each at most 1 MB: tens of thousands of opportunities on one
// map (flow style, short ids), titles and owners written to steer a terminal, a CI log, a spreadsheet
// or an object's prototype, and scores far out of range.

/** A map's first lines, up to its one touchpoint's keys. */
function onePlace(title: string): string[] {
  return [
    "journeymap: 1",
    `title: ${title}`,
    "stages:",
    "  - id: only",
    "    name: Only",
    "    touchpoints:",
    "      - name: Pays",
  ];
}

/** A map whose one touchpoint lists `count` opportunities: half written with a title (every fourth of
 * those scored, all in the same cell of the matrix), half naming one of those by id alone. */
export function manyOpportunities(count: number): string {
  const entries: string[] = [];
  const defined = Math.ceil(count / 2);
  for (let i = 0; i < defined; i++) {
    const id = `b${i.toString(36)}`;
    entries.push(i % 4 === 0 ? `{id: ${id},title: t,value: 5,effort: 1}` : `{id: ${id},title: t}`);
  }
  for (let i = 0; i < count - defined; i++) entries.push(`{id: b${i.toString(36)}}`);
  return [...onePlace("Many"), `        opportunities: [${entries.join(",")}]`, ""].join("\n");
}

/** Titles and owners that would act if printed raw: ANSI, OSC title, bidi, C1, workflow commands,
 * spreadsheet formulas; owners named after Object.prototype's keys. */
export const STEERING_TITLES = [
  "\u001b[2J\u001b[31mcleared\u001b[0m",
  "\u001b]0;pwned\u0007title",
  "abc\u202edcba\u2066x",
  "\u009b31mC1",
  "::error::forged",
  "##[group]forged",
  "=cmd|' /C calc'!A0",
  "+SUM(A1)",
  "-2+3",
  "@import",
];
export const PROTOTYPE_OWNERS = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];

/** A map whose opportunities carry the steering titles and prototype owners, repeated to `count`. */
export function steeringOpportunities(count: number): string {
  const lines = [...onePlace("Steering"), "        opportunities:"];
  for (let i = 0; i < count; i++) {
    const title = STEERING_TITLES[i % STEERING_TITLES.length]!;
    const owner = PROTOTYPE_OWNERS[i % PROTOTYPE_OWNERS.length]!;
    lines.push(
      `          - {id: s${i}, title: ${JSON.stringify(`${title} ${i}`)}, owner: ${JSON.stringify(owner)}, value: ${(i % 5) + 1}, effort: ${(i % 3) + 1}}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** A schema-invalid map: scores far out of range and an id that is an Object.prototype key. */
export function outOfRange(): string {
  return [
    ...onePlace("Out of range"),
    "        opportunities:",
    "          - {id: __proto__, title: Proto, value: 1e308, effort: -1}",
    '          - {id: huge, title: "\\e[31mHuge", value: 99999999999999999999, effort: 0, confidence: 1e9}',
    "",
  ].join("\n");
}
