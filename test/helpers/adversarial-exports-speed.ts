// Hostile maps aimed at what the office exports write most of: a service blueprint whose every
// frontstage entry is served by every support process (152,100 servedBy links in about 0.9 MB), and a
// map whose texts all need escaping, so that every piece of the diagrams' XML goes through the escaper.

/** 390 touchpoints whose frontstage entry names all 390 support processes (the blueprint suite's map). */
export { everyoneServesEveryone as everyoneServedByEveryone } from "./adversarial-blueprint-arrows.js";

/** 6,000 touchpoints in 60 stages, every name and pain point made of ampersands and angle brackets. */
export function escapedEverywhere(): string {
  const lines = ["journeymap: 1", 'title: "<&>"', "personas: [{id: p, name: '<&\"'}]", "stages:"];
  for (let s = 0; s < 60; s++) {
    lines.push(`  - id: s${s}`, `    name: "<&> ${s}"`, "    touchpoints:");
    for (let t = 0; t < 100; t++)
      lines.push(`      - {name: "&<>&<> ${s}-${t}", emotion: ${(t % 5) + 1}, painPoints: ["<b>&amp;</b> ${t}"]}`);
  }
  return `${lines.join("\n")}\n`;
}

/** 8 personas (as many curves as the picture draws) each scored on all 11,000 touchpoints: the diagrams'
 * polylines and the deck's chart series at their longest. */
export function eightLongCurves(): string {
  const lines = ["journeymap: 1", "title: Curves", "personas:"];
  for (let p = 0; p < 8; p++) lines.push(`  - {id: p${p}, name: P${p}}`);
  lines.push("stages:");
  for (let t = 0; t < 11_000; t++) {
    if (t % 100 === 0) lines.push(`  - id: s${t}`, `    name: S${t}`, "    touchpoints:");
    const scores = Array.from({ length: 8 }, (_, p) => `p${p}: ${((t + p) % 5) + 1}`).join(", ");
    lines.push(`      - {name: T${t}, emotion: {${scores}}}`);
  }
  return `${lines.join("\n")}\n`;
}
