// A diff as sentences: one note per change, in the order a reviewer reads them, marked notable or not.
// The text outputs (stylish, markdown) lay these out; the wording lives here, once.
import type { Range } from "../diagnostic.js";
import { countOf } from "../journey/queries.js";
import type { ElementChanges, ElementRef, JourneyDiff, ListField, TextField, TouchpointChange } from "./types.js";

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
}

const LIST_WORDS: Record<ListField, string> = {
  actions: "action",
  thoughts: "thought",
  painPoints: "pain point",
  opportunities: "opportunity",
  evidence: "evidence",
};

/** Pain points explain emotion changes; the other lists are detail. */
const NOTABLE_LISTS = new Set<ListField>(["painPoints"]);
const NOTABLE_FIELDS = new Set<TextField>(["owner", "channel"]);

export function notesOf(diff: JourneyDiff): Note[] {
  const notes: Note[] = [];
  if (diff.title)
    notes.push({
      sign: "~",
      element: "map",
      change: `title ${show(diff.title.old)} → ${show(diff.title.new)}`,
      notable: true,
    });
  elementNotes(notes, "persona", diff.personas);
  elementNotes(notes, "team", diff.teams);
  elementNotes(notes, "stage", diff.stages);
  if (diff.stages.reordered)
    notes.push({
      sign: "~",
      element: "stages",
      change: `reordered: ${diff.stages.reordered.old.join(", ")} → ${diff.stages.reordered.new.join(", ")}`,
      notable: true,
    });
  for (const touchpoint of diff.touchpoints.added)
    notes.push({
      sign: "+",
      element: `touchpoint "${touchpoint.name}"`,
      change: `added in stage "${touchpoint.stageName}"`,
      notable: true,
      ...at("new", touchpoint.range),
    });
  for (const touchpoint of diff.touchpoints.removed)
    notes.push({
      sign: "-",
      element: `touchpoint "${touchpoint.name}"`,
      change: `removed from stage "${touchpoint.stageName}"`,
      notable: true,
      ...at("old", touchpoint.range),
    });
  for (const change of diff.touchpoints.changed) touchpointNotes(notes, change);
  for (const finding of diff.findings.introduced)
    notes.push({
      sign: "+",
      element: `${finding.severity} ${finding.ruleId}`,
      change: `new: ${finding.message}`,
      notable: true,
      at: { side: "new", range: finding },
    });
  for (const finding of diff.findings.fixed)
    notes.push({
      sign: "-",
      element: `${finding.severity} ${finding.ruleId}`,
      change: `fixed: ${finding.message}`,
      notable: true,
      at: { side: "old", range: finding },
    });
  return notes;
}

function elementNotes(notes: Note[], kind: string, changes: ElementChanges<ElementRef>): void {
  const label = (element: ElementRef) => `${kind} "${element.name ?? element.id}"`;
  for (const element of changes.added)
    notes.push({ sign: "+", element: label(element), change: "added", notable: true, ...at("new", element.range) });
  for (const element of changes.removed)
    notes.push({ sign: "-", element: label(element), change: "removed", notable: true, ...at("old", element.range) });
  for (const { old, new: renamed } of changes.renamed)
    notes.push({
      sign: "~",
      element: `${kind} ${renamed.id}`,
      change: `renamed ${show(old.name)} → ${show(renamed.name)}`,
      notable: true,
      ...at("new", renamed.range),
    });
}

function touchpointNotes(notes: Note[], change: TouchpointChange): void {
  const element = `touchpoint "${change.new.name}"`;
  const where = at("new", change.new.range);
  const add = (sign: Sign, text: string, notable: boolean) =>
    notes.push({ sign, element, change: text, notable, ...where });
  if (change.renamed) {
    const guess =
      change.matchedBy === "similarity" ? " (a guess: matched by its stage and fields, not its id or name)" : "";
    add("~", `renamed from "${change.old.name}"${guess}`, true);
  }
  if (change.moved === "stage")
    add("~", `moved from stage "${change.old.stageName}" to "${change.new.stageName}"`, true);
  if (change.moved === "order")
    add(
      "~",
      `moved within stage "${change.new.stageName}" (position ${change.old.index + 1} → ${change.new.index + 1})`,
      false,
    );
  for (const [field, value] of Object.entries(change.fields) as Array<
    [TextField, NonNullable<TouchpointChange["fields"][TextField]>]
  >) {
    add("~", `${field} ${show(value.old)} → ${show(value.new)}`, NOTABLE_FIELDS.has(field));
  }
  if (change.personas) {
    for (const persona of change.personas.added) add("+", `persona ${persona} involved`, false);
    for (const persona of change.personas.removed) add("-", `persona ${persona} no longer involved`, false);
  }
  for (const emotion of change.emotions) add("~", `emotion of ${emotion.personaName}: ${emotionText(emotion)}`, true);
  for (const [field, list] of Object.entries(change.lists) as Array<
    [ListField, { added: string[]; removed: string[] }]
  >) {
    for (const text of list.added) add("+", `${LIST_WORDS[field]} "${text}"`, NOTABLE_LISTS.has(field));
    for (const text of list.removed) add("-", `${LIST_WORDS[field]} "${text}"`, NOTABLE_LISTS.has(field));
  }
  for (const metric of change.metrics) {
    const relative = metric.relativeChange === undefined ? "" : ` (${percent(metric.relativeChange)})`;
    add("~", `metric ${metric.name}: ${show(metric.old)} → ${show(metric.new)}${relative}`, false);
  }
  if (change.matchedBy === "similarity" && !change.renamed) add("~", "matched by similarity (a guess)", false);
}

export function emotionText(emotion: JourneyDiff["touchpoints"]["changed"][number]["emotions"][number]): string {
  if (emotion.delta === undefined) return `${show(emotion.old)} → ${show(emotion.new)}`;
  const delta = emotion.delta > 0 ? `+${emotion.delta}` : `−${-emotion.delta}`;
  return `${emotion.old} → ${emotion.new} (${delta}, ${emotion.direction === "down" ? "drop" : "rise"})`;
}

function show(value: string | number | undefined): string {
  if (value === undefined) return "(none)";
  return typeof value === "number" ? String(value) : `"${value}"`;
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
    (sum, change) => sum + change.emotions.filter((emotion) => emotion.direction === "down").length,
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
    (diff.title ? 1 : 0);
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
