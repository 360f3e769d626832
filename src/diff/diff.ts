// The diff of two versions of a journey map: what a reviewer needs (elements added, removed, renamed,
// moved; field, emotion and metric changes; lint findings introduced and fixed), never lines of YAML.
import type { Diagnostic } from "../diagnostic.js";
import { JourneymapError } from "../errors.js";
import { listOf, textOf, touchpointFields } from "../journey/fields.js";
import type { LoadedJourney } from "../journey/load.js";
import { declaredLanes } from "../journey/lanes.js";
import {
  emotionOf,
  type Journey,
  type LaneDefinition,
  type MetricValue,
  type Score,
  type Touchpoint,
} from "../journey/model.js";
import { ownershipOf, subjectOf } from "../journey/queries.js";
import type { SourceMap } from "../journey/source-map.js";
import { lintJourney, type LintConfig } from "../lint/index.js";
import { canonical, groupBy, longestIncreasing, matchTouchpoints, type Located, type TouchpointPair } from "./match.js";
import type {
  DiffSide,
  ElementChanges,
  ElementRef,
  EmotionChange,
  FindingChanges,
  JourneyDiff,
  LaneDeclarationChange,
  LaneDeclarationChanges,
  ListChange,
  ListField,
  MapField,
  MetricChange,
  PersonaListChange,
  StageChanges,
  TextField,
  TouchpointChange,
  TouchpointRef,
  ValueChange,
} from "./types.js";
import { MAX_LISTED_PERSONAS } from "./types.js";
import { shortName } from "./shown.js";
import { diffLanes, laneLabels } from "./lanes.js";
import { diffOpportunities, tracksWork } from "./opportunities.js";

export interface DiffOptions {
  /** Names for the two versions ("As-is", "To-be"); by default the maps' titles, else their files. */
  labels?: readonly [string, string];
  /** The lint configuration both versions are checked with; `false` compares no findings. */
  lint?: LintConfig | false;
}

/** The fields compared as text and as lists, as the field registry says: a field added there is compared. */
const TEXT_FIELDS = touchpointFields()
  .filter((field) => field.diff.by === "text")
  .map((field) => field.key as TextField);
const LIST_FIELDS = touchpointFields()
  .filter((field) => field.diff.by === "list")
  .map((field) => field.key as ListField);

/** One loaded version, valid, or absent (a map that one git revision does not have). */
interface Version {
  loaded?: LoadedJourney;
  journey: Journey;
}

/** The version of a map that does not exist (a map added or deleted). */
export const EMPTY: Journey = { journeymap: 1, title: "", personas: [], stages: [] };

/** Compares two versions of a map. Either may be undefined: a map added or deleted is all added or
 * all removed. Throws JourneymapError when a version has YAML or schema errors (there is no model to
 * compare), with the first error at file:line:column. */
export function diffJourneys(
  oldLoaded: LoadedJourney | undefined,
  newLoaded: LoadedJourney | undefined,
  options: DiffOptions = {},
): JourneyDiff {
  if (!oldLoaded && !newLoaded) throw new JourneymapError("nothing to compare: both versions are missing");
  const before = versionOf(oldLoaded);
  const after = versionOf(newLoaded);
  const sideOf = (version: Version, label: string | undefined, other?: LoadedJourney): DiffSide => {
    const file = version.loaded?.file ?? other?.file ?? "<none>";
    const title = version.loaded ? version.journey.title : undefined;
    // The side of a map added or deleted has no map to name: "(none)" says so, its file name would not.
    return {
      file,
      ...(title !== undefined ? { title } : {}),
      label: label ?? title ?? (version.loaded ? file : "(none)"),
    };
  };
  const diff: JourneyDiff = {
    version: 2,
    old: sideOf(before, options.labels?.[0], newLoaded),
    new: sideOf(after, options.labels?.[1], oldLoaded),
    status: !oldLoaded ? "added" : !newLoaded ? "deleted" : "modified",
    personas: diffElements(before, after, (j) => j.personas),
    teams: diffElements(before, after, (j) => j.teams ?? []),
    stages: diffStages(before, after),
    touchpoints: diffTouchpoints(before, after),
    findings: options.lint === false ? { introduced: [], fixed: [] } : diffFindings(before, after, options.lint ?? {}),
  };
  if (oldLoaded && newLoaded && before.journey.title !== after.journey.title)
    diff.title = { old: before.journey.title, new: after.journey.title };
  // Added after the fields above, and only when something changed: the json output's keys stay in their order.
  const map = diffMapFields(before.journey, after.journey);
  if (map) diff.map = map;
  const lanes: LaneDeclarationChanges = diffElements(
    before,
    after,
    (j) => j.lanes ?? [],
    (lane) => lane.label,
  );
  const declarations = diffLaneDeclarations(before, after);
  if (declarations.changed.length) lanes.changed = declarations.changed;
  if (declarations.reordered) lanes.reordered = declarations.reordered;
  if (lanes.added.length + lanes.removed.length + lanes.renamed.length || lanes.changed || lanes.reordered)
    diff.lanes = lanes;
  const stageLanes = diffStageLanes(before, after);
  if (stageLanes.length) diff.stages.changed = stageLanes;
  return diff;
}

