// Generated service blueprints (type: blueprint) for the bench and the tests: touchpoints across the five
// rows, arrows from frontstage to backstage and from backstage to support, and, past one arrow per served
// entry, extra arrows to entries far away. Deterministic: the same options give the same text.
const WORDS = "guest desk room key card booking system check queue lobby porter luggage payment night".split(" ");

function words(count, seed) {
  const out = [];
  for (let i = 0; i < count; i++) out.push(WORDS[(seed * 7 + i * 13) % WORDS.length]);
  return out.join(" ");
}

/**
 * A blueprint as YAML (JSON, which YAML reads): `touchpoints` columns in `stages` stages; every touchpoint
 * fills evidence, actions, frontstage, backstage and support; `arrows` in all (at least two per touchpoint:
 * frontstage ← backstage ← support). `textWords` sets the length of every entry's text.
 */
export function generateBlueprint({ touchpoints = 10, stages = 5, arrows, textWords = 4, stageValues = true } = {}) {
  const total = arrows ?? touchpoints * 2;
  const extra = Math.max(0, total - touchpoints * 2);
  const perStage = Math.ceil(touchpoints / stages);
  const doc = {
    journeymap: 1,
    title: `Generated blueprint, ${touchpoints} touchpoints and ${total} arrows`,
    type: "blueprint",
    personas: [{ id: "guest", name: "Guest" }],
    teams: [{ id: "front-desk", name: "Front desk" }],
    lanes: [
      { id: "front", label: "Front desk", layer: "frontstage" },
      { id: "back", label: "Back office", layer: "backstage" },
      { id: "support", label: "Systems", kind: "systems", layer: "support" },
      { id: "policies", label: "House rules", kind: "text" },
    ],
    stages: [],
  };
  let made = 0;
  for (let s = 0; s < stages && made < touchpoints; s++) {
    const stage = { id: `stage-${s + 1}`, name: `Stage ${s + 1} ${words(Math.min(textWords, 6), s)}`, touchpoints: [] };
    if (stageValues && s % 2 === 0) stage.lanes = { policies: `Rule of stage ${s + 1}: ${words(textWords, s + 3)}` };
    for (let t = 0; t < perStage && made < touchpoints; t++, made++) {
      const i = made;
      const servedBy = [`back-${i}`];
      const extras = Math.floor(extra / touchpoints) + (i < extra % touchpoints ? 1 : 0);
      for (let k = 0; k < extras; k++) {
        const j = (i * 7919 + (k + 1) * 104729) % touchpoints;
        servedBy.push(k % 2 === 0 ? `back-${j}` : `support-${j}`);
      }
      const front = { id: `front-${i}`, text: `Front ${i} ${words(textWords, i)}`, servedBy };
      if (i % 15 === 3) front.wait = `${(i % 9) + 1} min`;
      const back = { id: `back-${i}`, text: `Back ${i} ${words(textWords, i + 1)}`, servedBy: [`support-${i}`] };
      if (i % 10 === 5) back.fail = { risk: `Risk ${i} ${words(textWords, i + 2)}`, owner: "front-desk" };
      stage.touchpoints.push({
        id: `touchpoint-${i + 1}`,
        name: `Touchpoint ${i + 1} ${words(Math.min(textWords, 8), i + 4)}`,
        emotion: (i % 5) + 1,
        evidence: [`Evidence ${i} ${words(textWords, i + 5)}`],
        actions: [`Action ${i} ${words(textWords, i + 6)}`],
        lanes: {
          front: [front],
          back: [back],
          support: [{ id: `support-${i}`, text: `Support ${i} ${words(textWords, i + 7)}` }],
        },
      });
    }
    doc.stages.push(stage);
  }
  return JSON.stringify(doc, null, 1);
}
