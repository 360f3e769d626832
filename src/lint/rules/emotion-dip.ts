// emotion-dip: for a persona, emotion falls by 2 or more from the previous touchpoint with no pain point to explain it.
import { subjectOf } from "../../journey/queries.js";
import { EMOTION_WORDS, emotionOf, personasAt, touchpointsOf, type Score } from "../../journey/model.js";
import { touchpointName } from "../names.js";
import { docsUrl, type Rule } from "../types.js";

/** A fall of this many points or more is a dip worth explaining. */
const DIP = 2;

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
    // One pass over the touchpoints, remembering each persona's last score: linear in touchpoints.
    const last = new Map<string, Score>();
    for (const { stage, touchpoint } of touchpointsOf(journey)) {
      for (const persona of personasAt(journey, touchpoint)) {
        const score = emotionOf(touchpoint, persona.id);
        if (score === undefined) continue;
        const previous = last.get(persona.id);
        last.set(persona.id, score);
        if (previous === undefined || previous - score < DIP || (touchpoint.painPoints?.length ?? 0) > 0) continue;
        report(
          `emotion of persona "${persona.name}" falls from ${previous} (${EMOTION_WORDS[previous]}) to ${score} (${EMOTION_WORDS[score]}) at ${touchpointName(touchpoint)} and no pain point explains it: add "painPoints" saying what went wrong`,
          source.rangeOf(touchpoint),
          // One touchpoint can be a dip for several personas: each is its own finding.
          `${subjectOf.touchpoint(stage, touchpoint)} ${subjectOf.persona(persona)}`,
        );
      }
    }
  },
};
