// How rule messages name the map's elements: by their display name, so people recognise them.
import type { DefinitionKindName, MapDefinitions } from "../journey/definitions.js";
import type { Persona, Stage, Team, Touchpoint } from "../journey/model.js";

export const touchpointName = (touchpoint: Touchpoint): string => `touchpoint "${touchpoint.name}"`;
export const stageName = (stage: Stage): string => `stage "${stage.name}"`;
export const personaName = (persona: Persona): string => `persona "${persona.name}"`;
export const teamName = (team: Team): string => `team "${team.name ?? team.id}"`;

/** `a, b and c`: a short list for messages, cut after `limit` entries. */
export function listOf(words: readonly string[], limit = 8): string {
  const shown = words.slice(0, limit);
  const rest = words.length - shown.length;
  if (rest > 0) return `${shown.join(", ")} and ${rest} more`;
  if (shown.length < 2) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}

/** The ids a reference may name, for hints: the map's resolved ones, then every shared one in scope. */
export function knownIds(
  resolved: ReadonlySet<string>,
  definitions: MapDefinitions,
  kind: DefinitionKindName,
): string[] {
  const ids = new Set(resolved);
  for (const id of definitions.scope?.byKind[kind].keys() ?? []) ids.add(id);
  return [...ids];
}
