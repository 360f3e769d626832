// Real lint results for the report tests: the fixture maps linted by the engine, plus an invalid map.
import { readFileSync } from "node:fs";
import { lintJourney } from "../../src/lint/engine.js";
import { CHECK_DESCRIPTORS, ruleDescriptors } from "../../src/lint/index.js";
import type { FileResult, ReportContext } from "../../src/report/types.js";

export const GAPS = "test/fixtures/lint/gaps.journey.yaml";
export const INVALID = "test/fixtures/lint/maps with spaces/broken.journey.yaml";

export function lintResults(): FileResult[] {
  const text = readFileSync(GAPS, "utf8");
  const broken =
    "journeymap: 1\ntitle: Broken\npersonas: []\nstages:\n  - id: a\n    name: A, with a comma: and a colon\n    ownr: x\n";
  return [
    { filePath: GAPS, source: text, messages: lintJourney(text, {}, { file: GAPS }) },
    { filePath: INVALID, source: broken, messages: lintJourney(broken, {}, { file: INVALID }) },
    { filePath: "test/fixtures/lint/clean.journey.yaml", messages: [] },
  ];
}

/** The context the lint command builds, rooted at this repository. */
export function lintContext(root: string): ReportContext {
  return {
    color: false,
    command: "lint",
    rules: [...CHECK_DESCRIPTORS, ...ruleDescriptors()],
    cwd: root,
    root,
    version: "1.2.3",
  };
}
