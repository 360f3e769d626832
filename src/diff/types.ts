// The shape of a journey diff: what changed between an old and a new version of a map, with both
// sides' source positions. Stable: the json output is this object (docs/diff.md documents it).
import type { ListFieldKey, TextFieldKey } from "../journey/fields.js";
import type { ComparedOpportunityField } from "../journey/opportunity-fields.js";
import type { Diagnostic, Range } from "../diagnostic.js";
import type { FailPoint, Score } from "../journey/model.js";

/** One version of the map: the file it came from, its title, and the label shown for it. */
export interface DiffSide {
  file: string;
  title?: string;
  label: string;
}

/** How an element of the new map was found in the old one. "similarity" is a guess (a touchpoint
 * without an id whose name changed, recognised by its stage and fields): the outputs say so. */
export type MatchedBy = "id" | "name" | "similarity";

/** Personas listed in one emotion change or one list of personas involved; the rest are counted. */
export const MAX_LISTED_PERSONAS = 5;

/** Names that the diff repeats (a stage's at each of its touchpoints, a persona's at each emotion
 * change) are cut here, with "…": a long name repeated would make the diff names × touchpoints. */
export const MAX_SHOWN_NAME = 200;

/** A persona, team or stage as one side has it. */
export interface ElementRef {
  id: string;
  name?: string;
  range?: Range;
}

/** A touchpoint as one side has it: where it is (stage id and position in the stage, 0-based). */
export interface TouchpointRef {
  id?: string;
  name: string;
  stage: string;
  /** The stage's name, for outputs; cut at MAX_SHOWN_NAME (every touchpoint of the stage repeats it). */
  stageName: string;
  index: number;
  range?: Range;
}

export interface Renamed<T> {
  old: T;
  new: T;
}

export interface ElementChanges<T> {
  added: T[];
  removed: T[];
  /** In both versions, with another name. */
  renamed: Renamed<T>[];
}

export interface StageChanges extends ElementChanges<ElementRef> {
  /** The stages in both versions, in each version's order, when that order differs. */
  reordered?: { old: string[]; new: string[] };
  /** Stages whose declared lanes changed; only when there are some. */
  changed?: StageLaneChanges[];
}

/** A text field (channel, owner, description) old → new; absent means not set on that side. */
export interface ValueChange {
  old?: string;
  new?: string;
  /** For an owner: the name of the team it names, as the version that has the value declares it (the
   * old map's teams for `old`); absent when that version gives the team no name. Outputs show it. */
  oldName?: string;
  newName?: string;
  range: { old?: Range; new?: Range };
}

/** List items (actions, thoughts, pain points...) matched by their text. */
export interface ListChange {
  added: string[];
  removed: string[];
}

/** The personas involved at a touchpoint, added and removed: the first MAX_LISTED_PERSONAS ids of
 * each in map order, and how many in all (a touchpoint that names none involves every persona, so
 * the whole list would be personas × touchpoints long). */
export interface PersonaListChange extends ListChange {
  addedCount: number;
  removedCount: number;
  /** The names of `added` (as the new version declares them) and of `removed` (as the old one does),
   * the id where a version has no such persona; cut at MAX_SHOWN_NAME. */
  addedNames: string[];
  removedNames: string[];
}

export type EmotionDirection = "up" | "down" | "added" | "removed";

/** The personas whose emotion at a touchpoint changed the same way, old → new; `delta` is new − old
 * when both are set. One entry per way (at most 35 per touchpoint: scores are 1 to 5), never one per
 * persona: a score for all personas changed at every touchpoint is touchpoints entries, not
 * touchpoints × personas. */
export interface EmotionChange {
  /** The first MAX_LISTED_PERSONAS of them, by id, in map order. */
  personas: string[];
  /** Their names (in the new version when it has the persona), for outputs; cut at MAX_SHOWN_NAME. */
  personaNames: string[];
  /** How many personas changed this way in all. */
  count: number;
  old?: Score;
  new?: Score;
  delta?: number;
  direction: EmotionDirection;
}

/** A metric old → new; `relativeChange` is (new − old) / |old| when both are non-zero numbers. */
export interface MetricChange {
  /** The metric's id, as the touchpoint's values name it. */
  name: string;
  /** The metric's name as the new version defines it (else the old one), when a version defines it. */
  label?: string;
  old?: number | string;
  new?: number | string;
  relativeChange?: number;
}

/** The touchpoint fields compared as lists and as text: those the field registry says (src/journey/fields.ts). */
export type ListField = ListFieldKey;
export type TextField = TextFieldKey;

/** A fail point as the diff compares it: its risk, owner (a team) and opportunity (an id). */
export type FailPointRef = Pick<FailPoint, "risk" | "owner" | "opportunity">;

/** A fail point added (no `old`), removed (no `new`) or changed. */
export interface FailPointChange {
  old?: FailPointRef;
  new?: FailPointRef;
}

/** An entry of a declared lane in both versions (paired by id, else by text) that changed. */
export interface LaneEntryChange {
  id?: string;
  /** Its text in the new version. */
  text: string;
  /** Its text in the old version, when it changed (a text lane's value old → new is one such change). */
  oldText?: string;
  /** The ids of the entries that serve it, added and removed. */
  servedBy?: ListChange;
  fail?: FailPointChange;
  /** Its wait old → new; absent side: no wait. */
  wait?: { old?: string; new?: string };
}

