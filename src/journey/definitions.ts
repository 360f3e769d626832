// The kinds of definition that maps can share (personas, teams, metrics, lanes): one registry entry each, and
// the resolution of a map's lists and references against the shared definitions in its scope.
import type { Range } from "../diagnostic.js";
import type { Journey, JourneyDocument } from "./model.js";
import { metricValuesOf } from "./metrics.js";
import { touchpointsOf } from "./model.js";

/** A definition of any kind: a mapping with an id (a persona, a team, a metric). */
export type Definition = { readonly id: string } & Readonly<Record<string, unknown>>;

export interface DefinitionKind {
  /** The top-level list that holds them, in a map and in a shared-definitions file. */
  list: string;
  /** The key that names one; maps refer to it by this value. */
  idKey: "id";
  /** What messages call one. */
  noun: string;
  /** The ids of this kind that a map names outside its own list (touchpoints, owners, metric values and
   * sources), in map order: a shared definition named there is used without being listed. */
  references(document: JourneyDocument): Iterable<string>;
  /** How a map uses one, said of a shared definition no map uses: `list "parent" in the maps that
   * follow it`. */
  useHint(id: string): string;
  /** The list is set (possibly empty) on every map even when nothing defines one. */
  always: boolean;
}

function* personaReferences(document: JourneyDocument): Generator<string> {
  for (const { touchpoint } of touchpointsOf(document as Journey)) {
    yield* touchpoint.personas ?? [];
    if (typeof touchpoint.emotion === "object") yield* Object.keys(touchpoint.emotion);
  }
}

function* teamReferences(document: JourneyDocument): Generator<string> {
  if (document.owner !== undefined) yield document.owner;
  for (const { touchpoint } of touchpointsOf(document as Journey))
    if (touchpoint.owner !== undefined) yield touchpoint.owner;
}

/** The metrics a map measures without listing them: those its sources fill (a source may be the first to
 * give a shared metric a value in this map), then the ids its stages and touchpoints carry values for.
 * Sources first: data pull adds values, and the map's metrics must come out in the same order after. */
function* metricReferences(document: JourneyDocument): Generator<string> {
  for (const source of document.sources ?? []) for (const { metric } of source.metrics) yield metric;
  for (const { id } of metricValuesOf(document as Journey)) yield id;
}

/** The declared lanes a map fills on its stages and touchpoints (own keys only: lane ids are the author's). */
function* laneReferences(document: JourneyDocument): Generator<string> {
  for (const stage of (document as Journey).stages ?? []) {
    if (stage.lanes) yield* Object.keys(stage.lanes);
    for (const touchpoint of stage.touchpoints ?? []) if (touchpoint.lanes) yield* Object.keys(touchpoint.lanes);
  }
}

const listIt = (id: string) => `list "${id}" in the maps that follow it`;

/** Every kind that can be shared. Adding one is an entry here and its list in
 * schemas/journeymap.shared.schema.json (test/journey/definitions.test.ts checks both agree). */
export const DEFINITION_KINDS = {
  persona: {
    list: "personas",
    idKey: "id",
    noun: "persona",
    references: personaReferences,
    useHint: listIt,
    always: true,
  },
  team: { list: "teams", idKey: "id", noun: "team", references: teamReferences, useHint: listIt, always: false },
  metric: {
    list: "metrics",
    idKey: "id",
    noun: "metric",
    references: metricReferences,
    useHint: (id) => `give "${id}" values in the maps that measure it`,
    always: false,
  },
  lane: {
    list: "lanes",
    idKey: "id",
    noun: "lane",
    references: laneReferences,
    useHint: (id) => `fill "${id}" under \`lanes\` on the touchpoints or stages of the maps that use it`,
    always: false,
  },
} as const satisfies Record<string, DefinitionKind>;

export type DefinitionKindName = keyof typeof DEFINITION_KINDS;
export const DEFINITION_KIND_NAMES = Object.keys(DEFINITION_KINDS) as DefinitionKindName[];

