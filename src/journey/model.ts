// The typed Journey model: what a valid map is, after loading. Mirrors schemas/journeymap.schema.json
// (test/journey/model.test.ts proves the two agree, key by key).

/** Keys starting with "x-" hold a team's own data; journeymap keeps and ignores them. */
export type Extensions = { [key: `x-${string}`]: unknown };

/** An emotion score: 1 (very negative) .. 5 (very positive). */
export type Score = 1 | 2 | 3 | 4 | 5;

/** A map after loading: its own personas, teams and metrics plus the shared ones it uses
 * (src/journey/definitions.ts), so rules and renderers read one list whatever was defined where. */
export interface Journey extends Extensions {
  journeymap: 1;
  /** The id other maps' `details` links name; absent: the file name (see mapIdOf). */
  id?: string;
  title: string;
  description?: string;
  owner?: string;
  /** A journey map (the default) or a service blueprint (drawn in the blueprint's rows, checked by its rules). */
  type?: MapType;
  /** Which journey the map shows. */
  status?: MapStatus;
  /** The day the owner last checked the map (YYYY-MM-DD). */
  reviewed?: string;
  tags?: string[];
  personas: Persona[];
  teams?: Team[];
  /** The metrics the map measures (see MetricDefinition); values elsewhere refer to them by id. */
  metrics?: MetricDefinition[];
  /** The lanes the team declares (its own and the shared ones it uses); touchpoints and stages fill them. */
  lanes?: LaneDefinition[];
  /** CSV files that metric values are computed from (journeymap data pull; see docs/data.md). */
  sources?: Source[];
  stages: Stage[];
}

/** A map as written: personas, teams and metrics may be defined in it, named by id (shared definitions),
 * or left out. The loader resolves it into a Journey. */
export interface JourneyDocument extends Omit<Journey, "personas" | "teams" | "metrics" | "lanes"> {
  personas?: Array<Persona | string>;
  teams?: Array<Team | string>;
  metrics?: Array<MetricDefinition | string>;
  lanes?: Array<LaneDefinition | string>;
}

export const MAP_TYPES = ["journey", "blueprint"] as const;
export type MapType = (typeof MAP_TYPES)[number];
export const MAP_STATUSES = ["current", "future", "archived"] as const;
export type MapStatus = (typeof MAP_STATUSES)[number];

/** What a declared lane's values hold: a list (the default), one text, or chips (tags, people, systems). */
export type LaneKind = "list" | "text" | "tags" | "people" | "systems";
/** The service blueprint's rows a declared lane can belong to (physical evidence is the touchpoints'
 * `evidence`; customer actions are their `actions` and the customer layer's lanes). */
export const BLUEPRINT_LAYERS = ["customer", "frontstage", "backstage", "support"] as const;
export type BlueprintLayer = (typeof BLUEPRINT_LAYERS)[number];

/** A lane a team declares; touchpoints and stages fill it under `lanes`, by its id. */
export interface LaneDefinition extends Extensions {
  id: string;
  label: string;
  description?: string;
  /** Default "list". */
  kind?: LaneKind;
  layer?: BlueprintLayer;
  /** Smaller first; equal orders keep the written order. */
  order?: number;
}

/** Where a step can fail, and who must prevent it. */
export interface FailPoint extends Extensions {
  risk?: string;
  /** A team. */
  owner?: string;
  /** The id of the opportunity that prevents it. */
  opportunity?: string;
}

/** One entry of a declared lane written as an object: named by others (id), naming what serves it in the
 * rows below (servedBy), or marked as a fail point or a wait. */
export interface LaneEntryObject extends Extensions {
  id?: string;
  text: string;
  servedBy?: string[];
  fail?: FailPoint;
  /** How long the customer waits, as people say it ("5 min"). */
  wait?: string;
}
export type LaneEntry = string | LaneEntryObject;
/** A declared lane's value on a touchpoint or a stage: one text, or a list of entries. */
export type LaneValue = string | LaneEntry[];
/** The declared lanes a touchpoint or a stage fills, by lane id. Author-chosen keys: read them with
 * Object.entries or hasOwnProperty, never as `lanes[id]` on a plain object (`__proto__`). */
export type LaneValues = Record<string, LaneValue>;

export const OPPORTUNITY_STATUSES = ["idea", "planned", "in-progress", "done", "dropped"] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

/** An opportunity tracked as work. With a title it is written here; with only an id it names the one of
 * that id written on another touchpoint or map (ids are unique across the repository). */
export interface OpportunityObject extends Extensions {
  id: string;
  title?: string;
  /** A team. */
  owner?: string;
  /** Absent: an idea. */
  status?: OpportunityStatus;
  /** 1..5 */
  value?: number;
  /** 1..5 */
  effort?: number;
  /** 0..100 (percent) */
  confidence?: number;
  /** The URL of the issue or ticket that carries it. */
  issue?: string;
  /** The metric it should move, and the value to reach. */
  metric?: { id: string; target?: number };
  /** YYYY-MM-DD */
  due?: string;
  /** The touchpoint's pain points it addresses, as written there; absent: all of them. */
  addresses?: string[];
}
export type Opportunity = string | OpportunityObject;

export interface Persona extends Extensions {
  id: string;
  name: string;
  description?: string;
  goals?: string[];
  frustrations?: string[];
  color?: string;
}

export interface Team extends Extensions {
  id: string;
  name?: string;
  description?: string;
}

export interface Stage extends Extensions {
  id: string;
  name: string;
  description?: string;
  /** The id of the map that details this stage. */
  details?: string;
  touchpoints?: Touchpoint[];
  /** Measures of the whole stage; counts draw the funnel lane. */
  metrics?: Record<string, MetricValue>;
  lanes?: LaneValues;
}

