// A diff as sentences: one note per change, in the order a reviewer reads them, marked notable or not.
// The text outputs (stylish, markdown) lay these out; the wording lives here, once.
import type { Range } from "../diagnostic.js";
import { touchpointFields } from "../journey/fields.js";
import { countOf } from "../journey/queries.js";
import { nameList } from "../text/name-list.js";
import { shorten } from "../text/shorten.js";
import { MAX_SHOWN_TEXT, shortName } from "./shown.js";
import { MAX_SHOWN_NAME } from "./types.js";
import type {
  ElementChanges,
  ElementRef,
  EmotionChange,
  FailPointRef,
  JourneyDiff,
  LaneChange,
  LaneDeclarationChanges,
  ListField,
  MapField,
  OpportunityChange,
  OpportunityValue,
  TextField,
  TouchpointChange,
} from "./types.js";

/** Notes an output lists at most per map, per list (a table, the details), then "and N more changes":
 * a map of thousands of changes still reads, and the comment stays within what GitHub accepts. */
export const MAX_NOTES_SHOWN = 500;

/** Stage ids shown on each side of a reordering. */
const MAX_ORDER_SHOWN = 20;

/** "+" added, "-" removed, "~" changed: the sign is shown beside the colour, never instead of it. */
export type Sign = "+" | "-" | "~";

export interface Note {
  sign: Sign;
  /** What the note is about, as a reader names it: `touchpoint "Pays"`, `stage "Advocacy"`. Raw map text. */
  element: string;
  /** What happened to it. Raw map text inside: outputs escape the whole note. */
  change: string;
  /** Notable notes go in the pull-request comment's table; the others in its details. */
  notable: boolean;
  /** Where it is, in the version that has it (the new one when both do). */
  at?: { side: "old" | "new"; range: Range };
  /** An opportunity's status move: the pull-request comment gives these a table of their own. */
  statusMove?: true;
}

/** What one entry of each list is called, from the field registry ("pain point"). */
const LIST_WORDS = new Map(
  touchpointFields().flatMap((field) => (field.diff.by === "list" ? [[field.key, field.diff.noun] as const] : [])),
);

/** The registry's notable fields (pain points explain emotion changes, owner and channel who and where);
 * the other fields are detail. */
const NOTABLE = new Set(
  touchpointFields()
    .filter((field) => "notable" in field.diff && field.diff.notable === true)
    .map((field) => field.key),
);

export function notesOf(diff: JourneyDiff): Note[] {
  const notes: Note[] = [];
  if (diff.title)
    notes.push({
      sign: "~",
      element: "map",
      change: `title ${show(diff.title.old)} → ${show(diff.title.new)}`,
      notable: true,
    });
  for (const [field, value] of Object.entries(diff.map ?? {}) as Array<[MapField, { old?: string; new?: string }]>)
    notes.push({
      sign: "~",
      element: "map",
      change: `${field} ${show(value.old)} → ${show(value.new)}`,
      notable: MAP_NOTABLE.has(field),
    });
  if (diff.lanes) {
    elementNotes(notes, "lane", diff.lanes, "relabelled");
    laneDeclarationNotes(notes, diff.lanes);
  }
  elementNotes(notes, "persona", diff.personas);
  elementNotes(notes, "team", diff.teams);
  elementNotes(notes, "stage", diff.stages);
  if (diff.stages.reordered)
    notes.push({
      sign: "~",
      element: "stages",
      change: `reordered: ${orderText(diff.stages.reordered.old)} → ${orderText(diff.stages.reordered.new)}`,
      notable: true,
    });
  for (const { stage, lanes } of diff.stages.changed ?? []) {
    const element = `stage ${show(stage.name ?? stage.id)}`;
    for (const lane of lanes)
      for (const note of laneNotes(lane)) notes.push({ element, ...note, ...at("new", stage.range) });
  }
  for (const touchpoint of diff.touchpoints.added)
    notes.push({
      sign: "+",
      element: `touchpoint ${show(touchpoint.name)}`,
      change: `added in stage ${show(touchpoint.stageName)}`,
      notable: true,
      ...at("new", touchpoint.range),
    });
  for (const touchpoint of diff.touchpoints.removed)
    notes.push({
      sign: "-",
      element: `touchpoint ${show(touchpoint.name)}`,
      change: `removed from stage ${show(touchpoint.stageName)}`,
      notable: true,
      ...at("old", touchpoint.range),
    });
  for (const change of diff.touchpoints.changed) touchpointNotes(notes, change);
  for (const finding of diff.findings.introduced)
    notes.push({
      sign: "+",
      element: `${finding.severity} ${finding.ruleId}`,
      change: `new: ${shorten(finding.message, 2 * MAX_SHOWN_TEXT)}`,
      notable: true,
      at: { side: "new", range: finding },
    });
  for (const finding of diff.findings.fixed)
    notes.push({
      sign: "-",
      element: `${finding.severity} ${finding.ruleId}`,
      change: `fixed: ${shorten(finding.message, 2 * MAX_SHOWN_TEXT)}`,
      notable: true,
      at: { side: "old", range: finding },
    });
  return notes;
}