/** True when the diff found nothing: the two versions say the same thing. */
export function isEmptyDiff(diff: JourneyDiff): boolean {
  const none = (changes: ElementChanges<unknown>) =>
    changes.added.length + changes.removed.length + changes.renamed.length === 0;
  return (
    diff.status === "modified" &&
    diff.title === undefined &&
    diff.map === undefined &&
    (diff.lanes === undefined ||
      (none(diff.lanes) && diff.lanes.changed === undefined && diff.lanes.reordered === undefined)) &&
    (diff.stages.changed?.length ?? 0) === 0 &&
    none(diff.personas) &&
    none(diff.teams) &&
    none(diff.stages) &&
    diff.stages.reordered === undefined &&
    diff.touchpoints.added.length + diff.touchpoints.removed.length + diff.touchpoints.changed.length === 0 &&
    diff.findings.introduced.length + diff.findings.fixed.length === 0
  );
}

function versionOf(loaded: LoadedJourney | undefined): Version {
  if (!loaded) return { journey: EMPTY };
  if (!loaded.journey) {
    const first = loaded.diagnostics[0];
    const where = first ? `${loaded.file}:${first.line}:${first.column}: ${first.message}` : loaded.file;
    throw new JourneymapError(`cannot compare an invalid map: ${where} (run "journeymap validate" on it)`);
  }
  return { loaded, journey: loaded.journey };
}

function rangeOf(version: Version, element: object) {
  return version.loaded?.source.rangeOf(element);
}

function diffElements<T extends { id: string }>(
  before: Version,
  after: Version,
  listOf: (journey: Journey) => readonly T[],
  nameOf: (element: T) => string | undefined = (element) => (element as { name?: string }).name,
): ElementChanges<ElementRef> {
  const refOf = (version: Version, element: T): ElementRef => {
    const range = rangeOf(version, element);
    const name = nameOf(element);
    return {
      id: element.id,
      ...(name !== undefined ? { name } : {}),
      ...(range ? { range } : {}),
    };
  };
  const olds = firstById(listOf(before.journey));
  const news = firstById(listOf(after.journey));
  const changes: ElementChanges<ElementRef> = { added: [], removed: [], renamed: [] };
  for (const [id, element] of news) {
    const old = olds.get(id);
    if (!old) changes.added.push(refOf(after, element));
    else if (nameOf(old) !== nameOf(element))
      changes.renamed.push({ old: refOf(before, old), new: refOf(after, element) });
  }
  for (const [id, element] of olds) if (!news.has(id)) changes.removed.push(refOf(before, element));
  return changes;
}

/** Elements by id; a duplicated id (a lint error) counts once, as its first occurrence. */
function firstById<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  const byId = new Map<string, T>();
  for (const element of list) if (!byId.has(element.id)) byId.set(element.id, element);
  return byId;
}

/** The map's fields compared as text, in this order. */
const MAP_FIELDS = ["type", "status", "reviewed", "owner"] as const satisfies readonly MapField[];

/** The map's type, status, review date and owner old → new, or undefined when none changed. A map added
 * or deleted has them all on one side: they are part of what was added, not changes. */
function diffMapFields(oldJourney: Journey, newJourney: Journey): JourneyDiff["map"] {
  if (oldJourney === EMPTY || newJourney === EMPTY) return undefined;
  const changes: NonNullable<JourneyDiff["map"]> = {};
  for (const field of MAP_FIELDS) {
    const before = oldJourney[field];
    const after = newJourney[field];
    if (before === after) continue;
    changes[field] = {
      ...(before !== undefined ? { old: before } : {}),
      ...(after !== undefined ? { new: after } : {}),
    };
  }
  return Object.keys(changes).length ? changes : undefined;
}