export interface Touchpoint extends Extensions {
  id?: string;
  name: string;
  description?: string;
  /** The id of the map that details this touchpoint. */
  details?: string;
  channel?: string;
  owner?: string;
  personas?: string[];
  /** One score for every persona involved, or a score per persona id. */
  emotion?: Score | Record<string, Score>;
  actions?: string[];
  thoughts?: string[];
  painPoints?: string[];
  opportunities?: Opportunity[];
  metrics?: Record<string, MetricValue>;
  evidence?: string[];
  lanes?: LaneValues;
}

/** How a metric's values are read and shown. */
export type MetricUnit = "percent" | "score" | "count" | "seconds" | "currency" | "ratio" | "number";

/** A metric the map measures, defined once: values on touchpoints and stages refer to it by id. */
export interface MetricDefinition extends Extensions {
  id: string;
  name: string;
  description?: string;
  /** Default "number". Percent values are 0..100. */
  unit?: MetricUnit;
  /** For unit currency: the ISO 4217 code shown after values. */
  currency?: string;
  /** Which direction is better; the schema requires it with a target. */
  better?: "higher" | "lower";
  target?: number;
  /** On the worse side of the target: between the two a value is near target, past it off target. */
  warning?: number;
}

/** A value with what it was measured from: the day (YYYY-MM-DD), the source and the sample size. */
export interface MeasuredValue extends Extensions {
  value: number;
  /** This value's own target, over the definition's. */
  target?: number;
  date?: string;
  source?: string;
  n?: number;
}

/** A metric value as written: a number, text (shown, never judged), or a measured value. */
export type MetricValue = number | string | MeasuredValue;

/** How a source's rows become one value per touchpoint or stage (the registry is src/data/aggregations.ts). */
export type AggregationName = "nps" | "csat" | "ces" | "mean" | "median" | "sum" | "count" | "rate";

export type DateFormat = "auto" | "YYYY-MM-DD" | "YYYYMMDD" | "DD/MM/YYYY" | "MM/DD/YYYY" | "DD.MM.YYYY";

/** Which touchpoint or stage a row is about: a column of ids (or labels mapped to ids), or one id. */
export interface RowElement {
  column?: string;
  ids?: Record<string, string>;
  id?: string;
}

/** One metric computed from a source's rows. */
export interface SourceMetric {
  metric: string;
  column?: string;
  aggregate: AggregationName;
  /** For rate: the element whose rows are the denominator, or "previous". */
  over?: string;
}

/** A CSV file committed in the repository, and how its rows become metric values. */
export interface Source extends Extensions {
  /** Relative to the map's folder, inside the repository. */
  file: string;
  delimiter?: "," | ";" | "\t" | "|";
  decimal?: "." | ",";
  touchpoint?: RowElement;
  stage?: RowElement;
  date?: { column: string; format?: DateFormat };
  skip?: string[];
  where?: Record<string, string>;
  metrics: SourceMetric[];
}

/** Each persona list's positions by id (a list: an invalid map may repeat an id), built once per list. */
const personaPositions = new WeakMap<Persona[], { size: number; positions: Map<string, number[]> }>();

function positionsOf(personas: Persona[]): Map<string, number[]> {
  const cached = personaPositions.get(personas);
  if (cached && cached.size === personas.length) return cached.positions;
  const positions = new Map<string, number[]>();
  personas.forEach((persona, index) => {
    const found = positions.get(persona.id);
    if (found) found.push(index);
    else positions.set(persona.id, [index]);
  });
  personaPositions.set(personas, { size: personas.length, positions });
  return positions;
}

/** The personas involved at a touchpoint, in the map's order: those it names, or every persona when it
 * names none. Linear in the touchpoint's list, not in the map's personas, so that a map's rules and
 * renderings never cost touchpoints × personas. */
export function personasAt(journey: Journey, touchpoint: Touchpoint): Persona[] {
  if (!touchpoint.personas) return journey.personas;
  const positions = positionsOf(journey.personas);
  const involved = new Set<number>();
  for (const id of touchpoint.personas) for (const index of positions.get(id) ?? []) involved.add(index);
  return [...involved].sort((a, b) => a - b).map((index) => journey.personas[index]!);
}

/** The score a persona gives a touchpoint, or undefined when the map records none for it. */
export function emotionOf(touchpoint: Touchpoint, personaId: string): Score | undefined {
  const { emotion } = touchpoint;
  if (emotion === undefined) return undefined;
  if (typeof emotion === "number") return emotion;
  return Object.prototype.hasOwnProperty.call(emotion, personaId) ? emotion[personaId] : undefined;
}

/** Every touchpoint of the map with its stage, in journey order. */
export function* touchpointsOf(journey: Journey): Generator<{ stage: Stage; touchpoint: Touchpoint; index: number }> {
  let index = 0;
  for (const stage of journey.stages) {
    for (const touchpoint of stage.touchpoints ?? []) yield { stage, touchpoint, index: index++ };
  }
}

/** What a list entry says: the text itself, an entry's `text`, an opportunity's title (its id when it
 * names one written elsewhere). Every list field's entries read as text through this. */
export function entryText(entry: string | LaneEntryObject | OpportunityObject): string {
  if (typeof entry === "string") return entry;
  if ("text" in entry) return entry.text;
  return entry.title ?? entry.id;
}

/** Words for emotion scores, shared by every renderer so the map reads the same everywhere. */
export const EMOTION_WORDS: Record<Score, string> = {
  1: "very negative",
  2: "negative",
  3: "neutral",
  4: "positive",
  5: "very positive",
};