function elementNotes(notes: Note[], kind: string, changes: ElementChanges<ElementRef>, verb = "renamed"): void {
  const label = (element: ElementRef) => `${kind} ${show(element.name ?? element.id)}`;
  for (const element of changes.added)
    notes.push({ sign: "+", element: label(element), change: "added", notable: true, ...at("new", element.range) });
  for (const element of changes.removed)
    notes.push({ sign: "-", element: label(element), change: "removed", notable: true, ...at("old", element.range) });
  for (const { old, new: renamed } of changes.renamed)
    notes.push({
      sign: "~",
      element: `${kind} ${shorten(renamed.id, MAX_SHOWN_TEXT)}`,
      change: `${verb} ${show(old.name)} → ${show(renamed.name)}`,
      notable: true,
      ...at("new", renamed.range),
    });
}

/** A lane's declaration changed other than by label (its kind and layer change how and where its entries are
 * drawn: notable), and the lanes' drawn order. */
function laneDeclarationNotes(notes: Note[], lanes: LaneDeclarationChanges): void {
  for (const { lane, kind, layer, description, declaredIn } of lanes.changed ?? []) {
    const element = `lane ${shorten(lane.id, MAX_SHOWN_TEXT)}`;
    const add = (change: string, notable: boolean) =>
      notes.push({ sign: "~", element, change, notable, ...at("new", lane.range) });
    if (kind) add(`kind ${show(kind.old)} → ${show(kind.new)}`, true);
    if (layer) add(`blueprint layer ${show(layer.old)} → ${show(layer.new)}`, true);
    if (description) add(`description ${show(description.old)} → ${show(description.new)}`, false);
    if (declaredIn) add(`declared in ${whereShown(declaredIn.old)} → ${whereShown(declaredIn.new)}`, false);
  }
  if (lanes.reordered)
    notes.push({
      sign: "~",
      element: "lanes",
      change: `reordered: ${orderText(lanes.reordered.old)} → ${orderText(lanes.reordered.new)}`,
      notable: true,
    });
}

const whereShown = (where: string) => (where === "map" ? "the map" : show(where));

