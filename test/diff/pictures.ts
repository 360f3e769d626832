// The diff pairs of test/fixtures/diff/ as the diff command compares them, and their pictures: shared
// by the picture tests and the live Chromium test.
import { readFileSync } from "node:fs";
import { diffFormats, diffJourneys, type ComparedMap } from "../../src/diff/index.js";
import { loadJourney, type LoadedJourney } from "../../src/journey/load.js";

export const DIFF_PAIRS = ["freshcart-moved", "owner-fixed", "as-is-to-be", "hostile"] as const;

/** The labels each pair is compared with (the others use their maps' titles). */
const LABELS: Partial<Record<string, [string, string]>> = { "as-is-to-be": ["As-is", "To-be"] };

export function loadSide(pair: string, side: "old" | "new"): LoadedJourney {
  const file = `test/fixtures/diff/${pair}/${side}.journey.yaml`;
  return loadJourney(readFileSync(file), { file });
}

/** One map compared, as the CLI hands it to a picture format (no lint: the picture draws no findings). */
export function comparedMap(
  before: LoadedJourney | undefined,
  after: LoadedJourney | undefined,
  labels?: [string, string],
): ComparedMap {
  const diff = diffJourneys(before, after, labels ? { labels, lint: false } : { lint: false });
  return {
    diff,
    ...(before?.journey ? { old: before.journey } : {}),
    ...(after?.journey ? { new: after.journey } : {}),
  };
}

/** The SVG of a pair's change; `sides` "old" or "new" draws the pair's map as deleted or added. */
export function diffSvg(pair: string, sides: "both" | "old" | "new", theme: "light" | "dark" = "light") {
  const before = sides === "new" ? undefined : loadSide(pair, "old");
  const after = sides === "old" ? undefined : loadSide(pair, "new");
  return diffFormats.svg.draw(comparedMap(before, after, LABELS[pair]), { color: false, theme });
}