/** The declared lanes in both versions (by id, the first of a repeated one) whose kind, layer, description or
 * declaring file changed, in the new version's drawn order; and both drawn orders when they differ. Linear
 * in the lanes. A map added or deleted has no lane changed, only lanes added or removed. */
function diffLaneDeclarations(
  before: Version,
  after: Version,
): { changed: LaneDeclarationChange[]; reordered?: { old: string[]; new: string[] } } {
  const changed: LaneDeclarationChange[] = [];
  if (!before.loaded?.journey || !after.loaded?.journey) return { changed };
  const olds = new Map(declaredLanes(before.journey).map((lane) => [lane.id, lane]));
  const news = declaredLanes(after.journey);
  const whereOf = (version: Version, definition: LaneDefinition) => {
    if (!version.loaded?.definitions?.isShared(definition)) return "map";
    const shared = version.loaded.definitions.scope?.byKind.lane.get(definition.id);
    return shared?.file ?? "a shared file";
  };
  for (const lane of news) {
    const old = olds.get(lane.id);
    if (!old) continue;
    const change: LaneDeclarationChange = { lane: { id: lane.id, name: shortName(lane.label) } };
    const range = rangeOf(after, lane.definition);
    if (range) change.lane.range = range;
    if (old.kind !== lane.kind) change.kind = { old: old.kind, new: lane.kind };
    if (old.layer !== lane.layer)
      change.layer = {
        ...(old.layer !== undefined ? { old: old.layer } : {}),
        ...(lane.layer !== undefined ? { new: lane.layer } : {}),
      };
    if (old.description !== lane.description)
      change.description = {
        ...(old.description !== undefined ? { old: old.description } : {}),
        ...(lane.description !== undefined ? { new: lane.description } : {}),
      };
    const oldWhere = whereOf(before, old.definition);
    const newWhere = whereOf(after, lane.definition);
    if (oldWhere !== newWhere) change.declaredIn = { old: oldWhere, new: newWhere };
    if (change.kind || change.layer || change.description || change.declaredIn) changed.push(change);
  }
  const newIds = new Set(news.map((lane) => lane.id));
  const oldOrder = [...olds.keys()].filter((id) => newIds.has(id));
  const newOrder = news.map((lane) => lane.id).filter((id) => olds.has(id));
  const same = oldOrder.length === newOrder.length && oldOrder.every((id, index) => newOrder[index] === id);
  return same ? { changed } : { changed, reordered: { old: oldOrder, new: newOrder } };
}

/** The stages in both versions (by id, the first of a repeated one) whose declared lanes changed, in the new order. */
function diffStageLanes(before: Version, after: Version): NonNullable<StageChanges["changed"]> {
  const oldJourney = before.journey;
  const newJourney = after.journey;
  const olds = firstById(oldJourney.stages);
  const oldLabels = laneLabels(oldJourney);
  const newLabels = laneLabels(newJourney);
  const changed: NonNullable<StageChanges["changed"]> = [];
  for (const [id, stage] of firstById(newJourney.stages)) {
    const old = olds.get(id);
    if (!old) continue;
    const { changes } = diffLanes(old, stage, oldLabels, newLabels);
    if (!changes.length) continue;
    const range = rangeOf(after, stage);
    changed.push({ stage: { id, name: shortName(stage.name), ...(range ? { range } : {}) }, lanes: changes });
  }
  return changed;
}

function diffStages(before: Version, after: Version): StageChanges {
  const changes: StageChanges = diffElements(before, after, (j) => j.stages);
  const newIds = new Set(after.journey.stages.map((stage) => stage.id));
  const oldIds = new Set(before.journey.stages.map((stage) => stage.id));
  const oldOrder = [...new Set(before.journey.stages.map((stage) => stage.id))].filter((id) => newIds.has(id));
  const newOrder = [...new Set(after.journey.stages.map((stage) => stage.id))].filter((id) => oldIds.has(id));
  if (oldOrder.join("\n") !== newOrder.join("\n")) changes.reordered = { old: oldOrder, new: newOrder };
  return changes;
}

/** Every touchpoint of a map with its stage and position, in journey order. */
function locate(journey: Journey): Located[] {
  const located: Located[] = [];
  for (const stage of journey.stages) {
    (stage.touchpoints ?? []).forEach((touchpoint, index) =>
      located.push({ touchpoint, stage: stage.id, stageName: stage.name, index, order: located.length }),
    );
  }
  return located;
}

