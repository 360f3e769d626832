// Hostile shapes of about 1 MB for the rules about opportunities tracked as work (issue 24): tens of
// thousands of opportunity objects with duplicate ids, references to ids nobody defines, owners and
// metrics named like Object.prototype's keys, done work beside its pain points, absurd dates.

const HEAD = [
  "journeymap: 1",
  "title: Hostile opportunities",
  "owner: cx",
  "status: current",
  "reviewed: 0001-01-01",
  "personas: [{id: buyer, name: Buyer}]",
  "teams: [{id: app}, {id: ops}]",
  "metrics: [{id: c, name: Conversion, better: higher, target: 50}]",
];

/** A short id of the opportunity at `i` (base 36 after a letter, so YAML reads it as text). */
const idOf = (prefix: string, i: number) => `${prefix}${i.toString(36)}`;

/** One opportunity object of a few kinds, in turn: the shapes every rule looks at. Every other one
 * names the one before it by id alone (as a map names one written elsewhere), and the long kinds come
 * once in 64, so that 50,000 objects fit in about 1 MB. */
function opportunity(i: number, prefix: string): string {
  const id = idOf(prefix, i);
  if (i % 2 === 1) {
    if (i % 64 === 9) return `{id: x${id}}`; // named alone, defined nowhere
    if (i % 64 === 11) return `{id: ${idOf(prefix, i - 3)}, addresses: [__proto__]}`; // i - 1 repeats the first id
    return `{id: ${idOf(prefix, i - 1)}}`;
  }
  switch (i % 64) {
    case 2:
      return `{id: ${id}, title: T, owner: __proto__}`;
    case 4:
      return `{id: ${id}, title: T, status: done, metric: {id: c, target: 99}}`;
    case 6:
      return `{id: ${id}, title: T, due: 0001-01-01}`;
    case 8:
      return `{id: ${id}, title: T, due: 9999-02-30, metric: {id: constructor}}`;
    case 10:
      return `{id: ${prefix}0, title: T}`; // a duplicate of the first
    default:
      return `{id: ${id}, title: T}`;
  }
}

/** One map of `count` opportunity objects, 50 to a touchpoint, each touchpoint with pain points and a
 * value of the metric short of the done opportunities' target. 50,000 objects make about 1 MB. */
export function manyOpportunities(count = 50_000, prefix = "o"): string {
  const lines = [...HEAD, "stages:", "  - id: s", "    name: S", "    touchpoints:"];
  for (let t = 0; t * 50 < count; t++) {
    const entries: string[] = [];
    for (let i = t * 50; i < Math.min(count, (t + 1) * 50); i++) entries.push(opportunity(i, prefix));
    lines.push(`      - {name: T${t}, painPoints: [P], metrics: {c: 40}, opportunities: [${entries.join(", ")}]}`);
  }
  return `${lines.join("\n")}\n`;
}

/** A folder of `maps` maps of `each` opportunities, whose ids clash across maps (every map starts at
 * the same numbers) and whose references name ids another map defines or nobody does. */
export function opportunityFolder(maps = 80, each = 496): Record<string, string> {
  const folder: Record<string, string> = {};
  for (let m = 0; m < maps; m++) folder[`map-${m}.journey.yaml`] = manyOpportunities(each, "shared-");
  return folder;
}
