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
