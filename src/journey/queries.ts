// Questions about a map that rules, renderers and reports all ask, answered once: how to name an
// element stably, who owns a touchpoint, and the one-sentence summary of a map.
import type { Journey, LaneDefinition, MetricDefinition, Persona, Stage, Team, Touchpoint } from "./model.js";

/** A touchpoint's stable key within its stage: its id, else its name (ids make it certain). */
export function touchpointKey(touchpoint: Touchpoint): string {
  return touchpoint.id ?? touchpoint.name;
}

/** Subjects: the identity of what a finding or a change is about, independent of line numbers. */
export const subjectOf = {
  map: (): string => "map",
  stage: (stage: Pick<Stage, "id">): string => `stage:${stage.id}`,
  touchpoint: (stage: Pick<Stage, "id">, touchpoint: Touchpoint): string =>
    `touchpoint:${stage.id}/${touchpointKey(touchpoint)}`,
  persona: (persona: Pick<Persona, "id">): string => `persona:${persona.id}`,
  team: (team: Pick<Team, "id">): string => `team:${team.id}`,
  metric: (metric: Pick<MetricDefinition, "id">): string => `metric:${metric.id}`,
  lane: (lane: Pick<LaneDefinition, "id">): string => `lane:${lane.id}`,
};

/** Who owns a touchpoint: a declared team, an owner named but not declared (when the map declares
 * teams), or nobody. The picture and the page flag the last two, as lint does. */
export type Ownership =
  { status: "owned"; owner: string; team?: Team } | { status: "unknown"; owner: string } | { status: "missing" };

/** Teams by id, built once per teams list: a search per touchpoint made a map's cost touchpoints × teams. */
const teamIndexes = new WeakMap<Team[], Map<string, Team>>();

function teamIndex(teams: Team[]): Map<string, Team> {
  let index = teamIndexes.get(teams);
  if (!index) {
    index = new Map();
    // The first team with an id wins, as a search from the start would find it.
    for (const team of teams) if (!index.has(team.id)) index.set(team.id, team);
    teamIndexes.set(teams, index);
  }
  return index;
}

export function ownershipOf(journey: Journey, touchpoint: Touchpoint): Ownership {
  const { owner } = touchpoint;
  if (owner === undefined) return { status: "missing" };
  if (!journey.teams) return { status: "owned", owner };
  const team = teamIndex(journey.teams).get(owner);
  return team ? { status: "owned", owner, team } : { status: "unknown", owner };
}

/** The name to show for an owner: the declared team's name, else the id as written. */
export function ownerLabel(ownership: Ownership): string | undefined {
  if (ownership.status === "missing") return undefined;
  return ownership.status === "owned" ? (ownership.team?.name ?? ownership.owner) : ownership.owner;
}

export function countOf(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** One sentence that says what the map holds, for screen readers (SVG <desc>, Mermaid accDescr). */
export function summaryOf(journey: Journey): string {
  const touchpoints = journey.stages.reduce((sum, stage) => sum + (stage.touchpoints?.length ?? 0), 0);
  const summary =
    `Customer journey map with ${countOf(journey.stages.length, "stage")} ` +
    `(${journey.stages.map((stage) => stage.name).join(", ")}), ${countOf(touchpoints, "touchpoint")} and ` +
    `${countOf(journey.personas.length, "persona")} (${journey.personas.map((persona) => persona.name).join("; ")}); ` +
    "each touchpoint is scored from 1 (very negative) to 5 (very positive).";
  return journey.description ? `${journey.description.trim()} ${summary}` : summary;
}
