// Generators of hostile maps for the picture's time bounds: about `bytes` of YAML in one adversarial
// shape each (very long names, thousands of personas, tens of thousands of touchpoints, one stage
// holding everything). Deterministic, so a slow case can be reproduced.

export type Shape = "long-names" | "many-personas" | "many-touchpoints" | "one-stage";
export const SHAPES: readonly Shape[] = ["long-names", "many-personas", "many-touchpoints", "one-stage"];

/** Adds `entry(i)` lines until the map reaches `bytes`. */
function fill(lines: string[], bytes: number, entry: (i: number) => string): void {
  let size = lines.reduce((sum, line) => sum + line.length + 1, 0);
  for (let i = 0; size < bytes; i++) {
    const line = entry(i);
    lines.push(line);
    size += line.length + 1;
  }
}

/** Words with no line break opportunity for a long stretch, then spaces: both wrapping paths run. */
function longText(length: number, seed: string): string {
  const word = `${seed}${"x".repeat(4000)}`;
  const words: string[] = [];
  for (let size = 0; size < length; size += word.length + 1) words.push(size % 3 ? "a few short words" : word);
  return words.join(" ").slice(0, length);
}

export function adversarialMap(shape: Shape, bytes = 1_000_000): string {
  const lines = ["journeymap: 1"];
  switch (shape) {
    case "long-names": {
      // A persona whose long name would be repeated in every emotion point's tooltip.
      lines.push(`title: ${longText(bytes / 8, "Title")}`, "personas:");
      lines.push(`  - id: p1`, `    name: ${longText(bytes / 4, "Persona")}`, "  - {id: p2, name: Two}");
      lines.push("stages:", "  - id: s1", `    name: ${longText(bytes / 8, "Stage")}`, "    touchpoints:");
      lines.push(`      - name: ${longText(bytes / 8, "Touchpoint")}`, "        emotion: 3");
      fill(lines, bytes, (i) => `      - {name: t${i}, emotion: ${(i % 5) + 1}}`);
      break;
    }
    case "many-personas": {
      // Every persona scored at every touchpoint by a single number: personas × touchpoints points.
      lines.push("title: Many personas", "personas:");
      for (let p = 1; p <= 5000; p++) lines.push(`  - {id: p${p}, name: Persona ${p}}`);
      lines.push("stages:", "  - id: s1", "    name: One", "    touchpoints:");
      fill(lines, bytes, (i) =>
        i % 10 === 0
          ? `      - {name: t${i}, personas: [p1, p${(i % 5000) + 1}], emotion: 2}`
          : `      - {name: t${i}, emotion: ${(i % 5) + 1}}`,
      );
      break;
    }
    case "many-touchpoints": {
      // Declared teams, owners (some undeclared) and short touchpoints across many stages.
      lines.push("title: Many touchpoints", "personas:", "  - {id: p1, name: One}", "  - {id: p2, name: Two}");
      lines.push("teams:");
      for (let t = 0; t < 2000; t++) lines.push(`  - {id: team-${t}, name: Team ${t}}`);
      lines.push("stages:");
      let stage = 0;
      fill(lines, bytes, (i) =>
        i % 200 === 0
          ? `  - id: s${stage}\n    name: Stage ${stage++}\n    touchpoints:`
          : `      - {name: t${i}, owner: team-${i % 2100}, emotion: {p1: ${(i % 5) + 1}}, actions: [Acts]}`,
      );
      break;
    }
    case "one-stage": {
      // One stage holding every lane of every touchpoint.
      lines.push("title: One stage", "personas:", "  - {id: p1, name: One}", "  - {id: p2, name: Two}");
      lines.push("stages:", "  - id: s1", "    name: Everything", "    touchpoints:");
      fill(
        lines,
        bytes,
        (i) =>
          `      - {name: t${i}, channel: web, owner: o, personas: [p2], emotion: 4, actions: [a, b], thoughts: [c], ` +
          `painPoints: [d], opportunities: [e], metrics: {m${i}: ${i}}}`,
      );
      break;
    }
  }
  return `${lines.join("\n")}\n`;
}