function touchpointNotes(notes: Note[], change: TouchpointChange): void {
  const element = `touchpoint ${show(change.new.name)}`;
  const where = at("new", change.new.range);
  const add = (sign: Sign, text: string, notable: boolean) =>
    notes.push({ sign, element, change: text, notable, ...where });
  if (change.renamed) {
    const guess =
      change.matchedBy === "similarity" ? " (a guess: matched by its stage and fields, not its id or name)" : "";
    add("~", `renamed from ${show(change.old.name)}${guess}`, true);
  }
  if (change.moved === "stage")
    add("~", `moved from stage ${show(change.old.stageName)} to ${show(change.new.stageName)}`, true);
  if (change.moved === "order")
    add(
      "~",
      `moved within stage ${show(change.new.stageName)} (position ${change.old.index + 1} → ${change.new.index + 1})`,
      false,
    );
  for (const [field, value] of Object.entries(change.fields) as Array<
    [TextField, NonNullable<TouchpointChange["fields"][TextField]>]
  >) {
    add("~", `${field} ${show(value.oldName ?? value.old)} → ${show(value.newName ?? value.new)}`, NOTABLE.has(field));
  }
  if (change.personas) {
    const { addedNames: added, removedNames: removed, addedCount, removedCount } = change.personas;
    for (const persona of added) add("+", `persona ${show(persona)} involved`, false);
    if (addedCount > added.length) add("+", `${addedCount - added.length} more personas involved`, false);
    for (const persona of removed) add("-", `persona ${show(persona)} no longer involved`, false);
    if (removedCount > removed.length)
      add("-", `${removedCount - removed.length} more personas no longer involved`, false);
  }
  for (const emotion of change.emotions) add("~", `emotion of ${personasText(emotion)}: ${emotionText(emotion)}`, true);
  for (const [field, list] of Object.entries(change.lists) as Array<
    [ListField, { added: string[]; removed: string[] }]
  >) {
    for (const text of list.added) add("+", `${LIST_WORDS.get(field)} ${show(text)}`, NOTABLE.has(field));
    for (const text of list.removed) add("-", `${LIST_WORDS.get(field)} ${show(text)}`, NOTABLE.has(field));
  }
  for (const opportunity of change.opportunities ?? [])
    for (const note of opportunityNotes(opportunity)) notes.push({ element, ...note, ...where });
  for (const lane of change.lanes ?? []) for (const note of laneNotes(lane)) notes.push({ element, ...note, ...where });
  for (const metric of change.metrics) {
    const relative = metric.relativeChange === undefined ? "" : ` (${percent(metric.relativeChange)})`;
    add(
      "~",
      `metric ${shorten(metric.label ?? metric.name, MAX_SHOWN_TEXT)}: ${show(metric.old)} → ${show(metric.new)}${relative}`,
      false,
    );
  }
  if (change.matchedBy === "similarity" && !change.renamed) add("~", "matched by similarity (a guess)", false);
}

/** The map's fields whose change goes in the pull-request comment's table (a review date is detail). */
const MAP_NOTABLE = new Set<MapField>(["type", "status", "owner"]);

type PartNote = Omit<Note, "element">;

/** An opportunity status as people say it: "in progress"; absent, an idea. */
export function statusWords(status: OpportunityValue | undefined): string {
  return status === undefined ? "idea" : String(status).replaceAll("-", " ");
}

/** One opportunity's changes: its status move and its owner (notable: what reviewers look for), then
 * the rest in one note; an opportunity that became tracked work (or text) is one note. */
function opportunityNotes(change: OpportunityChange): PartNote[] {
  const what = `opportunity ${show(change.title)}`;
  const { fields } = change;
  if (change.became) {
    const side = change.became === "tracked" ? "new" : "old";
    const said = [
      ...(change.id !== undefined ? [`id ${show(change.id)}`] : []),
      ...(Object.entries(fields) as Array<[string, { old?: OpportunityValue; new?: OpportunityValue }]>).map(
        ([field, value]) =>
          field === "status" ? statusWords(value[side]) : `${field} ${shownProperty(field, value[side])}`,
      ),
    ].join(", ");
    return [
      {
        sign: "~",
        change:
          change.became === "tracked"
            ? `${what}: now tracked as work (${said})`
            : `${what}: no longer tracked as work (it had ${said})`,
        notable: true,
      },
    ];
  }
  const notes: PartNote[] = [];
  if (fields.status)
    notes.push({
      sign: "~",
      change: `${what}: ${statusWords(fields.status.old)} → ${statusWords(fields.status.new)}`,
      notable: true,
      statusMove: true,
    });
  if (fields.owner)
    notes.push({
      sign: "~",
      change: `${what}: owner ${shownProperty("owner", fields.owner.old)} → ${shownProperty("owner", fields.owner.new)}`,
      notable: true,
    });
  const rest = (Object.entries(fields) as Array<[string, { old?: OpportunityValue; new?: OpportunityValue }]>)
    .filter(([field]) => field !== "status" && field !== "owner")
    .map(([field, value]) => `${field} ${shownProperty(field, value.old)} → ${shownProperty(field, value.new)}`);
  if (rest.length) notes.push({ sign: "~", change: `${what}: ${rest.join("; ")}`, notable: false });
  return notes;
}

