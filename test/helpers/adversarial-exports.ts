// Hostile maps for the office exports (PowerPoint, draw.io, Visio): about 1 MB of YAML in one shape
// each, aimed at what the exports do more of than the picture: a slide per stage and persona, table
// rows per pain point and metric value, a chart category per touchpoint, a shape per card. With the
// pictures' shapes (test/helpers/adversarial-pictures.ts) they make the exports' hostile set.
import { pictureMaps } from "./adversarial-pictures.js";

const q = (text: string) => JSON.stringify(text);

export const exportMaps: Record<string, () => string> = {
  ...pictureMaps,
  // 9,000 stages of one touchpoint each: a slide per stage unless the deck stops.
  "thousands of stages": () => {
    const lines = ["journeymap: 1", "title: Stages", "personas: [{id: p, name: Guest}]", "stages:"];
    for (let s = 0; s < 9_000; s++)
      lines.push(`  - id: s${s}`, `    name: Stage ${s}`, `    touchpoints: [{name: T${s}, emotion: ${(s % 5) + 1}}]`);
    return `${lines.join("\n")}\n`;
  },
  // One touchpoint with 40,000 pain points and no opportunity: table rows and the "no opportunity" list.
  "a wall of pain points": () => {
    const pains = Array.from({ length: 40_000 }, (_, i) => q(`Pain ${i} <b>&amp;</b>`)).join(", ");
    return [
      "journeymap: 1",
      "title: Pains",
      "personas: [{id: p, name: Guest}]",
      "stages:",
      "  - id: s",
      "    name: Stay",
      "    touchpoints:",
      `      - {name: Waits, emotion: 1, painPoints: [${pains}]}`,
      "",
    ].join("\n");
  },
  // 20,000 metric values with targets: the metrics tables.
  "thousands of metric values": () => {
    const lines = [
      "journeymap: 1",
      "title: Metrics",
      "personas: [{id: p, name: Guest}]",
      "metrics: [{id: nps, name: NPS, unit: score, better: higher, target: 40, warning: 20}]",
      "stages:",
    ];
    for (let s = 0; s < 200; s++) {
      lines.push(`  - id: s${s}`, `    name: Stage ${s}`, "    touchpoints:");
      for (let t = 0; t < 100; t++) lines.push(`      - {name: T${s}-${t}, metrics: {nps: ${(t * 7) % 100}}}`);
    }
    return `${lines.join("\n")}\n`;
  },
  // Every text made of markup, entities, XML-forbidden controls and bidi overrides.
  "markup and controls": () => {
    const nasty = "<script>alert(1)</script> &amp; ]]> \"' \u0001\u0008\u000b\u202e\u2066 ${x} =1+1";
    const lines = ["journeymap: 1", `title: ${q(nasty)}`, `personas: [{id: p, name: ${q(nasty)}}]`, "stages:"];
    for (let s = 0; s < 30; s++) {
      lines.push(`  - id: s${s}`, `    name: ${q(`${nasty} ${s}`)}`, "    touchpoints:");
      for (let t = 0; t < 40; t++)
        lines.push(
          `      - {name: ${q(`${nasty} ${s}-${t}`)}, channel: ${q(nasty)}, emotion: 2, painPoints: [${q(nasty.repeat(4))}], actions: [${q(nasty)}]}`,
        );
    }
    return `${lines.join("\n")}\n`;
  },
};