/** A touchpoint change before positions are looked up: what the picture of a diff also needs. */
export type PairChange = Omit<TouchpointChange, "old" | "new" | "fields"> & {
  fields: Partial<Record<TextField, Omit<ValueChange, "range">>>;
};

/** Every pair of touchpoints matched across two versions (in new journey order), with what changed
 * (undefined when nothing did), and the touchpoints only one version has. No positions: pure model. */
export interface ComparedTouchpoints {
  pairs: Array<{ pair: TouchpointPair; change?: PairChange }>;
  added: Located[];
  removed: Located[];
}

/** The comparison of two journeys, kept while both are in use: the diff and its picture compare the
 * same two versions, and a change of 16,000 touchpoints need not be compared twice. */
const comparisons = new WeakMap<Journey, WeakMap<Journey, ComparedTouchpoints>>();

export function compareTouchpoints(oldJourney: Journey, newJourney: Journey): ComparedTouchpoints {
  let byNew = comparisons.get(oldJourney);
  if (!byNew) comparisons.set(oldJourney, (byNew = new WeakMap()));
  let compared = byNew.get(newJourney);
  if (!compared) byNew.set(newJourney, (compared = compare(oldJourney, newJourney)));
  return compared;
}

function compare(oldJourney: Journey, newJourney: Journey): ComparedTouchpoints {
  const { pairs, added, removed } = matchTouchpoints(locate(oldJourney), locate(newJourney));
  const cast = castOf(oldJourney, newJourney);

  // Within a stage, the touchpoints that kept their relative order are a longest increasing run of old
  // positions read in new order; the others moved.
  const movedInStage = new Set<TouchpointPair>();
  const stayed = pairs.filter((pair) => pair.old.stage === pair.new.stage);
  for (const group of groupBy(stayed, (pair) => pair.new.stage).values()) {
    group.sort((a, b) => a.new.order - b.new.order);
    const kept = longestIncreasing(group.map((pair) => pair.old.order));
    group.forEach((pair, i) => {
      if (!kept.has(i)) movedInStage.add(pair);
    });
  }

  const compared: ComparedTouchpoints["pairs"] = [];
  for (const pair of [...pairs].sort((a, b) => a.new.order - b.new.order)) {
    const o = pair.old.touchpoint;
    const n = pair.new.touchpoint;
    // Who is involved and how: worked out once, for the emotions and the personas, where it may have changed.
    const involved = sameInvolvement(cast, o, n) ? undefined : involvement(cast, o, n);
    const change: PairChange = {
      subject: subjectOf.touchpoint({ id: pair.new.stage }, n),
      matchedBy: pair.matchedBy,
      fields: {},
      emotions: involved ? diffEmotions(cast, involved) : [],
      lists: {},
      metrics: diffMetrics(o, n, metricNames(newJourney), metricNames(oldJourney)),
    };
    if (o.name !== n.name) change.renamed = true;
    if (pair.old.stage !== pair.new.stage) change.moved = "stage";
    else if (movedInStage.has(pair)) change.moved = "order";
    for (const field of TEXT_FIELDS) {
      const oldText = textOf(o, field);
      const newText = textOf(n, field);
      if (oldText === newText) continue;
      const oldName = field === "owner" ? teamName(oldJourney, o) : undefined;
      const newName = field === "owner" ? teamName(newJourney, n) : undefined;
      change.fields[field] = {
        ...(oldText !== undefined ? { old: oldText } : {}),
        ...(newText !== undefined ? { new: newText } : {}),
        ...(oldName !== undefined ? { oldName } : {}),
        ...(newName !== undefined ? { newName } : {}),
      };
    }
    const personas = involved && diffInvolvement(cast, involved);
    if (personas) change.personas = personas;
    // Opportunities tracked as work are matched by id (opportunities.ts); a list of text alone, as any list.
    const tracked =
      tracksWork(o.opportunities) || tracksWork(n.opportunities)
        ? diffOpportunities(o.opportunities ?? [], n.opportunities ?? [])
        : undefined;
    for (const field of LIST_FIELDS) {
      const list = field === "opportunities" && tracked ? tracked.list : diffList(listOf(o, field), listOf(n, field));
      if (list) change.lists[field] = list;
    }
    if (tracked?.changed.length) change.opportunities = tracked.changed;
    if (o.lanes !== undefined || n.lanes !== undefined) {
      const { changes } = diffLanes(o, n, laneLabels(oldJourney), laneLabels(newJourney));
      if (changes.length) change.lanes = changes;
    }
    const anything =
      change.renamed ||
      change.moved ||
      change.personas ||
      change.opportunities ||
      change.lanes ||
      Object.keys(change.fields).length + Object.keys(change.lists).length > 0 ||
      change.emotions.length + change.metrics.length > 0;
    compared.push(anything ? { pair, change } : { pair });
  }
  return { pairs: compared, added, removed };
}