/** A declared lane's changes at a touchpoint or a stage, named by the lane's label ("Systems: added
 * "CRM""). A fail point is notable: it is where the service breaks. */
function laneNotes(change: LaneChange): PartNote[] {
  const label = shorten(change.label, MAX_SHOWN_TEXT);
  const notes: PartNote[] = [];
  for (const text of change.added) notes.push({ sign: "+", change: `${label}: added ${show(text)}`, notable: false });
  for (const text of change.removed)
    notes.push({ sign: "-", change: `${label}: removed ${show(text)}`, notable: false });
  for (const entry of change.changed) {
    if (entry.oldText !== undefined)
      notes.push({ sign: "~", change: `${label}: ${show(entry.oldText)} → ${show(entry.text)}`, notable: false });
    const what = `${label} ${show(entry.text)}`;
    if (entry.servedBy?.added.length)
      notes.push({ sign: "+", change: `${what}: now served by ${ids(entry.servedBy.added)}`, notable: false });
    if (entry.servedBy?.removed.length)
      notes.push({ sign: "-", change: `${what}: no longer served by ${ids(entry.servedBy.removed)}`, notable: false });
    const fail = entry.fail;
    if (fail && !fail.old)
      notes.push({ sign: "+", change: `${what}: fail point added (${failText(fail.new!)})`, notable: true });
    else if (fail && !fail.new)
      notes.push({ sign: "-", change: `${what}: fail point removed (${failText(fail.old!)})`, notable: true });
    else if (fail) {
      const moves = (["risk", "owner", "opportunity"] as const)
        .filter((key) => fail.old![key] !== fail.new![key])
        .map((key) => `${key} ${show(fail.old![key])} → ${show(fail.new![key])}`);
      notes.push({ sign: "~", change: `${what}: fail point ${moves.join("; ")}`, notable: true });
    }
    if (entry.wait)
      notes.push({
        sign: "~",
        change: `${what}: wait ${show(entry.wait.old)} → ${show(entry.wait.new)}`,
        notable: false,
      });
  }
  return notes;
}

function failText(fail: FailPointRef): string {
  const parts = (["risk", "owner", "opportunity"] as const)
    .filter((key) => fail[key] !== undefined)
    .map((key) => `${key} ${show(fail[key])}`);
  return parts.join(", ") || "no risk named";
}

/** Entry ids in a note: the first few, quoted, and a count of the rest. */
function ids(list: readonly string[]): string {
  const shown = list.slice(0, MAX_LISTED_IDS).map((id) => show(id));
  return list.length > MAX_LISTED_IDS
    ? `${shown.join(", ")} and ${list.length - MAX_LISTED_IDS} more`
    : shown.join(", ");
}

const MAX_LISTED_IDS = 5;

/** The personas of an emotion change: their names, and how many more changed the same way. */
export function personasText(emotion: EmotionChange, nameMax = MAX_SHOWN_NAME): string {
  const more = emotion.count - emotion.personaNames.length;
  const names = emotion.personaNames.map((name) => shorten(name, nameMax));
  return `${nameList(names)}${more > 0 ? ` and ${more} more` : ""}`;
}

export function emotionText(emotion: EmotionChange): string {
  if (emotion.delta === undefined) return `${show(emotion.old)} → ${show(emotion.new)}`;
  const delta = emotion.delta > 0 ? `+${emotion.delta}` : `−${-emotion.delta}`;
  return `${emotion.old} → ${emotion.new} (${delta}, ${emotion.direction === "down" ? "drop" : "rise"})`;
}

/** A value in quotes, cut at MAX_SHOWN_TEXT: one note never holds more than a paragraph of map text. */
function show(value: string | number | undefined): string {
  if (value === undefined) return "(none)";
  return typeof value === "number" ? String(value) : `"${shorten(value, MAX_SHOWN_TEXT)}"`;
}

/** A property of an opportunity as the notes show it: the pain points it addresses as a list (absent:
 * all of the touchpoint's), at most MAX_ORDER_SHOWN of them. */
