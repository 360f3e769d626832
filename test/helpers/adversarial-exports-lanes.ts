// Hostile maps of the lanes and tracked-work format for the exports and the import: about 1 MB of YAML
// in one shape each, aimed at what the new sheets, columns and slides do more of: thousands of declared
// lanes (a column and a table each), lane entries written as objects (a row each), opportunities tracked
// as work (a row each), lane ids that name Object.prototype's keys, and formula-like text everywhere.

const q = (text: string) => JSON.stringify(text);
/** Texts a spreadsheet would evaluate if a user re-entered them (OWASP's CSV-injection list). */
export const FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "=1+1"];
const formula = (index: number) => FORMULAS[index % FORMULAS.length]!;

export const laneExportMaps: Record<string, () => string> = {
  // 10,000 declared lanes with formula-like labels; the stage fills every one, 200 touchpoints 30 each.
  "thousands of lanes": () => {
    const lines = ["journeymap: 1", "title: Lanes", "personas: [{id: p, name: Guest}]", "lanes:"];
    for (let lane = 0; lane < 10_000; lane++) lines.push(`  - {id: l${lane}, label: ${q(`${formula(lane)} ${lane}`)}}`);
    lines.push("stages:", "  - id: s", "    name: Stay", "    lanes:");
    for (let lane = 0; lane < 10_000; lane++) lines.push(`      l${lane}: ${q(formula(lane))}`);
    lines.push("    touchpoints:");
    for (let touchpoint = 0; touchpoint < 200; touchpoint++) {
      const values = Array.from({ length: 30 }, (_, k) => `l${(touchpoint * 37 + k) % 10_000}: [${q(formula(k))}]`);
      lines.push(`      - {name: T${touchpoint}, lanes: {${values.join(", ")}}}`);
    }
    return `${lines.join("\n")}\n`;
  },
  // 9,500 lane entries written as objects on one touchpoint: ids, servedBy arrows, fail points, waits.
  "thousands of lane entries": () => {
    const entries = Array.from(
      { length: 9_500 },
      (_, i) =>
        `{id: e${i}, text: ${q(formula(i))}, servedBy: [e${i + 1}], wait: ${q(formula(i + 1))}, fail: {risk: ${q(formula(i + 2))}, owner: t}}`,
    );
    return [
      "journeymap: 1",
      "title: Entries",
      "type: blueprint",
      "personas: [{id: p, name: Guest}]",
      "teams: [{id: t}]",
      "lanes: [{id: backstage, label: Back office, layer: backstage}]",
      "stages:",
      "  - id: s",
      "    name: Stay",
      "    touchpoints:",
      `      - {id: desk, name: Desk, owner: t, lanes: {backstage: [${entries.join(", ")}]}}`,
      "",
    ].join("\n");
  },
  // 6,000 opportunities tracked as work, formula-like titles, every field, on 100 touchpoints.
  "thousands of tracked opportunities": () => {
    const lines = ["journeymap: 1", "title: Work", "personas: [{id: p, name: Guest}]", "teams: [{id: t}]", "stages:"];
    lines.push("  - id: s", "    name: Stay", "    touchpoints:");
    for (let touchpoint = 0; touchpoint < 100; touchpoint++) {
      const opportunities = Array.from({ length: 60 }, (_, k) => {
        const i = touchpoint * 60 + k;
        return `{id: o${i}, title: ${q(`${formula(i)} ${i}`)}, owner: t, status: planned, value: 3, effort: 2, confidence: 50, issue: "https://x.example/${i}", due: 2027-01-01, addresses: [${q(formula(i))}]}`;
      });
      lines.push(
        `      - {name: T${touchpoint}, painPoints: [${q(formula(touchpoint))}], opportunities: [${opportunities.join(", ")}]}`,
      );
    }
    return `${lines.join("\n")}\n`;
  },
  // Lane ids that are Object.prototype's keys (valid ids): read as own keys, never as inherited ones.
  "lane ids named like Object.prototype's keys": () => {
    const ids = ["constructor", "prototype", "tostring", "valueof", "hasownproperty", "isprototypeof"];
    const lines = ["journeymap: 1", "title: Prototype", "personas: [{id: p, name: Guest}]", "lanes:"];
    for (const id of ids) lines.push(`  - {id: ${id}, label: ${q(`=${id}()`)}}`);
    lines.push("stages:", "  - id: s", "    name: Stay", "    touchpoints:");
    for (let touchpoint = 0; touchpoint < 3_000; touchpoint++)
      lines.push(
        `      - {name: T${touchpoint}, lanes: {${ids.map((id) => `${id}: [${q(`@${id} ${touchpoint}`)}]`).join(", ")}}}`,
      );
    return `${lines.join("\n")}\n`;
  },
};