/** A declared lane's value at a touchpoint or a stage, old → new. */
export interface LaneChange {
  /** The lane's id, as the values name it. */
  lane: string;
  /** Its label as the new version declares it (else the old one; else the id); cut at MAX_SHOWN_NAME. */
  label: string;
  /** Entries' texts added and removed (entries paired by id, else by text). */
  added: string[];
  removed: string[];
  changed: LaneEntryChange[];
}

/** The properties of an opportunity tracked as work that the diff compares (`metric`: the metric's id;
 * `target`: the metric's target), as the registry of opportunity fields lists them. */
export type OpportunityField = ComparedOpportunityField;
/** A compared property's value: a text, a number, or (`addresses`) the pain points, as written. */
export type OpportunityValue = string | number | readonly string[];

/** An opportunity in both versions (objects paired by id, else by text) whose properties changed. */
export interface OpportunityChange {
  /** Its id (the new version's; the old one's when it became text). */
  id?: string;
  /** Its title (or text) in the new version. */
  title: string;
  /** "tracked": written as text before, as an object now; "text": the reverse. `fields` then holds what
   * the object says, on its side. */
  became?: "tracked" | "text";
  /** Properties old → new; an absent side is not set. */
  fields: Partial<Record<OpportunityField, { old?: OpportunityValue; new?: OpportunityValue }>>;
}

/** The map's own fields compared as text (the title has its own entry). */
export type MapField = "type" | "status" | "reviewed" | "owner";

/** Declared lanes added, removed and relabelled, then what else changed in the declarations. */
export interface LaneDeclarationChanges extends ElementChanges<ElementRef> {
  /** Lanes in both versions whose declaration changed other than by label; only when there are some. */
  changed?: LaneDeclarationChange[];
  /** The lanes in both versions, by id, in each version's drawn order (`order`, then as written), when that
   * order differs: the rows of the picture and the page moved. */
  reordered?: { old: string[]; new: string[] };
}

/** A lane in both versions whose kind, blueprint layer, description or declaring file changed. */
export interface LaneDeclarationChange {
  /** The lane as the new version has it (`name` is its label). */
  lane: ElementRef;
  /** "list" when the declaration says none. */
  kind?: { old: string; new: string };
  /** Absent on a side: the lane is in no blueprint row. */
  layer?: { old?: string; new?: string };
  description?: { old?: string; new?: string };
  /** "map" (declared in the map) or the shared-definitions file that declares it, as shown in messages. */
  declaredIn?: { old: string; new: string };
}

/** A stage in both versions whose declared lanes changed. */
export interface StageLaneChanges {
  /** The stage as the new version has it. */
  stage: ElementRef;
  lanes: LaneChange[];
}

/** A touchpoint in both versions and everything about it that changed. */
export interface TouchpointChange {
  /** The touchpoint's subject in the new version (`touchpoint:stage/key`, as lint findings name it). */
  subject: string;
  old: TouchpointRef;
  new: TouchpointRef;
  matchedBy: MatchedBy;
  /** Set when the name changed. */
  renamed?: boolean;
  /** Set when it moved to another stage ("stage"), or within its stage relative to the others ("order"). */
  moved?: "stage" | "order";
  fields: Partial<Record<TextField, ValueChange>>;
  /** Persona ids involved at the touchpoint (a touchpoint that names none involves every persona). */
  personas?: PersonaListChange;
  emotions: EmotionChange[];
  lists: Partial<Record<ListField, ListChange>>;
  metrics: MetricChange[];
  /** Opportunities tracked as work whose status, owner, scores, issue, due date or metric changed
   * (added and removed ones are in `lists.opportunities`); only when there are some. */
  opportunities?: OpportunityChange[];
  /** The declared lanes it fills whose values changed; only when there are some. */
  lanes?: LaneChange[];
}

export interface FindingChanges {
  /** Findings of the new version that the old one did not have (matched by rule and subject). */
  introduced: Diagnostic[];
  /** Findings of the old version that the new one no longer has. */
  fixed: Diagnostic[];
}

export interface JourneyDiff {
  /** The version of this shape; it changes only when a field changes meaning or goes away (2: emotion
   * changes grouped by way, persona lists cut, long names cut). */
  version: 2;
  old: DiffSide;
  new: DiffSide;
  /** "added" or "deleted" when one version does not exist (a map added or deleted in git). */
  status: "modified" | "added" | "deleted";
  title?: { old?: string; new?: string };
  /** The map's type, status, review date and owner, old → new; only those that changed, only when one did. */
  map?: Partial<Record<MapField, { old?: string; new?: string }>>;
  /** Declared lanes added, removed and relabelled (`name` is the label), redeclared (kind, layer, description,
   * where declared) and reordered; only when there are some. */
  lanes?: LaneDeclarationChanges;
  personas: ElementChanges<ElementRef>;
  teams: ElementChanges<ElementRef>;
  stages: StageChanges;
  touchpoints: {
    added: TouchpointRef[];
    removed: TouchpointRef[];
    /** Touchpoints in both versions with at least one change (renamed, moved or a field). */
    changed: TouchpointChange[];
  };
  findings: FindingChanges;
}