function shownProperty(field: string, value: OpportunityValue | undefined): string {
  if (value === undefined && field === "addresses") return "(all pain points)";
  if (typeof value !== "object") return show(value);
  if (!value.length) return "(none)";
  const shown = value
    .slice(0, MAX_ORDER_SHOWN)
    .map((text) => show(text))
    .join(", ");
  return value.length > MAX_ORDER_SHOWN ? `${shown} and ${value.length - MAX_ORDER_SHOWN} more` : shown;
}

function orderText(ids: readonly string[]): string {
  const shown = ids.slice(0, MAX_ORDER_SHOWN).map(shortName).join(", ");
  return ids.length > MAX_ORDER_SHOWN ? `${shown} and ${ids.length - MAX_ORDER_SHOWN} more` : shown;
}

/** "and 12 more changes", the last line of a list cut at MAX_NOTES_SHOWN. */
export function moreChanges(count: number): string {
  return `… and ${count} more change${count === 1 ? "" : "s"} (--format json lists them all)`;
}

export function percent(ratio: number): string {
  const value = Math.round(ratio * 1000) / 10;
  return `${value > 0 ? "+" : value < 0 ? "−" : "±"}${Math.abs(value)}%`;
}

function at(side: "old" | "new", range: Range | undefined): Pick<Note, "at"> {
  return range ? { at: { side, range } } : {};
}

/** The emotion drops of a diff (for --fail-on emotion-drop and the summary). */
export function emotionDrops(diff: JourneyDiff): number {
  return diff.touchpoints.changed.reduce(
    (sum, change) =>
      sum + change.emotions.reduce((drops, emotion) => drops + (emotion.direction === "down" ? emotion.count : 0), 0),
    0,
  );
}

/** One line: what changed, in counts. */
export function summaryLine(diff: JourneyDiff): string {
  if (diff.status === "added") return `new map with ${countOf(diff.touchpoints.added.length, "touchpoint")}`;
  if (diff.status === "deleted")
    return `map deleted (it had ${countOf(diff.touchpoints.removed.length, "touchpoint")})`;
  const parts: string[] = [];
  const { added, removed, changed } = diff.touchpoints;
  const touchpoints = [
    added.length ? `${added.length} added` : "",
    removed.length ? `${removed.length} removed` : "",
    changed.length ? `${changed.length} changed` : "",
  ].filter(Boolean);
  if (touchpoints.length) parts.push(`touchpoints: ${touchpoints.join(", ")}`);
  if (diff.stages.changed?.length) parts.push(`lanes changed in ${countOf(diff.stages.changed.length, "stage")}`);
  const structure =
    diff.personas.added.length +
    diff.personas.removed.length +
    diff.personas.renamed.length +
    diff.teams.added.length +
    diff.teams.removed.length +
    diff.teams.renamed.length +
    diff.stages.added.length +
    diff.stages.removed.length +
    diff.stages.renamed.length +
    (diff.stages.reordered ? 1 : 0) +
    (diff.title ? 1 : 0) +
    Object.keys(diff.map ?? {}).length +
    (diff.lanes
      ? diff.lanes.added.length +
        diff.lanes.removed.length +
        diff.lanes.renamed.length +
        (diff.lanes.changed?.length ?? 0) +
        (diff.lanes.reordered ? 1 : 0)
      : 0);
  if (structure) parts.push(countOf(structure, "map-level change"));
  const drops = emotionDrops(diff);
  if (drops) parts.push(countOf(drops, "emotion drop"));
  const newErrors = diff.findings.introduced.filter((f) => f.severity === "error").length;
  const newWarnings = diff.findings.introduced.filter((f) => f.severity === "warning").length;
  if (newErrors) parts.push(`${countOf(newErrors, "new error")}`);
  if (newWarnings) parts.push(`${countOf(newWarnings, "new warning")}`);
  const others = diff.findings.introduced.length - newErrors - newWarnings;
  if (others) parts.push(`${others} new info`);
  if (diff.findings.fixed.length) parts.push(`${countOf(diff.findings.fixed.length, "finding")} fixed`);
  return parts.length ? parts.join("; ") : "no changes";
}
