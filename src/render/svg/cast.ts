// Which personas take part at each touchpoint, worked out once per map from an id index, so the picture
// never scans every persona for every touchpoint (that made the old layout touchpoints × personas²).
import type { Journey, Touchpoint } from "../../journey/model.js";

/** Persona positions by id; a list because an invalid map may repeat an id, and personasAt keeps every copy. */
export type PersonaIndex = Map<string, number[]>;

export function personaIndex(journey: Journey): PersonaIndex {
  const index: PersonaIndex = new Map();
  journey.personas.forEach((persona, p) => {
    const positions = index.get(persona.id);
    if (positions) positions.push(p);
    else index.set(persona.id, [p]);
  });
  return index;
}

/**
 * The positions of the personas at a touchpoint, in the map's order, the same personas as personasAt
 * gives; undefined when the touchpoint names none, which means every persona. Linear in its list.
 */
export function membersOf(index: PersonaIndex, touchpoint: Touchpoint): number[] | undefined {
  if (!touchpoint.personas) return undefined;
  const members = new Set<number>();
  for (const id of touchpoint.personas) for (const p of index.get(id) ?? []) members.add(p);
  return [...members].sort((a, b) => a - b);
}
