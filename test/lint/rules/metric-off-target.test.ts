// metric-off-target: a value worse than its target (past the warning threshold) with no opportunity.
import { testRule } from "../rule-tester.js";
import { HEAD } from "./metric-helpers.js";

testRule("metric-off-target", {
  valid: [
    {
      name: "on target, and near target (within the warning threshold)",
      code: `${HEAD}        metrics: {csat: 80, ces: 3}\n`,
    },
    { name: "near target", code: `${HEAD}        metrics: {csat: {value: 75, n: 10}}\n` },
    {
      name: "off target with an opportunity recorded",
      code: `${HEAD}        opportunities: [Show the fee early]\n        metrics: {csat: 50}\n    metrics: {csat: 40}\n`,
    },
    { name: "text is never judged", code: `${HEAD}        metrics: {csat: "about 60%"}\n` },
  ],
  invalid: [
    {
      name: "higher and lower is better, a value's own target, and a stage value",
      code: `${HEAD}        metrics:\n          csat: {value: 65, target: 90}\n          ces: 4.2\n    metrics:\n      csat: 61.5\n`,
      errors: [
        {
          line: 14,
          column: 25,
          endColumn: 27,
          message:
            'Customer satisfaction at touchpoint "Pays" is 65% against a target of 90%, past the warning threshold of 70%, and no opportunity is recorded: add an opportunity saying how to reach the target',
          subject: "touchpoint:decision/pay:metric:csat",
        },
        {
          line: 15,
          column: 16,
          message:
            'Effort at touchpoint "Pays" is 4.2 against a target of 3, and no opportunity is recorded: add an opportunity saying how to reach the target',
          subject: "touchpoint:decision/pay:metric:ces",
        },
        {
          line: 17,
          column: 13,
          message:
            'Customer satisfaction at stage "Checkout" is 61.5% against a target of 80%, past the warning threshold of 70%, and none of its touchpoints records an opportunity: add an opportunity saying how to reach the target',
          subject: "stage:decision:metric:csat",
        },
      ],
    },
  ],
});