function diffTouchpoints(before: Version, after: Version): JourneyDiff["touchpoints"] {
  const refOf = (version: Version, located: Located): TouchpointRef => {
    const { touchpoint } = located;
    const range = rangeOf(version, touchpoint);
    return {
      ...(touchpoint.id !== undefined ? { id: touchpoint.id } : {}),
      name: touchpoint.name,
      stage: located.stage,
      stageName: shortName(located.stageName),
      index: located.index,
      ...(range ? { range } : {}),
    };
  };
  const { pairs, added, removed } = compareTouchpoints(before.journey, after.journey);
  const changed: TouchpointChange[] = [];
  // Positions are looked up only for touchpoints that changed: most pairs are unchanged.
  for (const { pair, change } of pairs) {
    if (!change) continue;
    const fields: TouchpointChange["fields"] = {};
    for (const [field, value] of Object.entries(change.fields) as Array<[TextField, Omit<ValueChange, "range">]>)
      fields[field] = {
        ...value,
        range: {
          ...rangeIf("old", before.loaded?.source, pair.old.touchpoint, field),
          ...rangeIf("new", after.loaded?.source, pair.new.touchpoint, field),
        },
      };
    const { subject, ...rest } = change;
    changed.push({ subject, old: refOf(before, pair.old), new: refOf(after, pair.new), ...rest, fields });
  }
  return {
    added: added.map((located) => refOf(after, located)),
    removed: removed.map((located) => refOf(before, located)),
    changed,
  };
}

function rangeIf(side: "old" | "new", source: SourceMap | undefined, touchpoint: Touchpoint, field: string) {
  const range =
    touchpoint[field as keyof Touchpoint] === undefined ? undefined : source?.valueRangeOf(touchpoint, field);
  return range ? { [side]: range } : {};
}

/** The positions in `news` of the items `olds` does not have (matched by text, each as often as written).
 * `count` is left holding the old items not matched, by text. */
export function addedPositions(
  olds: readonly string[],
  news: readonly string[],
  count = new Map<string, number>(),
): number[] {
  for (const text of olds) count.set(text, (count.get(text) ?? 0) + 1);
  const added: number[] = [];
  news.forEach((text, position) => {
    const left = count.get(text) ?? 0;
    if (left > 0) count.set(text, left - 1);
    else added.push(position);
  });
  return added;
}

/** Items added and removed, matched by their text (a repeated item counts as often as it is written). */
function diffList(olds: readonly string[], news: readonly string[]): ListChange | undefined {
  const count = new Map<string, number>();
  const added = addedPositions(olds, news, count).map((position) => news[position]!);
  const removed: string[] = [];
  for (const text of [...olds].reverse()) {
    const left = count.get(text) ?? 0;
    if (left > 0) {
      removed.push(text);
      count.set(text, left - 1);
    }
  }
  removed.reverse();
  return added.length + removed.length > 0 ? { added, removed } : undefined;
}

/** The personas of both versions, indexed once per diff: every touchpoint asks about them, and a loop
 * over them per touchpoint would make the diff touchpoints × personas. */
interface Cast {
  oldNames: Map<string, string>;
  newNames: Map<string, string>;
  /** Position of each id in the old and in the new version's list (its first occurrence). */
  oldRank: Map<string, number>;
  newRank: Map<string, number>;
  /** The ids both versions declare, in the new version's order and in the old one's. */
  commonByNew: string[];
  commonByOld: string[];
}

function castOf(oldJourney: Journey, newJourney: Journey): Cast {
  const oldNames = personaNames(oldJourney);
  const newNames = personaNames(newJourney);
  const rank = (journey: Journey) => {
    const ranks = new Map<string, number>();
    journey.personas.forEach((persona, index) => {
      if (!ranks.has(persona.id)) ranks.set(persona.id, index);
    });
    return ranks;
  };
  const oldRank = rank(oldJourney);
  const newRank = rank(newJourney);
  return {
    oldNames,
    newNames,
    oldRank,
    newRank,
    commonByNew: [...newRank.keys()].filter((id) => oldRank.has(id)),
    commonByOld: [...oldRank.keys()].filter((id) => newRank.has(id)),
  };
}

