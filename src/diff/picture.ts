// The picture of a change: the new map, with every removed touchpoint (and stage) put back where it was
// as a ghost, and the marks the native SVG draws over it (src/render/svg/marks.ts): added, changed and
// removed cards, changed lines, the old emotions. Pure: two journeys in, a journey and marks out.
import { listOf, touchpointFields, type ListLaneName } from "../journey/fields.js";
import { emotionOf, type Journey, type LaneValues, type Score, type Stage, type Touchpoint } from "../journey/model.js";
import type { CardField, PictureMarks, StageMarks, TouchpointMarks } from "../render/svg/index.js";
import { MAX_CURVES } from "../render/svg/emotion.js";
import { addedPositions, compareTouchpoints, EMPTY, type PairChange } from "./diff.js";
import type { Located, TouchpointPair } from "./match.js";
import { diffLanes, laneLabels } from "./lanes.js";
import { personasText, statusWords } from "./notes.js";
import { diffOpportunities, tracksWork } from "./opportunities.js";
import type { LaneChange, ListField, OpportunityChange, OpportunityValue, TextField } from "./types.js";

export interface DiffPicture {
  /** The map to draw: the new version's, with ghosts of what the old one had. */
  journey: Journey;
  marks: PictureMarks;
}

const FIELDS = new Map(touchpointFields().map((field) => [field.key, field]));
/** "Pain point": one entry of a list, as a card's note starts it. */
const listWord = (field: ListField) => {
  const { diff } = FIELDS.get(field)!;
  const noun = diff.by === "list" ? diff.noun : field;
  return noun.charAt(0).toUpperCase() + noun.slice(1);
};
/** A persona's name in a card's note: a card is narrow, and every changed card names its personas. */
const NAME_IN_NOTE_MAX = 40;

/** Whether a list field has a lane of its own (named after it) to mark its entries in: evidence has none. */
const hasListLane = (field: ListField) => {
  const { lane } = FIELDS.get(field)!;
  return typeof lane === "object" && "list" in lane;
};

/**
 * The picture of a change from `oldJourney` to `newJourney` (either may be undefined: a map added or
 * deleted). A removed touchpoint goes after the last touchpoint before it in its old stage that is
 * still in that stage (else first in the stage); a removed stage goes after the stage before it in the
 * old order that is still there. Linear in the two maps.
 */
