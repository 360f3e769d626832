// Pairs of versions of a map, about 1 MB each, of every shape that made `journeymap diff` super-linear:
// a score for all personas changed at every touchpoint, persona lists narrowed, many unmatched
// touchpoints for the similarity guess, many stages, long names repeated at every change, deep data.
// Written as YAML text directly (flow style), so that building them costs nothing next to the diff.

/** A pair of versions: the old map's text and the new one's. */
export type DiffPair = [old: string, new: string];

const HEAD = "journeymap: 1\ntitle: Hostile diff\n";

function personas(count: number, name = (i: number) => `P${i}`): string {
  const lines = ["personas:"];
  for (let i = 0; i < count; i++) lines.push(`  - {id: p${i}, name: "${name(i)}"}`);
  return `${lines.join("\n")}\n`;
}

/** One stage holding `count` touchpoints, each written by `touchpoint`. */
function stage(id: string, name: string, count: number, touchpoint: (i: number) => string): string {
  const lines = [`  - id: ${id}`, `    name: "${name}"`, "    touchpoints:"];
  for (let i = 0; i < count; i++) lines.push(`      - ${touchpoint(i)}`);
  return `${lines.join("\n")}\n`;
}

function map(personaText: string, stagesText: string): string {
  return `${HEAD}${personaText}stages:\n${stagesText}`;
}

export const adversarialDiffs: Record<string, () => DiffPair> = {
  // Every persona is involved implicitly (no personas list) and the one score changes: 8,000 × 16,000
  // persona-touchpoint changes, one per touchpoint once grouped.
  "persona × touchpoint emotions": () => {
    const version = (score: number) =>
      map(
        personas(8000),
        stage("s", "S", 16_000, (i) => `{id: t${i}, name: T${i}, emotion: ${score}}`),
      );
    return [version(2), version(4)];
  },
  // The new version names one persona at every touchpoint: every other persona is no longer involved.
  "persona lists narrowed": () => {
    const version = (narrowed: boolean) =>
      map(
        personas(8000),
        stage("s", "S", 12_000, (i) => `{id: t${i}, name: T${i}, emotion: 3${narrowed ? ", personas: [p0]" : ""}}`),
      );
    return [version(false), version(true)];
  },
  // Each touchpoint scores 300 personas by name, and the new version changes them in many ways.
  "named persona emotions": () => {
    const version = (shift: number) =>
      map(
        personas(300),
        stage("s", "S", 340, (i) => {
          const scores: string[] = [];
          for (let p = 0; p < 300; p++) scores.push(`p${p}: ${((i * p + shift * p) % 5) + 1}`);
          return `{id: t${i}, name: T${i}, emotion: {${scores.join(", ")}}}`;
        }),
      );
    return [version(0), version(1)];
  },
  // The issue's case: 16,000 touchpoints without ids, none of them in the new version, which has one
  // other: every old one is a candidate of the similarity guess.
  "unmatched touchpoints": () => {
    const touchpoint = (name: string) => `{name: ${name}, owner: ops, channel: web, emotion: 3}`;
    return [
      map(
        personas(1),
        stage("s", "S", 16_000, (i) => touchpoint(`A${i}`)),
      ),
      map(
        personas(1),
        stage("s", "S", 1, () => touchpoint("B")),
      ),
    ];
  },
  // 1,320 stages of 14 touchpoints without ids, all renamed: 1,320 × 14 × 14 candidate pairs.
  "unmatched touchpoints in many stages": () => {
    const version = (prefix: string) => {
      const stages: string[] = [];
      for (let s = 0; s < 1320; s++)
        stages.push(stage(`s${s}`, `S${s}`, 14, (i) => `{name: ${prefix}${s}x${i}, owner: ops, channel: web}`));
      return map(personas(1), stages.join(""));
    };
    return [version("A"), version("B")];
  },
  // 11,000 stages, reversed and renamed in the new version.
  "many stages reordered": () => {
    const stages = (order: number[], suffix: string) =>
      order.map((s) => stage(`s${s}`, `S${s}${suffix}`, 1, () => `{id: t${s}, name: T${s}}`)).join("");
    const ids = Array.from({ length: 11_000 }, (_, s) => s);
    return [map(personas(1), stages(ids, "")), map(personas(1), stages([...ids].reverse(), " new"))];
  },
  // A stage with a 400 KB name gains 12,000 touchpoints: each added touchpoint names its stage.
  "long stage name": () => {
    const name = "Stage ".repeat(70_000);
    return [
      map(personas(1), `  - id: s\n    name: "${name}"\n`),
      map(
        personas(1),
        stage("s", name, 12_000, (i) => `{id: t${i}, name: T${i}, emotion: 3}`),
      ),
    ];
  },
  // Ten personas with 40 KB names, whose one score changes at 12,000 touchpoints.
  "long persona names": () => {
    const version = (score: number) =>
      map(
        personas(10, (i) => `Persona ${i} `.repeat(3600)),
        stage("s", "S", 12_000, (i) => `{id: t${i}, name: T${i}, emotion: ${score}}`),
      );
    return [version(2), version(1)];
  },
  // A touchpoint with a 300 KB name gains 60,000 pain points: every note about it names it.
  "long touchpoint name, many list items": () => {
    const name = "Touchpoint ".repeat(27_000);
    const version = (items: number) => {
      const painPoints: string[] = [];
      for (let i = 0; i < items; i++) painPoints.push(`pain ${i}`);
      return map(
        personas(1),
        stage("s", "S", 1, () => `{id: t, name: "${name}", painPoints: [${painPoints.join(", ")}]}`),
      );
    };
    return [version(0), version(60_000)];
  },
  // 2,000 touchpoints carrying 40 levels of their own data (x-) and long descriptions, all changed.
  "deep data, long descriptions": () => {
    const deep = (leaf: string) => {
      let value = leaf;
      for (let level = 0; level < 40; level++) value = `{a: ${value}}`;
      return value;
    };
    const version = (tag: string) =>
      map(
        personas(2),
        stage(
          "s",
          "S",
          2000,
          (i) => `{name: T${i}, description: "${`${tag} words `.repeat(25)}", x-data: ${deep(`${tag}${i}`)}}`,
        ),
      );
    return [version("old"), version("new")];
  },
};
