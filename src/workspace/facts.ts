// What the repository-wide steps need to know of one map, taken while the map is in memory: its id,
// its links with positions, the shared definitions it uses, who owns what, and the portfolio's
// counts. Plain serialisable data (a worker thread can send it), small whatever the map's size.
import type { Range, Severity } from "../diagnostic.js";
import type { DefinitionKindName } from "../journey/definitions.js";
import type { LoadedJourney } from "../journey/load.js";
import type { SharedFile } from "../journey/shared.js";
import type { Journey, Score, Stage, Touchpoint } from "../journey/model.js";
import { subjectOf } from "../journey/queries.js";
import { opportunityMentionsOf, type OpportunityMention } from "./opportunity-facts.js";

/** A stage or touchpoint that points at the map that details it. */
export interface MapLink {
  /** The id of the map it points at. */
  target: string;
  from: "stage" | "touchpoint";
  /** The stage's or touchpoint's name, as written. */
  name: string;
  /** The stage's id (for a touchpoint: the id of its stage). */
  stage: string;
  subject: string;
  range?: Range;
}

/** One shared definition a map uses, and whether the map gives it something to own (teams). */
export interface SharedUse {
  file: string;
  kind: DefinitionKindName;
  id: string;
  owns: boolean;
}

export interface StageFacts {
  id: string;
  name: string;
  touchpoints: number;
  /** The average emotion of the stage's touchpoints (each touchpoint's own average), if any is recorded. */
  emotion?: number;
}

export interface MapFacts {
  /** The map's file as shown, and its absolute path (absent for standard input). */
  file: string;
  path?: string;
  id: string;
  /** Where the map writes its id, when it does. */
  idRange?: Range;
  title: string;
  owner?: string;
  personas: string[];
  teams: Array<{ id: string; name?: string }>;
  links: MapLink[];
  uses: SharedUse[];
  /** Team ids that own at least one touchpoint of the map. */
  owners: string[];
  stages: StageFacts[];
  touchpoints: number;
  painPoints: number;
  opportunities: number;
  /** The opportunity ids it writes (defined, named, or a fail point's), for the repository rules;
   * absent when it writes none. */
  opportunityMentions?: OpportunityMention[];
  emotion?: number;
  /** The map's lint findings per severity, once they are known. */
  findings?: Record<Severity, number>;
}

/** What the repository rules need of a map: lint keeps only this for each map of a run (the site
 * keeps whole MapFacts, for its pages). */
export type RepositoryFacts = Pick<
  MapFacts,
  "file" | "path" | "id" | "idRange" | "links" | "uses" | "opportunityMentions"
>;

export function repositoryFactsOf(facts: MapFacts): RepositoryFacts {
  const { file, path, id, idRange, links, uses, opportunityMentions } = facts;
  return {
    file,
    ...(path !== undefined ? { path } : {}),
    id,
    ...(idRange ? { idRange } : {}),
    links,
    uses,
    ...(opportunityMentions ? { opportunityMentions } : {}),
  };
}

/** A map's default id: its file name without .journey.yaml, in lowercase kebab-case. */
export function defaultMapId(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\")) + 1);
  const name = base.replace(/\.journey\.ya?ml$|\.ya?ml$/i, "");
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "map"
  );
}

/** The id other maps link to this one by. */
export function mapIdOf(journey: Journey, file: string): string {
  return journey.id ?? defaultMapId(file);
}

/** One touchpoint's emotion: its score, or the average of its per-persona scores (linear in what is written). */
export function touchpointEmotion(touchpoint: Touchpoint): number | undefined {
  const { emotion } = touchpoint;
  if (emotion === undefined) return undefined;
  if (typeof emotion === "number") return emotion;
  const scores: Score[] = Object.values(emotion);
  return scores.length > 0 ? scores.reduce((sum, score) => sum + score, 0) / scores.length : undefined;
}

function average(values: number[]): number | undefined {
  return values.length > 0
    ? Math.round((values.reduce((sum, v) => sum + v, 0) / values.length) * 100) / 100
    : undefined;
}