/** One persona at a touchpoint in both versions: involved or not on each side, and its scores. */
interface Involvement {
  oldInvolved: boolean;
  newInvolved: boolean;
  before?: Score;
  after?: Score;
}

/**
 * Who a touchpoint involves in each version, and with which scores, without a loop over the map's
 * personas. The personas the touchpoint names (in `personas` or its emotions, in either version) are
 * looked at one by one: they are written in the touchpoint. Every other persona is in the same case as
 * all the others: involved on a side when that side names no personas and both versions declare it
 * (a persona only one version declares is left out where a touchpoint involves it implicitly, so
 * adding a persona to the map is one change, not one at every touchpoint), with that side's single
 * score if it has one. So "the others" are one block, counted, never listed in full.
 */
type Involved = ReturnType<typeof involvement>;

function involvement(cast: Cast, o: Touchpoint, n: Touchpoint) {
  const named = new Map<string, Involvement>();
  const oldListed = o.personas && new Set(o.personas);
  const newListed = n.personas && new Set(n.personas);
  const names = (touchpoint: Touchpoint) => [
    ...(touchpoint.personas ?? []),
    ...(typeof touchpoint.emotion === "object" ? Object.keys(touchpoint.emotion) : []),
  ];
  const namedAt = (touchpoint: Touchpoint, listed: Set<string> | undefined, id: string) =>
    listed?.has(id) === true ||
    (typeof touchpoint.emotion === "object" && Object.prototype.hasOwnProperty.call(touchpoint.emotion, id));
  const involvedAt = (
    touchpoint: Touchpoint,
    listed: Set<string> | undefined,
    own: Map<string, string>,
    other: Map<string, string>,
    id: string,
  ) => own.has(id) && (!listed || listed.has(id)) && (other.has(id) || namedAt(touchpoint, listed, id));
  for (const id of [...names(o), ...names(n)]) {
    if (named.has(id)) continue;
    const oldInvolved = involvedAt(o, oldListed, cast.oldNames, cast.newNames, id);
    const newInvolved = involvedAt(n, newListed, cast.newNames, cast.oldNames, id);
    const before = oldInvolved ? emotionOf(o, id) : undefined;
    const after = newInvolved ? emotionOf(n, id) : undefined;
    named.set(id, {
      oldInvolved,
      newInvolved,
      ...(before !== undefined ? { before } : {}),
      ...(after !== undefined ? { after } : {}),
    });
  }
  const countNamedInBoth = () => {
    let count = 0;
    for (const id of named.keys()) if (cast.oldNames.has(id) && cast.newNames.has(id)) count++;
    return count;
  };
  const single = (touchpoint: Touchpoint) => (typeof touchpoint.emotion === "number" ? touchpoint.emotion : undefined);
  const others: Involvement & { count: number; first: (order: string[]) => string[] } = {
    oldInvolved: !o.personas,
    newInvolved: !n.personas,
    ...(!o.personas && single(o) !== undefined ? { before: single(o) } : {}),
    ...(!n.personas && single(n) !== undefined ? { after: single(n) } : {}),
    count: cast.commonByNew.length - countNamedInBoth(),
    // At most MAX_LISTED_PERSONAS + the named ones are read: the named are skipped.
    first: (order) => {
      const ids: string[] = [];
      for (const id of order) {
        if (ids.length === MAX_LISTED_PERSONAS) break;
        if (!named.has(id)) ids.push(id);
      }
      return ids;
    },
  };
  return { named, others };
}

