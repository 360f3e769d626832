// Hostile shapes of about 1 MB for the lane and blueprint rules (issue 22): 50,000 lane entries, servedBy
// chains and cycles through every row, thousands of undeclared lane ids near declared ones, one id on
// 28,000 entries, one servedBy naming 30,000 ids that do not exist, and one naming one id 300,000 times.

const HEAD = [
  "journeymap: 1",
  "title: Hostile blueprint",
  "type: blueprint",
  "personas: [{id: guest, name: Guest}]",
  "teams: [{id: ops}]",
];
const LANES = [
  "lanes:",
  "  - {id: customer, label: Customer, layer: customer}",
  "  - {id: frontstage, label: Frontstage, layer: frontstage}",
  "  - {id: backstage, label: Backstage, layer: backstage}",
  "  - {id: support, label: Support, layer: support}",
];
const STAGE = ["stages:", "  - id: s", "    name: S", "    touchpoints:"];
const text = (lines: string[]) => `${lines.join("\n")}\n`;

/** 50,000 text entries in the frontstage and support rows (each unserved or idle: 50,000 findings), on
 * 1,000 touchpoints with customer actions and no evidence but the first's. */
export function manyEntries(): string {
  const lines = [...HEAD, ...LANES, ...STAGE];
  for (let t = 0; t < 1000; t++) {
    const front = Array.from({ length: 25 }, (_, k) => `f${t}-${k}`).join(", ");
    const support = Array.from({ length: 25 }, (_, k) => `s${t}-${k}`).join(", ");
    const evidence = t === 0 ? ", evidence: [Sign]" : "";
    lines.push(
      `      - {name: T${t}, actions: [Asks]${evidence}, lanes: {frontstage: [${front}], support: [${support}]}}`,
    );
  }
  return text(lines);
}

/** 20,000 entries with ids, each served by the next one in a row above or the same row, and the last by
 * the first: a chain through every row that closes in a cycle (direction findings on most of them), with
 * fail points that name no owner and an opportunity that does not exist. */
export function servedByCycle(): string {
  const lines = [...HEAD, ...LANES, ...STAGE];
  const rows = ["support", "backstage", "frontstage", "customer"];
  const count = 20_000;
  const perTouchpoint = 20;
  for (let t = 0; t < count / perTouchpoint; t++) {
    const byRow = new Map<string, string[]>();
    for (let k = 0; k < perTouchpoint; k++) {
      const i = t * perTouchpoint + k;
      const row = rows[i % rows.length]!;
      const fail = i % 10 === 0 ? ", fail: {opportunity: nowhere}" : "";
      const entry = `{id: e${i}, text: E, servedBy: [e${(i + 1) % count}]${fail}}`;
      byRow.set(row, [...(byRow.get(row) ?? []), entry]);
    }
    const lanes = [...byRow].map(([row, entries]) => `${row}: [${entries.join(", ")}]`).join(", ");
    lines.push(`      - {name: T${t}, lanes: {${lanes}}}`);
  }
  return text(lines);
}

/** 1,000 declared lanes and 30,000 values for undeclared lanes, each one letter off a declared id (and
 * each a "did you mean" to look for), plus 1,000 declared lanes nobody fills. */
export function undeclaredLanes(): string {
  const pad = (i: number) => String(i).padStart(4, "0");
  const lines = [...HEAD, "lanes:"];
  for (let i = 0; i < 1000; i++) lines.push(`  - {id: lane-${pad(i)}, label: L}`);
  lines.push(...STAGE);
  for (let t = 0; t < 1500; t++) {
    const values = Array.from({ length: 20 }, (_, k) => `lame-${pad((t * 20 + k) % 1000)}-${k}: x`);
    lines.push(`      - {name: T${t}, lanes: {${values.join(", ")}}}`);
  }
  return text(lines);
}

/** 28,000 entries that all have the id "a": 27,999 duplicates, and servedBy that all resolve to the first. */
export function oneEntryId(): string {
  const lines = [...HEAD, ...LANES, ...STAGE];
  for (let t = 0; t < 1400; t++) {
    const entries = Array.from({ length: 20 }, () => "{id: a, text: E, servedBy: [a]}").join(", ");
    lines.push(`      - {name: T${t}, lanes: {backstage: [${entries}]}}`);
  }
  return text(lines);
}

/** One frontstage entry whose servedBy names 30,000 ids that no entry has, among 10,000 entries whose ids
 * are each one letter off one of them. */
export function unknownServedBy(): string {
  const lines = [...HEAD, ...LANES, ...STAGE];
  const pad = (i: number) => String(i).padStart(5, "0");
  const named = Array.from({ length: 30_000 }, (_, i) => `x${pad(i)}`).join(", ");
  lines.push(`      - {name: Hub, lanes: {frontstage: [{id: hub, text: Hub, servedBy: [${named}]}]}}`);
  for (let t = 0; t < 500; t++) {
    const entries = Array.from({ length: 20 }, (_, k) => `{id: y${pad(t * 20 + k)}, text: S}`).join(", ");
    lines.push(`      - {name: T${t}, lanes: {support: [${entries}]}}`);
  }
  return text(lines);
}

/** One frontstage entry whose servedBy names itself 300,000 times (three bytes a finding, were each
 * one reported): one arrow, one finding. */
export function repeatedServedBy(): string {
  const named = Array.from({ length: 300_000 }, () => "a").join(", ");
  return text([
    ...HEAD,
    ...LANES,
    ...STAGE,
    `      - {name: T, lanes: {frontstage: [{id: a, text: A, servedBy: [${named}]}]}}`,
  ]);
}

/** One entry whose servedBy names 120,000 distinct ids no entry has (about 7 bytes a finding: the most
 * findings a megabyte gives the lane rules). */
export function manyUnknownServedBy(): string {
  const named = Array.from({ length: 120_000 }, (_, i) => `x${i.toString(36)}`).join(", ");
  return text([
    ...HEAD,
    ...LANES,
    ...STAGE,
    `      - {name: T, lanes: {support: [{id: a, text: A, servedBy: [${named}]}]}}`,
  ]);
}

export const adversarialLaneMaps: Record<string, () => string> = {
  "50,000 lane entries": manyEntries,
  "a servedBy chain closing in a cycle": servedByCycle,
  "30,000 undeclared lane ids": undeclaredLanes,
  "one id on 28,000 entries": oneEntryId,
  "30,000 unknown servedBy ids": unknownServedBy,
  "one id named 300,000 times by one servedBy": repeatedServedBy,
  "120,000 unknown servedBy ids on one entry": manyUnknownServedBy,
};
