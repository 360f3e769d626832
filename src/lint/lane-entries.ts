// The lane entries of a map as lint rules see them: each with its lane, its blueprint row, where it is
// written and how messages name it; entries by id. Built once per map and shared by the lane rules.
import type { Range } from "../diagnostic.js";
import { declaredLanes, filledLanes } from "../journey/lanes.js";
import type { BlueprintLayer, Journey, LaneEntryObject, Stage, Touchpoint } from "../journey/model.js";
import { subjectOf } from "../journey/queries.js";
import type { SourceMap } from "../journey/source-map.js";
import { stageName, touchpointName } from "./names.js";

/** The blueprint's rows of declared lanes, top to bottom: an arrow (servedBy) comes from a lower row. */
export const ROW_OF_LAYER: Readonly<Record<BlueprintLayer, number>> = {
  customer: 1,
  frontstage: 2,
  backstage: 3,
  support: 4,
};

/** What messages call the entries of each row, one and many. */
export const LAYER_PLURALS: Readonly<Record<BlueprintLayer, string>> = {
  customer: "customer actions",
  frontstage: "frontstage actions",
  backstage: "backstage actions",
  support: "support processes",
};

/** What messages call an entry of each row. */
export const LAYER_NOUNS: Readonly<Record<BlueprintLayer, string>> = {
  customer: "customer action",
  frontstage: "frontstage action",
  backstage: "backstage action",
  support: "support process",
};

export interface PlacedEntry {
  /** The entry as an object (a text entry reads as `{text}`). */
  entry: LaneEntryObject;
  lane: string;
  /** The row of its lane, when the lane is declared with a layer. */
  layer?: BlueprintLayer;
  stage: Stage;
  touchpoint?: Touchpoint;
  /** Its place among the lane's entries on its touchpoint or stage. */
  index: number;
  /** What findings about it are about: its touchpoint or stage, lane and id (or place). */
  subject: string;
  /** Where it is written: its id, else its text. */
  range(): Range | undefined;
}

export interface LaneEntries {
  /** Declared lanes (the map's and the shared ones it uses) by id, with their layer. */
  layers: ReadonlyMap<string, BlueprintLayer | undefined>;
  /** Every entry of every filled lane, declared or not, in map order. */
  entries: readonly PlacedEntry[];
  /** Entries by id: the first one written (duplicate-id reports the others). */
  byId: ReadonlyMap<string, PlacedEntry>;
}

const cache = new WeakMap<Journey, LaneEntries>();

/** The map's lane entries. Linear in the map. */
export function laneEntriesOf(journey: Journey, source: SourceMap): LaneEntries {
  const cached = cache.get(journey);
  if (cached) return cached;
  const layers = new Map<string, BlueprintLayer | undefined>();
  for (const lane of declaredLanes(journey)) layers.set(lane.id, lane.layer);
  const entries: PlacedEntry[] = [];
  const byId = new Map<string, PlacedEntry>();
  const add = (stage: Stage, touchpoint: Touchpoint | undefined) => {
    const holder = touchpoint ?? stage;
    const where = touchpoint ? subjectOf.touchpoint(stage, touchpoint) : subjectOf.stage(stage);
    for (const [lane, value] of filledLanes(holder)) {
      const layer = layers.get(lane);
      const list = Array.isArray(value) ? value : [value];
      list.forEach((written, index) => {
        const entry = typeof written === "string" ? { text: written } : written;
        const placed: PlacedEntry = {
          entry,
          lane,
          ...(layer ? { layer } : {}),
          stage,
          ...(touchpoint ? { touchpoint } : {}),
          index,
          subject: `${where} lane:${lane} entry:${entry.id ?? index}`,
          range: () =>
            typeof written !== "string"
              ? (source.valueRangeOf(written, written.id !== undefined ? "id" : "text") ?? source.rangeOf(written))
              : Array.isArray(value)
                ? source.itemRangeOf(value, index)
                : source.valueRangeOf(holder.lanes!, lane),
        };
        entries.push(placed);
        if (entry.id !== undefined && !byId.has(entry.id)) byId.set(entry.id, placed);
      });
    }
  };
  for (const stage of journey.stages) {
    add(stage, undefined);
    for (const touchpoint of stage.touchpoints ?? []) add(stage, touchpoint);
  }
  const facts = { layers, entries, byId };
  cache.set(journey, facts);
  return facts;
}

/** Up to this many characters of an entry's text are quoted in messages. */
const QUOTED = 60;

/** How messages name an entry: by its row and text, and where it is (`frontstage action "Greets" of
 * touchpoint "Checks in"`). */
export function entryName(placed: PlacedEntry): string {
  const { text } = placed.entry;
  const quoted = text.length > QUOTED ? `${text.slice(0, QUOTED - 1)}…` : text;
  const noun = placed.layer ? LAYER_NOUNS[placed.layer] : `"${placed.lane}" entry`;
  const holder = placed.touchpoint ? touchpointName(placed.touchpoint) : stageName(placed.stage);
  return `${noun} "${quoted}" of ${holder}`;
}

/** Whether the map is a service blueprint: the blueprint rules check only those. */
export const isBlueprint = (journey: Journey): boolean => journey.type === "blueprint";