/** The personas whose involvement changed: the first MAX_LISTED_PERSONAS of each list, and counts. */
function diffInvolvement(cast: Cast, { named, others }: Involved): PersonaListChange | undefined {
  const added: string[] = [];
  const removed: string[] = [];
  for (const [id, persona] of named) {
    if (persona.newInvolved && !persona.oldInvolved) added.push(id);
    if (persona.oldInvolved && !persona.newInvolved) removed.push(id);
  }
  let addedCount = added.length;
  let removedCount = removed.length;
  if (others.count > 0 && others.newInvolved && !others.oldInvolved) {
    for (const id of others.first(cast.commonByNew)) added.push(id);
    addedCount += others.count;
  }
  if (others.count > 0 && others.oldInvolved && !others.newInvolved) {
    for (const id of others.first(cast.commonByOld)) removed.push(id);
    removedCount += others.count;
  }
  if (addedCount + removedCount === 0) return undefined;
  const firstOf = (ids: string[], rank: Map<string, number>) =>
    ids.sort((a, b) => rank.get(a)! - rank.get(b)!).slice(0, MAX_LISTED_PERSONAS);
  const shown = firstOf(added, cast.newRank);
  const gone = firstOf(removed, cast.oldRank);
  return {
    added: shown,
    removed: gone,
    addedCount,
    removedCount,
    addedNames: shown.map((id) => shortName(cast.newNames.get(id) ?? cast.oldNames.get(id) ?? id)),
    removedNames: gone.map((id) => shortName(cast.oldNames.get(id) ?? cast.newNames.get(id) ?? id)),
  };
}

/** The name of the team a touchpoint's owner names, as `journey` declares it; undefined when it gives none. */
function teamName(journey: Journey, touchpoint: Touchpoint): string | undefined {
  const ownership = ownershipOf(journey, touchpoint);
  return ownership.status === "owned" && ownership.team?.name !== undefined ? ownership.team.name : undefined;
}

/** Each journey's metric names by id, built once per journey (as persona names below). */
const metricNamesByJourney = new WeakMap<Journey, Map<string, string>>();

function metricNames(journey: Journey): Map<string, string> {
  let names = metricNamesByJourney.get(journey);
  if (!names) {
    names = new Map();
    for (const metric of journey.metrics ?? []) if (!names.has(metric.id)) names.set(metric.id, metric.name);
    metricNamesByJourney.set(journey, names);
  }
  return names;
}

/** Each journey's persona names by id, built once per journey: a lookup
 * per touchpoint would make the diff touchpoints × personas. */
const namesByJourney = new WeakMap<Journey, Map<string, string>>();

function personaNames(journey: Journey): Map<string, string> {
  let names = namesByJourney.get(journey);
  if (!names) {
    names = new Map();
    // The last of a repeated id, as a Map built from the list would keep.
    for (const persona of journey.personas) names.set(persona.id, persona.name);
    namesByJourney.set(journey, names);
  }
  return names;
}

/** True when a touchpoint involves the same personas with the same emotions in both versions, known
 * from the two touchpoints and their lists alone (no loop over the map's personas): both name no
 * personas and share one score (or none), or both name the same list, each listed persona declared in
 * both versions or in neither, with the same emotions. */
function sameInvolvement(cast: Cast, o: Touchpoint, n: Touchpoint): boolean {
  const scalar = (emotion: Touchpoint["emotion"]) => typeof emotion !== "object";
  if (o.personas === undefined && n.personas === undefined)
    return scalar(o.emotion) && scalar(n.emotion) && o.emotion === n.emotion;
  if (o.personas === undefined || n.personas === undefined || o.personas.length !== n.personas.length) return false;
  const { oldNames, newNames } = cast;
  if (!o.personas.every((id, i) => n.personas![i] === id && oldNames.has(id) === newNames.has(id))) return false;
  if (scalar(o.emotion) || scalar(n.emotion)) return o.emotion === n.emotion;
  const olds = o.emotion;
  const news = n.emotion;
  const keys = Object.keys(olds);
  return (
    keys.length === Object.keys(news).length &&
    keys.every((id) => Object.prototype.hasOwnProperty.call(news, id) && news[id] === olds[id])
  );
}

/** The emotion changes at a touchpoint, one per way (old → new), for every persona that either version
 * involves there; personas in map order (those the new version involves there in its order, then the
 * others in the old version's order), and the ways in the order of their first persona. */
