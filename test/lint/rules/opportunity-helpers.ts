// Small maps for the rules about owners, reviews and opportunities: a head with teams, and one
// touchpoint whose opportunities the test writes.
import { lintJourney } from "../../../src/lint/engine.js";
import type { LintConfig } from "../../../src/lint/config.js";

/** Lines 1-9; the touchpoint's keys start at line 10, column 9. */
export const OPPORTUNITY_HEAD = `journeymap: 1
title: FreshCart
personas: [{id: parent, name: Dana}]
teams: [{id: app}, {id: ops}]
stages:
  - id: decision
    name: First order
    touchpoints:
      - name: Picks a slot
`;

/** The findings of one rule only, at an as-of day, with a configuration's review settings. */
export function lintOnly(
  ruleId: string,
  code: string,
  options: { asOf?: string; config?: LintConfig } = {},
): Array<{ line: number; column: number; message: string; subject?: string }> {
  const config: LintConfig = { ...options.config, rules: { [ruleId]: "warning" }, stages: ["decision"] };
  return lintJourney(code, config, { file: "case.journey.yaml", ...(options.asOf ? { asOf: options.asOf } : {}) })
    .filter((finding) => finding.ruleId === ruleId)
    .map(({ line, column, message, subject }) => ({ line, column, message, ...(subject ? { subject } : {}) }));
}
