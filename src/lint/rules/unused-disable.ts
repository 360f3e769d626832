// unused-disable: a journeymap-disable comment that suppresses nothing (or names an unknown rule).
import { docsUrl, type Rule } from "../types.js";

export const unusedDisable: Rule = {
  meta: {
    id: "unused-disable",
    description: "a journeymap-disable comment that suppresses nothing",
    rationale:
      "A suppression that no longer matches a finding hides nothing today but will silently hide a real finding tomorrow; remove it once the map is fixed.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("unused-disable"),
  },
  // The engine reports this rule: only it knows, after every other rule ran, which comments were used.
  check() {},
};