/** The facts of a loaded, valid map. */
export function factsOf(loaded: LoadedJourney & { journey: Journey }, path?: string): MapFacts {
  const { journey, source, definitions } = loaded;
  const links: MapLink[] = [];
  const owners = new Set<string>();
  const stages: StageFacts[] = [];
  const all: number[] = [];
  let touchpoints = 0;
  let painPoints = 0;
  let opportunities = 0;
  /** The link of a stage or touchpoint that details another map, at its `details` value (the subject
   * is worked out only for an element that links: most do not). */
  const linkFrom = (element: Stage | Touchpoint, from: MapLink["from"], stage: Stage, subject: () => string): void => {
    if (element.details === undefined) return;
    const range = source.valueRangeOf(element, "details");
    links.push({
      target: element.details,
      from,
      name: element.name,
      stage: stage.id,
      subject: subject(),
      ...(range ? { range } : {}),
    });
  };
  for (const stage of journey.stages) {
    linkFrom(stage, "stage", stage, () => subjectOf.stage(stage));
    const scores: number[] = [];
    for (const touchpoint of stage.touchpoints ?? []) {
      touchpoints++;
      painPoints += touchpoint.painPoints?.length ?? 0;
      opportunities += touchpoint.opportunities?.length ?? 0;
      if (touchpoint.owner !== undefined) owners.add(touchpoint.owner);
      const score = touchpointEmotion(touchpoint);
      if (score !== undefined) scores.push(score);
      linkFrom(touchpoint, "touchpoint", stage, () => subjectOf.touchpoint(stage, touchpoint));
    }
    for (const score of scores) all.push(score);
    const emotion = average(scores);
    stages.push({
      id: stage.id,
      name: stage.name,
      touchpoints: stage.touchpoints?.length ?? 0,
      ...(emotion !== undefined ? { emotion } : {}),
    });
  }
  const uses: SharedUse[] = [];
  const seen = new Set<object>();
  const used = [
    ...(definitions?.entries.flatMap((entry) => (entry.local || !entry.shared ? [] : [entry.shared])) ?? []),
    ...(definitions?.pulled ?? []),
  ];
  for (const definition of used) {
    if (seen.has(definition.value)) continue;
    seen.add(definition.value);
    const id = definition.value.id;
    uses.push({ file: definition.file, kind: definition.kind, id, owns: owners.has(id) || journey.owner === id });
  }
  const file = loaded.file;
  const idRange = journey.id === undefined ? undefined : source.valueRangeOf(journey, "id");
  const emotion = average(all);
  return {
    file,
    ...(path ? { path } : {}),
    id: mapIdOf(journey, file),
    ...(idRange ? { idRange } : {}),
    title: journey.title,
    ...(journey.owner !== undefined ? { owner: journey.owner } : {}),
    personas: journey.personas.map((persona) => persona.name),
    teams: (journey.teams ?? []).map((team) => ({
      id: team.id,
      ...(team.name !== undefined ? { name: team.name } : {}),
    })),
    links,
    uses,
    owners: [...owners],
    stages,
    touchpoints,
    painPoints,
    opportunities,
    ...mentionsOf(journey, source),
    ...(emotion !== undefined ? { emotion } : {}),
  };
}

/** The map's opportunity mentions, left out when there are none (most maps of today). */
function mentionsOf(journey: Journey, source: LoadedJourney["source"]): Pick<MapFacts, "opportunityMentions"> {
  const mentions = opportunityMentionsOf(journey, source);
  return mentions.length > 0 ? { opportunityMentions: mentions } : {};
}

/** A shared-definitions file as the repository rules see it. */
export interface SharedFileFacts {
  /** As shown in messages, and its absolute path. */
  file: string;
  path: string;
  definitions: Array<{ kind: DefinitionKindName; id: string; name?: string; range?: Range }>;
}

export function sharedFactsOf(path: string, shared: SharedFile): SharedFileFacts {
  return {
    file: shared.file,
    path,
    definitions: shared.definitions.map(({ kind, value, range }) => ({
      kind,
      id: value.id,
      // What messages call it: a persona's or a team's name, a lane's label.
      ...(typeof value.name === "string"
        ? { name: value.name }
        : typeof value.label === "string"
          ? { name: value.label }
          : {}),
      ...(range ? { range } : {}),
    })),
  };
}
