// Generates realistic journey maps of any size for the benchmarks (deterministic: no randomness).

const STAGES = ["awareness", "consideration", "decision", "retention", "advocacy"];
const CHANNELS = ["web", "mobile app", "email", "store", "phone", "chat", "social"];
const TEAMS = ["growth", "web", "app", "support", "ops"];

/** A map with `touchpoints` touchpoints spread over the funnel stages and `personas` personas. */
export function generateMap({
  touchpoints = 10,
  personas = 2,
  stages = STAGES.length,
  title = "Generated journey",
} = {}) {
  const lines = [
    "journeymap: 1",
    `title: ${title}`,
    "description: A generated map for benchmarks.",
    "owner: cx",
    "personas:",
  ];
  const personaIds = Array.from({ length: personas }, (_, i) => `persona-${i + 1}`);
  for (const [i, id] of personaIds.entries()) {
    lines.push(
      `  - id: ${id}`,
      `    name: Persona ${i + 1}, a regular customer`,
      "    description: Shops every week",
      "    goals: [Save time]",
    );
  }
  lines.push("teams:", ...TEAMS.flatMap((id) => [`  - id: ${id}`, `    name: Team ${id}`]), "stages:");
  const stageIds = Array.from({ length: stages }, (_, i) => (i < STAGES.length ? STAGES[i] : `stage-${i + 1}`));
  let made = 0;
  for (const [s, stageId] of stageIds.entries()) {
    lines.push(`  - id: ${stageId}`, `    name: Stage ${s + 1} ${stageId}`, "    touchpoints:");
    const count = Math.floor(touchpoints / stages) + (s < touchpoints % stages ? 1 : 0);
    for (let t = 0; t < count; t++, made++) {
      const emotion = personaIds.map((id, p) => `${id}: ${((made + p) % 5) + 1}`).join(", ");
      lines.push(
        `      - id: touchpoint-${made + 1}`,
        `        name: Touchpoint ${made + 1} where the customer compares options`,
        `        channel: ${CHANNELS[made % CHANNELS.length]}`,
        `        owner: ${TEAMS[made % TEAMS.length]}`,
        `        emotion: {${emotion}}`,
        "        actions: [Reads the page, Asks a question]",
        '        thoughts: ["Is this worth it?"]',
        "        painPoints: [Waits too long]",
        "        opportunities: [Answer faster]",
        `        metrics: {conversion: 0.${(made % 90) + 10}}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

/** A map of about `bytes` bytes. */
export function generateMapOfSize(bytes) {
  const perTouchpoint = generateMap({ touchpoints: 100 }).length / 100;
  return generateMap({ touchpoints: Math.ceil(bytes / perTouchpoint), stages: 5 });
}

/** A repository of `count` linked maps: a journeymap.shared.yaml with the personas and teams, and maps
 * that list shared personas by id and whose first two stages detail the next maps of a binary tree. */
export function generateRepository(count, { touchpoints = 12 } = {}) {
  const personas = Array.from({ length: 5 }, (_, i) => `persona-${i + 1}`);
  const shared = [
    "journeymap: 1",
    "personas:",
    ...personas.flatMap((id, i) => [
      `  - id: ${id}`,
      `    name: Persona ${i + 1}, a regular customer`,
      "    goals: [Save time]",
    ]),
    "teams:",
    ...TEAMS.flatMap((id) => [`  - id: ${id}`, `    name: Team ${id}`]),
  ].join("\n");
  const maps = Array.from({ length: count }, (_, i) => {
    let text = generateMap({ touchpoints, personas: 2, title: `Map ${i}` });
    // Shared personas and teams instead of the map's own.
    text = text.replace(
      /^personas:\n(?: {2}.*\n)*?teams:\n(?: {2}.*\n)*/m,
      `personas: [persona-${(i % 5) + 1}, persona-${((i + 1) % 5) + 1}]\n`,
    );
    text = text.replace(/persona-([12])(?=:)/g, (_, n) => `persona-${((i + Number(n) - 1) % 5) + 1}`);
    for (const [s, child] of [
      ["awareness", 2 * i + 1],
      ["consideration", 2 * i + 2],
    ]) {
      if (child < count) text = text.replace(`  - id: ${s}\n`, `  - id: ${s}\n    details: map-${child}\n`);
    }
    return { path: `team-${i % 20}/map-${i}.journey.yaml`, text };
  });
  return { shared: `${shared}\n`, maps };
}
