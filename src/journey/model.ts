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
  tags?: string[];
  personas: Persona[];
  teams?: Team[];
  /** The metrics the map measures (see MetricDefinition); values elsewhere refer to them by id. */
  metrics?: MetricDefinition[];
  /** CSV files that metric values are computed from (journeymap data pull; see docs/data.md). */
  sources?: Source[];
  stages: Stage[];
}

/** A map as written: personas, teams and metrics may be defined in it, named by id (shared definitions),
 * or left out. The loader resolves it into a Journey. */
export interface JourneyDocument extends Omit<Journey, "personas" | "teams" | "metrics"> {
  personas?: Array<Persona | string>;
  teams?: Array<Team | string>;
  metrics?: Array<MetricDefinition | string>;
}

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
  opportunities?: string[];
  metrics?: Record<string, MetricValue>;
  evidence?: string[];
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

/** Words for emotion scores, shared by every renderer so the map reads the same everywhere. */
export const EMOTION_WORDS: Record<Score, string> = {
  1: "very negative",
  2: "negative",
  3: "neutral",
  4: "positive",
  5: "very positive",
};
