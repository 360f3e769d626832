// The most arrows a megabyte declares (test/security/blueprint-hostile.test.ts): every frontstage entry served
// by every support process, so n entries a row give n² arrows from about 6 n² bytes of servedBy.

/** 390 touchpoints whose frontstage entry each names all 390 support processes: 152,100 arrows in 0.78 MB
 * (before the cap of 2,000 arrows its SVG took 6.8 s and 489 MB, and was 28 MB). */
export function everyoneServesEveryone(count = 390): string {
  const support = Array.from({ length: count }, (_, i) => `s${i.toString(36)}`);
  const servedBy = `[${support.join(", ")}]`;
  const lines = [
    "journeymap: 1",
    "title: Dense",
    "type: blueprint",
    "personas: [{id: p, name: P}]",
    "lanes:",
    "  - {id: f, label: F, layer: frontstage}",
    "  - {id: s, label: S, layer: support}",
    "stages:",
    "  - id: a",
    "    name: A",
    "    touchpoints:",
  ];
  for (let t = 0; t < count; t++)
    lines.push(
      `      - {name: T${t}, lanes: {f: [{id: f${t.toString(36)}, text: F, servedBy: ${servedBy}}], s: [{id: ${support[t]!}, text: S}]}}`,
    );
  return `${lines.join("\n")}\n`;
}
