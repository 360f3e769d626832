// Hostile service blueprints (test/security/blueprint-hostile.test.ts): each at most 1 MB, each aimed at
// one part of the blueprint's layout or router.
import { generateBlueprint } from "../../bench/generate-blueprint.mjs";

const compact = (text: string) => JSON.stringify(JSON.parse(text));

/** 50,000 arrows among 600 touchpoints: 80 per frontstage card, most of them to far columns. */
export function manyArrows(): string {
  return compact(generateBlueprint({ touchpoints: 600, stages: 20, arrows: 50_000, textWords: 1 }));
}

/** Every entry serves the one above it and is served by it (a cycle per pair), and names itself. */
export function cyclesAndSelfReferences(touchpoints = 3000): string {
  const stages = [];
  for (let s = 0; s < 30; s++) {
    const list = [];
    for (let t = 0; t < touchpoints / 30; t++) {
      const i = s * 1000 + t;
      list.push({
        name: `T${i}`,
        lanes: {
          f: [{ id: `f${i}`, text: "f", servedBy: [`b${i}`, `f${i}`, `s${i}`] }],
          b: [{ id: `b${i}`, text: "b", servedBy: [`f${i}`, `b${i}`, `s${i}`] }],
          s: [{ id: `s${i}`, text: "s", servedBy: [`f${i}`, `s${i}`] }],
        },
      });
    }
    stages.push({ id: `s${s}`, name: `S${s}`, touchpoints: list });
  }
  return JSON.stringify({
    journeymap: 1,
    title: "Cycles",
    type: "blueprint",
    personas: [{ id: "p", name: "P" }],
    lanes: [
      { id: "f", label: "F", layer: "frontstage" },
      { id: "b", label: "B", layer: "backstage" },
      { id: "s", label: "S", layer: "support" },
    ],
    stages,
  });
}

/** One touchpoint with 18,000 entries in one lane (18,000 strips), each served by the next. */
export function tallLane(entries = 18_000): string {
  const lane = [];
  for (let i = 0; i < entries; i++) lane.push({ id: `e${i}`, text: "e", servedBy: [`e${(i + 1) % entries}`] });
  return JSON.stringify({
    journeymap: 1,
    title: "Tall",
    type: "blueprint",
    personas: [{ id: "p", name: "P" }],
    lanes: [{ id: "b", label: "B", layer: "backstage" }],
    stages: [{ id: "s", name: "S", touchpoints: [{ name: "T", lanes: { b: lane } }] }],
  });
}

/** 2,000 stage values spanning one stage of 1,000 touchpoints, whose frontstage arrows must all detour
 * round the stage (its inner gutters are closed in every one of those strips). */
export function spanningStageValues(): string {
  const stageValues = [];
  for (let i = 0; i < 2000; i++) stageValues.push({ id: `v${i}`, text: "v" });
  const touchpoints = [];
  for (let i = 0; i < 1000; i++)
    touchpoints.push({
      name: `T${i}`,
      lanes: {
        f: [{ id: `f${i}`, text: "f", servedBy: [`s${(i * 7) % 1000}`, `v${i}`] }],
        s: [{ id: `s${i}`, text: "s" }],
      },
    });
  return JSON.stringify({
    journeymap: 1,
    title: "Spans",
    type: "blueprint",
    personas: [{ id: "p", name: "P" }],
    lanes: [
      { id: "f", label: "F", layer: "frontstage" },
      { id: "b", label: "B", layer: "backstage" },
      { id: "s", label: "S", layer: "support" },
    ],
    stages: [{ id: "one", name: "One", lanes: { b: stageValues }, touchpoints }],
  });
}

/** Lane and entry ids a plain object would misread (`__proto__`, `constructor`): invalid against the
 * schema (ids are kebab-case), so the CLI refuses the map; the renderer must still not be fooled. */
export function prototypeIds(): string {
  return `{"journeymap":1,"title":"Proto","type":"blueprint","personas":[{"id":"p","name":"P"}],
"lanes":[{"id":"__proto__","label":"Proto","layer":"frontstage"},{"id":"constructor","label":"Ctor","layer":"backstage"}],
"stages":[{"id":"s","name":"S","lanes":{"__proto__":[{"id":"toString","text":"stage"}]},"touchpoints":[{"name":"T","lanes":{
"__proto__":[{"id":"__proto__","text":"front","servedBy":["constructor","hasOwnProperty","__proto__","toString"]}],
"constructor":[{"id":"constructor","text":"back","servedBy":["valueOf"]}]}}]}]}`;
}
