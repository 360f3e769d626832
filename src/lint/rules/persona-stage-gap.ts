// persona-stage-gap: a persona has no touchpoint in a stage where other personas have some.
import { subjectOf } from "../../journey/queries.js";
import { personasAt, type Persona } from "../../journey/model.js";
import { listOf, personaName, stageName } from "../names.js";
import { docsUrl, type Rule } from "../types.js";

/** Personas named in one finding; the rest are counted. */
const NAMED = 3;

export const personaStageGap: Rule = {
  meta: {
    id: "persona-stage-gap",
    description: "a persona has no touchpoint in a stage where other personas have some",
    rationale:
      "When one persona's journey skips a stage that the others go through, the map usually lacks that persona's touchpoints there, which hides how their experience differs.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("persona-stage-gap"),
  },
  check({ journey, source, report }) {
    if (journey.personas.length < 2) return;
    // Per stage: every persona (a touchpoint names none), or the ids its touchpoints name. Linear in the
    // map: a touchpoint for everyone is a flag, not a loop over the personas.
    const inStage = journey.stages.map((stage) => {
      const ids = new Set<string>();
      for (const touchpoint of stage.touchpoints ?? []) {
        if (!touchpoint.personas) return "everyone" as const;
        for (const persona of personasAt(journey, touchpoint)) ids.add(persona.id);
      }
      return ids;
    });
    // A persona on no touchpoint at all is unused-persona's finding, not a gap in every stage.
    const everyoneSomewhere = inStage.includes("everyone");
    const somewhere = new Set<string>();
    for (const ids of inStage) if (ids !== "everyone") for (const id of ids) somewhere.add(id);
    const seen = new Set<string>();
    const candidates = journey.personas.filter(
      (persona) => (everyoneSomewhere || somewhere.has(persona.id)) && !seen.has(persona.id) && seen.add(persona.id),
    );
    journey.stages.forEach((stage, index) => {
      const ids = inStage[index]!;
      if (ids === "everyone" || ids.size === 0) return;
      const missing = candidates.length - ids.size;
      if (missing <= 0) return;
      // The first few missing, in map order: at most |ids| + NAMED steps, so all stages add up to the map's size.
      const named: Persona[] = [];
      for (let i = 0; i < candidates.length && named.length < Math.min(NAMED, missing); i++)
        if (!ids.has(candidates[i]!.id)) named.push(candidates[i]!);
      if (missing === 1) {
        const persona = named[0]!;
        report(
          `${personaName(persona)} has no touchpoint in ${stageName(stage)}, where other personas have some: map what they do here, or add "${persona.id}" to a touchpoint's personas`,
          source.rangeOf(stage),
          `${subjectOf.persona(persona)} ${subjectOf.stage(stage)}`,
        );
        return;
      }
      const names = named.map((persona) => `"${persona.name}"`);
      const who = missing > names.length ? `${names.join(", ")} and ${missing - names.length} more` : listOf(names);
      report(
        `personas ${who} have no touchpoint in ${stageName(stage)}, where other personas have some: map what they do here, or add them to a touchpoint's personas`,
        source.rangeOf(stage),
        [
          ...named.map(subjectOf.persona),
          ...(missing > named.length ? [`+${missing - named.length}`] : []),
          subjectOf.stage(stage),
        ].join(" "),
      );
    });
  },
};
