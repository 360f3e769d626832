// The lane entries of a map as lint rules see them: each with its lane, its blueprint row, where it is
// written and how messages name it; entries by id. Built once per map and shared by the lane rules.
import type { Range } from "../diagnostic.js";
import { declaredLanes, filledLanes } from "../journey/lanes.js";
import type {
  BlueprintLayer,
  Journey,
  LaneEntry,
  LaneEntryObject,
  LaneValue,
  Stage,
  Touchpoint,
} from "../journey/model.js";
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

/** One entry of a filled lane, where it is written. A class, not an object of closures: a map may hold
 * 50,000 entries, and most are never reported (their subject and range are worked out on demand). */
export class PlacedEntry {
  constructor(
    /** The entry as written: a text, or an object. */
    readonly written: LaneEntry,
    /** The lane's value that holds it (a list, or one text). */
    readonly value: LaneValue,
    readonly lane: string,
    /** The row of its lane, when the lane is declared with a layer. */
    readonly layer: BlueprintLayer | undefined,
    readonly stage: Stage,
    readonly touchpoint: Touchpoint | undefined,
    /** Its place among the lane's entries on its touchpoint or stage. */
    readonly index: number,
    readonly source: SourceMap,
  ) {
    this.entry = typeof written === "string" ? { text: written } : written;
  }

  /** The entry as an object (a text entry reads as `{text}`). */
  readonly entry: LaneEntryObject;

  get id(): string | undefined {
    return this.entry.id;
  }

  /** What findings about it are about: its touchpoint or stage, lane and id (or place). */
  get subject(): string {
    const where = this.touchpoint ? subjectOf.touchpoint(this.stage, this.touchpoint) : subjectOf.stage(this.stage);
    return `${where} lane:${this.lane} entry:${this.id ?? this.index}`;
  }

  /** Where it is written: its id, else its text. */
  range(): Range | undefined {
    const { written, value, source } = this;
    if (typeof written !== "string")
      return source.valueRangeOf(written, written.id !== undefined ? "id" : "text") ?? source.rangeOf(written);
    if (Array.isArray(value)) return source.itemRangeOf(value, this.index);
    return source.valueRangeOf((this.touchpoint ?? this.stage).lanes!, this.lane);
  }
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
    for (const [lane, value] of filledLanes(touchpoint ?? stage)) {
      const layer = layers.get(lane);
      const list = Array.isArray(value) ? value : [value];
      for (let index = 0; index < list.length; index++) {
        const placed = new PlacedEntry(list[index]!, value, lane, layer, stage, touchpoint, index, source);
        entries.push(placed);
        const { id } = placed;
        if (id !== undefined && !byId.has(id)) byId.set(id, placed);
      }
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