export function diffPicture(
  oldJourney: Journey | undefined,
  newJourney: Journey | undefined,
  labels: { old: string; new: string },
): DiffPicture {
  const before = oldJourney ?? EMPTY;
  const after = newJourney ?? EMPTY;
  const { pairs, removed } = compareTouchpoints(before, after);
  const lists = drawnLists();
  // The personas with an old curve: the emotion lane draws the first MAX_CURVES of the map drawn.
  const oldPersonas = new Set(before.personas.map((persona) => persona.id));
  const drawn = new Set(
    (newJourney ?? oldJourney ?? EMPTY).personas
      .slice(0, MAX_CURVES)
      .map((persona) => persona.id)
      .filter((id) => oldPersonas.has(id)),
  );

  // Every old touchpoint in journey order, where the paired ones are now, and each new touchpoint's
  // pair (by its journey order; an added one has none).
  const oldLocated = [...pairs.map(({ pair }) => pair.old), ...removed].sort((a, b) => a.order - b.order);
  const newOf = new Map<Located, Located>(pairs.map(({ pair }) => [pair.old, pair.new]));
  const pairAt = new Map(pairs.map((compared) => [compared.pair.new.order, compared]));

  // Ghosts waiting to be placed: after a new touchpoint (by its journey order), or first in a stage.
  const ghostsAfter = new Map<number, Located[]>();
  const ghostsFirst = new Map<string, Located[]>();
  const newStageIds = new Set(after.stages.map((stage) => stage.id));
  const removedSet = new Set(removed);
  let anchor: { stage: string; order: number } | undefined;
  for (const located of oldLocated) {
    if (anchor?.stage !== located.stage) anchor = undefined;
    if (!removedSet.has(located)) {
      const now = newOf.get(located)!;
      if (now.stage === located.stage) anchor = { stage: located.stage, order: now.order };
      continue;
    }
    if (anchor) push(ghostsAfter, anchor.order, located);
    else push(ghostsFirst, located.stage, located);
  }

  const touchpointMarks = new Map<number, TouchpointMarks>();
  const stageMarks = new Map<number, StageMarks>();
  const stages: Stage[] = [];
  let index = 0;
  // Cards drawn (stages and touchpoints), marked cards drawn, and marked cards left out after the cut.
  let cards = 0;
  let changes = 0;
  let notDrawn = 0;
  const full = () => cards >= MAX_CARDS_DRAWN || changes >= MAX_CHANGES_DRAWN;
  /** Draws a card, or counts it when the picture is full; its marks are made only when it is drawn. */
  const place = (
    touchpoint: Touchpoint,
    marked: boolean,
    marks: () => TouchpointMarks | undefined,
    into: Touchpoint[],
  ) => {
    if (full()) {
      if (marked) notDrawn++;
      return;
    }
    cards++;
    if (marked) changes++;
    const made = marked ? marks() : undefined;
    if (made) touchpointMarks.set(index, made);
    into.push(touchpoint);
    index++;
  };
  const placeGhosts = (ghosts: Located[] | undefined, into: Touchpoint[]) => {
    for (const ghost of ghosts ?? []) place(ghostOf(ghost.touchpoint), true, () => removedMarks(ghost, drawn), into);
  };
  const oldStages = new Map(before.stages.map((stage) => [stage.id, stage]));
  const placedStages = new Set<string>();
  const placeStage = (stage: Stage, marks: StageMarks | undefined, fill: (into: Touchpoint[]) => void) => {
    const touchpoints: Touchpoint[] = [];
    if (full()) {
      // Left out, with its touchpoints: fill only counts them.
      if (marks) notDrawn++;
      fill(touchpoints);
      return;
    }
    cards++;
    if (marks) {
      changes++;
      stageMarks.set(stages.length, lanePositionsCut(marks));
    }
    stages.push({ ...lanesCut(stage), touchpoints });
    fill(touchpoints);
  };
  // Old stages that the new version no longer has, each after the old stage before it that remains.
  const removedStagesAfter = new Map<string | undefined, Stage[]>();
  let previous: string | undefined;
  for (const stage of before.stages) {
    if (newStageIds.has(stage.id)) previous = stage.id;
    else push(removedStagesAfter, previous, stage);
  }
  const placeRemovedStages = (after: string | undefined) => {
    for (const stage of removedStagesAfter.get(after) ?? []) {
      if (placedStages.has(stage.id)) continue;
      placedStages.add(stage.id);
      placeStage({ id: stage.id, name: stage.name }, { kind: "removed" }, (into) =>
        placeGhosts(ghostsFirst.get(stage.id), into),
      );
    }
  };

  placeRemovedStages(undefined);
  let order = 0;
  for (const stage of after.stages) {
    const old = oldStages.get(stage.id);
    const lanes = old ? diffLanes(old, stage, laneLabels(before), laneLabels(after)) : undefined;
    const stageNotes = [
      ...(old && old.name !== stage.name ? [`Renamed from “${old.name}”`] : []),
      ...(lanes?.changes.flatMap(laneNotesOf) ?? []),
    ];
    const marks: StageMarks | undefined = !old
      ? { kind: "added" }
      : stageNotes.length
        ? { kind: "changed", notes: stageNotes, ...(lanes?.positions.size ? { lanes: lanes.positions } : {}) }
        : undefined;
    const first = !placedStages.has(stage.id);
    placedStages.add(stage.id);
    placeStage(stage, marks, (into) => {
      // A repeated stage id (a lint error) gets the stage's ghosts once, in its first occurrence.
      if (first) placeGhosts(ghostsFirst.get(stage.id), into);
      for (const touchpoint of stage.touchpoints ?? []) {
        const compared = pairAt.get(order);
        place(
          listsCut(touchpoint, lists),
          !compared || compared.change !== undefined,
          () =>
            !compared
              ? { kind: "added" }
              : compared.change &&
                entriesCut(touchpoint, changedMarks(compared.pair, compared.change, drawn, before, after), lists),
          into,
        );
        placeGhosts(ghostsAfter.get(order), into);
        order++;
      }
    });
    if (first) placeRemovedStages(stage.id);
  }

  const base = newJourney ?? oldJourney ?? EMPTY;
  return {
    journey: { ...base, stages },
    marks: {
      touchpoints: touchpointMarks,
      stages: stageMarks,
      oldPersonas,
      labels,
      ...(notDrawn ? { notDrawn } : {}),
    },
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A removed touchpoint as the picture draws it: its name (and id) only, no lanes, no emotion. */
function ghostOf(touchpoint: Touchpoint): Touchpoint {
  return { ...(touchpoint.id !== undefined ? { id: touchpoint.id } : {}), name: touchpoint.name };
}

/** The old scores at a touchpoint, for each persona the old version involves there that has a curve in
 * the picture (`drawn`: the old version's personas among the MAX_CURVES the emotion lane draws): a copy
 * of every persona's score at every touchpoint would be touchpoints × personas. */
function scoresAt(touchpoint: Touchpoint, drawn: ReadonlySet<string>): Record<string, Score> {
  const scores: Record<string, Score> = {};
  const listed = touchpoint.personas && new Set(touchpoint.personas);
  for (const id of drawn) {
    if (listed && !listed.has(id)) continue;
    const score = emotionOf(touchpoint, id);
    if (score !== undefined) Object.defineProperty(scores, id, { value: score, enumerable: true });
  }
  return scores;
}

function removedMarks(ghost: Located, drawn: ReadonlySet<string>): TouchpointMarks {
  return { kind: "removed", oldEmotion: scoresAt(ghost.touchpoint, drawn) };
}

function changedMarks(
  pair: TouchpointPair,
  change: PairChange,
  drawn: ReadonlySet<string>,
  oldJourney: Journey,
  newJourney: Journey,
): TouchpointMarks {
  const o = pair.old.touchpoint;
  const n = pair.new.touchpoint;
  const fields = new Set<CardField>();
  const notes: string[] = [];
  if (change.renamed) {
    fields.add("name");
    notes.push(`Renamed from “${o.name}”${change.matchedBy === "similarity" ? " (a guess)" : ""}`);
  }
  if (change.moved === "stage") notes.push(`Moved from stage “${pair.old.stageName}”`);
  if (change.moved === "order") notes.push("Moved within its stage");
  for (const [field, value] of Object.entries(change.fields) as Array<
    [TextField, { old?: string; oldName?: string }]
  >) {
    fields.add(field);
    notes.push(
      value.old === undefined
        ? `${FIELDS.get(field)!.label} was not set`
        : `${FIELDS.get(field)!.label} was “${value.oldName ?? value.old}”`,
    );
  }
  if (change.personas) fields.add("personas");
  for (const emotion of change.emotions)
    notes.push(
      `${personasText(emotion, NAME_IN_NOTE_MAX)}: ${emotion.old ?? "no score"} → ${emotion.new ?? "no score"}`,
    );
  const entries: NonNullable<TouchpointMarks["entries"]> = {};
  for (const [field, list] of Object.entries(change.lists) as Array<[ListField, { removed: string[] }]>) {
    const positions = addedPositions(listOf(o, field), listOf(n, field));
    if (hasListLane(field) && positions.length) entries[field as ListLaneName] = new Set(positions);
    for (const text of list.removed) notes.push(`${listWord(field)} removed: “${text}”`);
  }
  // Opportunities tracked as work are paired by id: a status move marks the opportunity's line.
  if (tracksWork(o.opportunities) || tracksWork(n.opportunities)) {
    const { positions } = diffOpportunities(o.opportunities ?? [], n.opportunities ?? []);
    if (positions.length) entries.opportunities = new Set(positions);
    else delete entries.opportunities;
  }
  for (const opportunity of change.opportunities ?? []) notes.push(opportunityNote(opportunity));
  if (change.lanes) {
    for (const lane of change.lanes) notes.push(...laneNotesOf(lane));
  }
  // The metrics lane lists a touchpoint's metrics in their order in the map.
  const changedMetrics = new Set(change.metrics.map((metric) => metric.name));
  const metricPositions = Object.keys(n.metrics ?? {}).flatMap((name, position) =>
    changedMetrics.has(name) ? [position] : [],
  );
  if (metricPositions.length) entries.metrics = new Set(metricPositions);
  for (const metric of change.metrics) {
    const name = metric.label ?? metric.name;
    notes.push(metric.old === undefined ? `${name} is new` : `${name} was ${String(metric.old)}`);
  }
  // The entries of declared lanes added or changed, by lane id, for the lanes that draw them.
  const lanes = change.lanes && diffLanes(o, n, laneLabels(oldJourney), laneLabels(newJourney)).positions;
  return {
    kind: "changed",
    notes,
    fields,
    entries,
    ...(lanes?.size ? { lanes } : {}),
    ...(change.emotions.length ? { oldEmotion: scoresAt(o, drawn) } : {}),
  };
}

/** What an opportunity tracked as work was, on its card: "“Mobile key”: planned → in progress". */
function opportunityNote(change: OpportunityChange): string {
  const title = `Opportunity “${change.title}”`;
  if (change.became === "tracked") return `${title} was text, now tracked as work`;
  if (change.became === "text") return `${title} was tracked as work`;
  const parts = Object.entries(change.fields).map(([field, value]) =>
    field === "status"
      ? `${statusWords(value.old)} → ${statusWords(value.new)}`
      : `${field} was ${wasText(field, value.old)}`,
  );
  return `${title}: ${parts.join("; ")}`;
}

/** Pain points a card's note names at most, then "and N more". */
const MAX_WAS_SHOWN = 5;

/** An opportunity's old property on its card: the pain points it addressed listed (absent: all of them). */
function wasText(field: string, value: OpportunityValue | undefined): string {
  if (value === undefined) return field === "addresses" ? "all pain points" : "not set";
  if (typeof value !== "object") return `“${String(value)}”`;
  const shown = value.slice(0, MAX_WAS_SHOWN).map((text) => `“${text}”`);
  return value.length > MAX_WAS_SHOWN
    ? `${shown.join(", ")} and ${value.length - MAX_WAS_SHOWN} more`
    : shown.join(", ") || "none";
}

/** What a declared lane's entries were, on the card of a touchpoint or a stage. */
function laneNotesOf(change: LaneChange): string[] {
  const notes: string[] = [];
  for (const text of change.removed) notes.push(`${change.label} removed: “${text}”`);
  for (const entry of change.changed) {
    if (entry.oldText !== undefined) notes.push(`${change.label} was “${entry.oldText}”`);
    const what = `${change.label} “${entry.text}”`;
    if (entry.servedBy?.removed.length) notes.push(`${what} was served by ${entry.servedBy.removed.join(", ")}`);
    if (entry.fail && !entry.fail.new) notes.push(`${what}: fail point removed`);
    else if (entry.fail && !entry.fail.old) notes.push(`${what}: fail point added`);
    else if (entry.fail) notes.push(`${what}: fail point changed (risk was “${entry.fail.old!.risk ?? "not set"}”)`);
    if (entry.wait) notes.push(`${what}: wait was ${entry.wait.old === undefined ? "not set" : `“${entry.wait.old}”`}`);
  }
  return notes;
}

// The picture's caps (below everything else here, apart from the rest of the picture's code).

/** The picture draws the journey in order up to its MAX_CHANGES_DRAWN-th marked card or its
 * MAX_CARDS_DRAWN-th card, whichever comes first, and counts the changes after the cut in its legend, as
 * the text outputs list MAX_NOTES_SHOWN changes and count the rest: every card of two 1 MB versions of a
 * map of changes made a 38 MB picture that took 3 s to draw, and a picture of 200 cards is already
 * 40,000 px wide. A card of a change with full lanes, notes and eight curves is about 20 KB of SVG, so
 * the picture stays under about 5 MB. */
export const MAX_CHANGES_DRAWN = 200;
export const MAX_CARDS_DRAWN = 500;

/** Entries a card's list lane draws at most, then one "… and N more" entry: one touchpoint gaining
 * 60,000 pain points drew a 21 MB picture. */
export const MAX_ENTRIES_DRAWN = 50;

/** The list lanes a card draws, as the field registry gives them (evidence has none): a list field given
 * a lane there is cut here too. Read when a picture is made (a test may add a field to the registry). */
function drawnLists(): ListLaneName[] {
  return touchpointFields()
    .filter((field) => field.diff.by === "list" && hasListLane(field.key as ListField))
    .map((field) => field.key as ListLaneName);
}

/** A touchpoint whose list lanes and declared lanes hold at most MAX_ENTRIES_DRAWN entries each and a
 * count of the rest (the same object when none is longer). */
function listsCut(touchpoint: Touchpoint, lists: readonly ListLaneName[]): Touchpoint {
  let cut: Touchpoint | undefined = lanesCut(touchpoint);
  if (cut === touchpoint) cut = undefined;
  for (const field of lists) {
    const list = listOf(touchpoint, field);
    if (list.length <= MAX_ENTRIES_DRAWN + 1) continue;
    cut ??= { ...touchpoint };
    cut[field] = [...list.slice(0, MAX_ENTRIES_DRAWN), `… and ${list.length - MAX_ENTRIES_DRAWN} more`];
  }
  return cut ?? touchpoint;
}

/** A touchpoint or stage whose declared lanes hold at most MAX_ENTRIES_DRAWN entries each and a count of
 * the rest (the same object when none is longer): one lane of 40,000 entries drew an 8 MB picture. Lane
 * ids are the author's: the values are copied by Object.entries, never assigned by key. */
function lanesCut<T extends { lanes?: LaneValues }>(holder: T): T {
  const values = holder.lanes;
  if (!values) return holder;
  let longer = false;
  const cut = Object.entries(values).map(([id, value]): [string, LaneValues[string]] => {
    if (typeof value === "string" || value.length <= MAX_ENTRIES_DRAWN + 1) return [id, value];
    longer = true;
    return [id, [...value.slice(0, MAX_ENTRIES_DRAWN), `… and ${value.length - MAX_ENTRIES_DRAWN} more`]];
  });
  return longer ? { ...holder, lanes: Object.fromEntries(cut) } : holder;
}

/** Marks as cut declared lanes show them: a changed entry past the cut marks the "… and N more" entry
 * (a position past MAX_ENTRIES_DRAWN is only in a lane that was cut). */
function lanePositionsCut<M extends { lanes?: ReadonlyMap<string, ReadonlySet<number>> }>(marks: M): M {
  const past = (positions: ReadonlySet<number>) => [...positions].some((position) => position > MAX_ENTRIES_DRAWN);
  if (!marks.lanes || ![...marks.lanes.values()].some(past)) return marks;
  const lanes = new Map(
    [...marks.lanes].map(([id, positions]) => [
      id,
      new Set([...positions].map((position) => Math.min(position, MAX_ENTRIES_DRAWN))),
    ]),
  );
  return { ...marks, lanes };
}

/** A changed card's marks as its cut lanes show them: changed entries past the cut mark the "… and N
 * more" entry, which then holds changes. */
function entriesCut(touchpoint: Touchpoint, marks: TouchpointMarks, lists: readonly ListLaneName[]): TouchpointMarks {
  let entries: NonNullable<TouchpointMarks["entries"]> | undefined;
  for (const field of lists) {
    const positions = marks.entries?.[field];
    if (!positions || (touchpoint[field]?.length ?? 0) <= MAX_ENTRIES_DRAWN + 1) continue;
    entries ??= { ...marks.entries };
    entries[field] = new Set([...positions].map((position) => Math.min(position, MAX_ENTRIES_DRAWN)));
  }
  return lanePositionsCut(entries ? { ...marks, entries } : marks);
}