/** One definition from a shared-definitions file, with where it is written. */
export interface SharedDefinition {
  kind: DefinitionKindName;
  value: Definition;
  /** The shared file, as shown in messages. */
  file: string;
  range?: Range;
}

/** The shared definitions that apply to one folder: those of every shared file from the folder up to
 * the repository root, the nearest file's winning when two define one id (lint reports the second). */
export interface SharedScope {
  /** The shared files in scope, nearest first (as shown in messages). */
  files: readonly string[];
  byKind: Readonly<Record<DefinitionKindName, ReadonlyMap<string, SharedDefinition>>>;
}

/** One entry of a map's own list: a definition written in the map, or a reference to a shared one by id. */
export interface ListEntry {
  kind: DefinitionKindName;
  id: string;
  /** The list as written and the entry's place in it, for positions in findings. */
  list: readonly unknown[];
  index: number;
  /** The definition written in the map. */
  local?: Definition;
  /** The shared definition the reference names, or the one a local definition shadows. */
  shared?: SharedDefinition;
}

/** Where a map's definitions came from: what lint needs to tell local from shared ones. */
export interface MapDefinitions {
  /** Every entry of the map's lists, in kind order then map order. */
  entries: ListEntry[];
  /** Shared definitions the map uses by naming them elsewhere (touchpoints, owners, metric values and
   * sources), not in its lists. */
  pulled: SharedDefinition[];
  /** The shared definitions in scope (undefined: none). */
  scope?: SharedScope;
  /** True for a definition that came from a shared file. */
  isShared(definition: object): boolean;
}

/** Resolves a valid map document in place: string entries of its lists become the shared definitions
 * they name, shared definitions its touchpoints name are added after its own, and `personas` is
 * always a list. Lists the map writes in full keep their identity (so positions stay found). Linear
 * in the map's size. */
export function resolveDefinitions(
  document: JourneyDocument,
  scope?: SharedScope,
): { journey: Journey; definitions: MapDefinitions } {
  const record = document as unknown as Record<string, unknown>;
  const entries: ListEntry[] = [];
  const pulled: SharedDefinition[] = [];
  const shared = new Set<object>();
  for (const name of DEFINITION_KIND_NAMES) {
    const kind: DefinitionKind = DEFINITION_KINDS[name];
    const available = scope?.byKind[name];
    const written = record[kind.list] as readonly unknown[] | undefined;
    const resolved: Definition[] = [];
    const ids = new Set<string>();
    let changed = written === undefined;
    const use = (definition: SharedDefinition) => {
      ids.add(definition.value.id);
      resolved.push(definition.value);
      shared.add(definition.value);
    };
    (written ?? []).forEach((value, index) => {
      if (typeof value === "string") {
        changed = true;
        const definition = available?.get(value);
        entries.push({ kind: name, id: value, list: written!, index, ...(definition ? { shared: definition } : {}) });
        if (definition && !ids.has(value)) use(definition);
        return;
      }
      const local = value as Definition;
      const shadowed = available?.get(local.id);
      entries.push({
        kind: name,
        id: local.id,
        list: written!,
        index,
        local,
        ...(shadowed ? { shared: shadowed } : {}),
      });
      ids.add(local.id);
      resolved.push(local);
    });
    if (available && available.size > 0) {
      for (const id of kind.references(document)) {
        if (ids.has(id)) continue;
        const definition = available.get(id);
        if (!definition) continue;
        use(definition);
        pulled.push(definition);
        changed = true;
      }
    }
    const declared = written !== undefined || kind.always || (available !== undefined && available.size > 0);
    if (changed && declared) record[kind.list] = resolved;
  }
  return {
    journey: document as unknown as Journey,
    definitions: { entries, pulled, ...(scope ? { scope } : {}), isShared: (definition) => shared.has(definition) },
  };
}

/** The definitions of a map with no shared scope (a map built in code): every list entry is local. */
export function localDefinitions(journey: Journey): MapDefinitions {
  return resolveDefinitions(journey).definitions;
}
