// An opportunity as the exports show it: its title, then its status and owner when it is tracked as work
// ("Mobile key in the app — planned, Digital"). An opportunity named by id only reads as the one of that
// id written with its title on the map (ids are unique across the repository).
import type { Journey, Opportunity, OpportunityObject } from "../../journey/model.js";
import { isolated } from "../../text/isolate.js";

/** A function giving each opportunity of the map its label, the map's tracked opportunities indexed once. */
export function opportunityLabeller(journey: Journey): (opportunity: Opportunity) => string {
  const written = new Map<string, OpportunityObject>();
  for (const stage of journey.stages)
    for (const touchpoint of stage.touchpoints ?? [])
      for (const opportunity of touchpoint.opportunities ?? [])
        if (typeof opportunity !== "string" && opportunity.title !== undefined && !written.has(opportunity.id))
          written.set(opportunity.id, opportunity);
  const teams = new Map((journey.teams ?? []).map((team) => [team.id, team.name ?? team.id]));
  return (opportunity) => {
    if (typeof opportunity === "string") return opportunity;
    const shown = opportunity.title !== undefined ? opportunity : (written.get(opportunity.id) ?? opportunity);
    const facts = [
      (shown.status ?? "idea").replace("-", " "),
      shown.owner !== undefined ? isolated(teams.get(shown.owner) ?? shown.owner) : undefined,
    ].filter((fact): fact is string => fact !== undefined);
    // The title isolated: a bidi override left open in it cannot reverse the status and owner after it.
    return `${isolated(shown.title ?? shown.id)} — ${facts.join(", ")}`;
  };
}
