// The maps the picture is checked on: the examples and the stress fixtures, loaded as Journeys.
import { loadJourney } from "../../../src/journey/load.js";
import { loadMapFile } from "../../../src/workspace/load.js";
import type { Journey } from "../../../src/journey/model.js";

export const EXAMPLES = ["freshcart", "hotel"] as const;
export const STRESS = [
  "one-touchpoint",
  "no-touchpoints",
  "gaps",
  "owners",
  "injection",
  "long-text",
  "thirty-stages",
  "five-hundred-touchpoints",
] as const;

export function examplePath(name: string): string {
  // FreshCart is the example repository's top map (examples/, with shared personas and teams); the
  // maps from other industries stand alone in docs/examples/.
  return name === "freshcart" ? "examples/freshcart.journey.yaml" : `docs/examples/${name}.journey.yaml`;
}

export function stressPath(name: string): string {
  return `test/fixtures/svg/${name}.journey.yaml`;
}

/** A map file as the CLI loads it: with the shared definitions of its folder (examples/ has some). */
export function loadMap(path: string): Journey {
  const loaded = loadMapFile(path);
  if (!loaded.journey)
    throw new Error(`${path} is not a valid map: ${loaded.diagnostics.map((d) => d.message).join("; ")}`);
  return loaded.journey;
}

/** A map written in the test itself, loaded and validated like a file. */
export function loadText(text: string, path = "inline.journey.yaml"): Journey {
  const loaded = loadJourney(text, { file: path });
  if (!loaded.journey)
    throw new Error(`${path} is not a valid map: ${loaded.diagnostics.map((d) => d.message).join("; ")}`);
  return loaded.journey;
}

/** Every map the picture is checked on, by a short name. */
export function allMaps(): Array<{ name: string; path: string }> {
  return [
    ...EXAMPLES.map((name) => ({ name, path: examplePath(name) })),
    ...STRESS.map((name) => ({ name, path: stressPath(name) })),
  ];
}
