// The lanes a team declares (`lanes:` in a map or in journeymap.shared.yaml) and the values touchpoints
// and stages give them: the one place that reads them, so every output orders them the same way and
// never reads an author-chosen lane id as a plain object's key (`__proto__`, `constructor`).
import type {
  BlueprintLayer,
  Journey,
  LaneDefinition,
  LaneEntry,
  LaneEntryObject,
  LaneKind,
  LaneValue,
  Stage,
  Touchpoint,
} from "./model.js";

/** A declared lane as outputs use it: its kind and its place settled. */
export interface DeclaredLane {
  id: string;
  label: string;
  description?: string;
  kind: LaneKind;
  layer?: BlueprintLayer;
  /** The definition as written (in the map or in a shared file). */
  definition: LaneDefinition;
}

/** The map's declared lanes in drawing order: by `order` (absent: after those that have one), equal
 * orders in the written order. A lane declared twice (lint reports it) is taken once, the first time. */
export function declaredLanes(journey: Pick<Journey, "lanes">): DeclaredLane[] {
  const seen = new Set<string>();
  const lanes: Array<{ lane: DeclaredLane; index: number }> = [];
  (journey.lanes ?? []).forEach((definition, index) => {
    if (seen.has(definition.id)) return;
    seen.add(definition.id);
    lanes.push({
      index,
      lane: {
        id: definition.id,
        label: definition.label,
        ...(definition.description !== undefined ? { description: definition.description } : {}),
        kind: definition.kind ?? "list",
        ...(definition.layer !== undefined ? { layer: definition.layer } : {}),
        definition,
      },
    });
  });
  const orderOf = (lane: DeclaredLane) => lane.definition.order ?? Number.POSITIVE_INFINITY;
  lanes.sort((a, b) => orderOf(a.lane) - orderOf(b.lane) || a.index - b.index);
  return lanes.map(({ lane }) => lane);
}

/** The value a touchpoint or a stage gives one lane, or undefined (own keys only). */
export function laneValueOf(holder: Pick<Touchpoint | Stage, "lanes">, id: string): LaneValue | undefined {
  const values = holder.lanes;
  return values !== undefined && Object.hasOwn(values, id) ? values[id] : undefined;
}

/** Every lane a touchpoint or a stage fills, in the order written: ids as the author wrote them
 * (declared or not: lint reports the undeclared ones). */
export function filledLanes(holder: Pick<Touchpoint | Stage, "lanes">): Array<[string, LaneValue]> {
  return holder.lanes === undefined ? [] : Object.entries(holder.lanes);
}

/** A lane value's entries, each as an object (a text entry becomes `{text}`; one text value, one entry). */
export function laneEntries(value: LaneValue | undefined): LaneEntryObject[] {
  if (value === undefined) return [];
  if (typeof value === "string") return [{ text: value }];
  return value.map((entry: LaneEntry) => (typeof entry === "string" ? { text: entry } : entry));
}

/** A lane value's entries as texts, for outputs that show text only. */
export function laneTexts(value: LaneValue | undefined): string[] {
  if (value === undefined) return [];
  if (typeof value === "string") return [value];
  return value.map((entry) => (typeof entry === "string" ? entry : entry.text));
}

/** Every lane entry of the map written as an object, with where it is: the entries blueprints link
 * (servedBy), mark (fail, wait) and name (id). Linear in the map. */
export function* entryObjectsOf(
  journey: Pick<Journey, "stages">,
): Generator<{ entry: LaneEntryObject; lane: string; stage: Stage; touchpoint?: Touchpoint }> {
  for (const stage of journey.stages) {
    for (const [lane, value] of filledLanes(stage))
      if (Array.isArray(value)) for (const entry of value) if (typeof entry !== "string") yield { entry, lane, stage };
    for (const touchpoint of stage.touchpoints ?? [])
      for (const [lane, value] of filledLanes(touchpoint))
        if (Array.isArray(value))
          for (const entry of value) if (typeof entry !== "string") yield { entry, lane, stage, touchpoint };
  }
}
