// emotion-dip: for a persona, emotion falls by 2 or more from the previous touchpoint with no pain point to explain it.
import { subjectOf } from "../../journey/queries.js";
import {
  EMOTION_WORDS,
  emotionOf,
  personasAt,
  touchpointsOf,
  type Journey,
  type Persona,
  type Score,
  type Touchpoint,
} from "../../journey/model.js";
import { listOf, touchpointName } from "../names.js";
import { docsUrl, type Rule } from "../types.js";

/** A fall of this many points or more is a dip worth explaining. */
const DIP = 2;
/** Personas named in one finding; the rest are counted. */
const NAMED = 3;

/** Personas whose emotion falls the same way at one touchpoint: one finding for all of them. */
interface Fall {
  from: Score;
  to: Score;
  /** The personas, in map order, or "the rest": every persona without a score of their own since the
   * last touchpoint that scored everyone (counted, and the first few named, so a shared score costs no
   * loop over the personas). */
  personas: Persona[] | { rest: number; named: Persona[] };
  /** Map position of the first persona, to report falls in the map's order. */
  first: number;
}

export const emotionDip: Rule = {
  meta: {
    id: "emotion-dip",
    description: "a persona's emotion falls by 2 or more from the previous touchpoint and no pain point explains it",
    rationale:
      "A sharp fall in the emotion curve is the most important moment on a map; without a pain point, readers see that something went wrong but not what.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("emotion-dip"),
  },
  check({ journey, source, report }) {
    const declared = new Map<string, { persona: Persona; position: number }>();
    journey.personas.forEach((persona, position) => {
      if (!declared.has(persona.id)) declared.set(persona.id, { persona, position });
    });
    // Each persona's last score, in one pass over the touchpoints: `shared` is what the last touchpoint
    // that scored everyone gave, `own` the personas scored on their own since. Linear in the map:
    // a score shared by every persona is one step, not one per persona.
    let shared: Score | undefined;
    const own = new Map<string, Score>();
    for (const { stage, touchpoint } of touchpointsOf(journey)) {
      const explained = (touchpoint.painPoints?.length ?? 0) > 0;
      const falls: Fall[] = [];
      const fall = (from: Score | undefined, to: Score, persona: Persona, position: number) => {
        if (from === undefined || from - to < DIP || explained) return;
        const same = falls.find((entry) => entry.from === from && entry.to === to && Array.isArray(entry.personas));
        if (same) (same.personas as Persona[]).push(persona);
        else falls.push({ from, to, personas: [persona], first: position });
      };
      if (touchpoint.personas === undefined && typeof touchpoint.emotion === "number") {
        const to = touchpoint.emotion;
        for (const [id, from] of own) fall(from, to, declared.get(id)!.persona, declared.get(id)!.position);
        const rest = declared.size - own.size;
        if (shared !== undefined && rest > 0 && shared - to >= DIP && !explained) {
          const named = firstWithout(journey.personas, own, Math.min(NAMED, rest));
          falls.push({ from: shared, to, personas: { rest, named }, first: declared.get(named[0]!.id)!.position });
        }
        shared = to;
        own.clear();
      } else {
        for (const { persona, position } of scoredAt(journey, touchpoint, declared)) {
          const to = emotionOf(touchpoint, persona.id)!;
          fall(own.get(persona.id) ?? shared, to, persona, position);
          own.set(persona.id, to);
        }
      }
      for (const entry of falls.sort((a, b) => a.first - b.first)) {
        const who = whoFalls(entry, declared.size);
        report(
          `emotion of ${who.text} falls from ${entry.from} (${EMOTION_WORDS[entry.from]}) to ${entry.to} (${EMOTION_WORDS[entry.to]}) at ${touchpointName(touchpoint)} and no pain point explains it: add "painPoints" saying what went wrong`,
          source.rangeOf(touchpoint),
          // One touchpoint can be a dip for several personas: those that fall alike share a finding.
          [subjectOf.touchpoint(stage, touchpoint), ...who.subjects].join(" "),
        );
      }
    }
  },
};

/** The declared personas that a touchpoint scores on their own (a list, or a score per persona), in map
 * order; linear in what the touchpoint names. */
function scoredAt(
  journey: Journey,
  touchpoint: Touchpoint,
  declared: Map<string, { persona: Persona; position: number }>,
): Array<{ persona: Persona; position: number }> {
  const ids =
    touchpoint.personas === undefined
      ? typeof touchpoint.emotion === "object"
        ? Object.keys(touchpoint.emotion)
        : []
      : personasAt(journey, touchpoint).map((persona) => persona.id);
  const scored: Array<{ persona: Persona; position: number }> = [];
  // Most touchpoints score one persona or a few: no set or sort for those.
  for (const id of ids.length > 1 ? new Set(ids) : ids) {
    const entry = declared.get(id);
    if (entry && emotionOf(touchpoint, id) !== undefined) scored.push(entry);
  }
  return scored.length > 1 ? scored.sort((a, b) => a.position - b.position) : scored;
}

/** The first `count` personas (distinct ids, map order) without a score of their own: at most
 * |own| + count steps, and `own` is cleared right after, so the steps add up to the map's size. */
function firstWithout(personas: Persona[], own: Map<string, Score>, count: number): Persona[] {
  const found: Persona[] = [];
  for (let position = 0; position < personas.length && found.length < count; position++) {
    const persona = personas[position]!;
    if (!own.has(persona.id) && !found.some((other) => other.id === persona.id)) found.push(persona);
  }
  return found;
}

/** Who a fall is about, for the message and the subject: one persona by name, every persona, or a few
 * named and the others counted. */
function whoFalls(entry: Fall, declared: number): { text: string; subjects: string[] } {
  const [named, count] = Array.isArray(entry.personas)
    ? [entry.personas.slice(0, NAMED), entry.personas.length]
    : [entry.personas.named, entry.personas.rest];
  if (count === 1) return { text: `persona "${named[0]!.name}"`, subjects: [subjectOf.persona(named[0]!)] };
  if (count === declared) return { text: "every persona", subjects: [] };
  const names = named.map((persona) => `"${persona.name}"`);
  const text = count > names.length ? `${names.join(", ")} and ${count - names.length} more` : listOf(names);
  return {
    text: `personas ${text}`,
    subjects: [...named.map(subjectOf.persona), ...(count > named.length ? [`+${count - named.length}`] : [])],
  };
}