function diffEmotions(cast: Cast, { named, others }: Involved): EmotionChange[] {
  const rankOf = (id: string, newInvolved: boolean) =>
    newInvolved ? cast.newRank.get(id)! : cast.newRank.size + cast.oldRank.get(id)!;
  const ways = new Map<string, { before?: Score; after?: Score; ids: Array<[string, number]>; count: number }>();
  const wayOf = ({ before, after }: Involvement) => {
    const key = `${before ?? ""}>${after ?? ""}`;
    let way = ways.get(key);
    if (!way)
      ways.set(
        key,
        (way = {
          ...(before !== undefined ? { before } : {}),
          ...(after !== undefined ? { after } : {}),
          ids: [],
          count: 0,
        }),
      );
    return way;
  };
  for (const [id, persona] of named) {
    if (persona.before === persona.after || !(persona.oldInvolved || persona.newInvolved)) continue;
    const way = wayOf(persona);
    way.ids.push([id, rankOf(id, persona.newInvolved)]);
    way.count++;
  }
  if (others.count > 0 && others.before !== others.after) {
    const way = wayOf(others);
    for (const id of others.first(others.newInvolved ? cast.commonByNew : cast.commonByOld))
      way.ids.push([id, rankOf(id, others.newInvolved)]);
    way.count += others.count;
  }
  const changes: Array<EmotionChange & { rank: number }> = [];
  for (const { before, after, ids, count } of ways.values()) {
    const first = ids.sort((a, b) => a[1] - b[1]).slice(0, MAX_LISTED_PERSONAS);
    const personas = first.map(([id]) => id);
    const personaNames = personas.map((id) => shortName(cast.newNames.get(id) ?? cast.oldNames.get(id) ?? id));
    const shared = { personas, personaNames, count };
    const rank = first[0]![1];
    if (before !== undefined && after !== undefined)
      changes.push({
        ...shared,
        old: before,
        new: after,
        delta: after - before,
        direction: after > before ? "up" : "down",
        rank,
      });
    else if (after !== undefined) changes.push({ ...shared, new: after, direction: "added", rank });
    else changes.push({ ...shared, old: before, direction: "removed", rank });
  }
  return changes.sort((a, b) => a.rank - b.rank).map(({ rank: _rank, ...change }) => change);
}

function diffMetrics(
  o: Touchpoint,
  n: Touchpoint,
  newNames: ReadonlyMap<string, string>,
  oldNames: ReadonlyMap<string, string>,
): MetricChange[] {
  const olds = o.metrics ?? {};
  const news = n.metrics ?? {};
  const has = (metrics: object, name: string) => Object.prototype.hasOwnProperty.call(metrics, name);
  // A measured value ({value, date, source, n}) is compared by its number: a refresh that moves
  // only the date is not a change of the journey.
  const plain = (value: MetricValue | undefined) => (typeof value === "object" ? value.value : value);
  const names = [...new Set([...Object.keys(olds), ...Object.keys(news)])].sort();
  const changes: MetricChange[] = [];
  for (const name of names) {
    const before = plain(has(olds, name) ? olds[name] : undefined);
    const after = plain(has(news, name) ? news[name] : undefined);
    if (before === after) continue;
    const label = newNames.get(name) ?? oldNames.get(name);
    const change: MetricChange = {
      name,
      ...(label !== undefined ? { label: shortName(label) } : {}),
      ...(before !== undefined ? { old: before } : {}),
      ...(after !== undefined ? { new: after } : {}),
    };
    if (typeof before === "number" && typeof after === "number" && before !== 0)
      change.relativeChange = (after - before) / Math.abs(before);
    changes.push(change);
  }
  return changes;
}

/** Lint findings matched by rule and subject (what the finding is about), else rule and message: never
 * by line, which any edit above a finding changes. */
function diffFindings(before: Version, after: Version, config: LintConfig): FindingChanges {
  const findingsOf = (version: Version): Diagnostic[] => (version.loaded ? lintJourney(version.loaded, config) : []);
  const olds = findingsOf(before);
  const news = findingsOf(after);
  // Each finding's key once: a map of 16,000 touchpoints has tens of thousands of findings a side.
  const keyOf = (finding: Diagnostic) =>
    canonical([finding.ruleId, finding.subject ?? "", finding.subject ? "" : withoutLines(finding.message)]);
  const oldKeys = olds.map(keyOf);
  const newKeys = news.map(keyOf);
  const countOf = (keys: string[]) => {
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  };
  /** The findings of `findings` (keyed by `keys`) beyond as many as `other` has of each key. */
  const beyond = (findings: Diagnostic[], keys: string[], other: Map<string, number>) =>
    findings.filter((_, i) => {
      const left = other.get(keys[i]!) ?? 0;
      if (left > 0) other.set(keys[i]!, left - 1);
      return left === 0;
    });
  return {
    introduced: beyond(news, newKeys, countOf(oldKeys)),
    fixed: beyond(olds, oldKeys, countOf(newKeys)),
  };
}

/** A message without the line numbers it mentions ("first used on line 12"): an edit above moves them. */
function withoutLines(message: string): string {
  return message.replace(/\b(lines?) \d+(?:(?:-|–|, | and )\d+)*/g, "$1 #");
}
