// metric-off-target: a value worse than its target (past the warning threshold) with no opportunity.
import { testRule } from "../rule-tester.js";
import { HEAD, SHARED_HEAD, SHARED_METRICS } from "./metric-helpers.js";

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
    {
      name: "a value on a shared metric's target",
      shared: SHARED_METRICS,
      code: `${SHARED_HEAD}        metrics: {csat: 80, ces: 2}\n`,
    },
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
    {
      name: "a map with no metrics of its own, judged against the shared CSAT's target",
      shared: SHARED_METRICS,
      code: `${SHARED_HEAD}        metrics: {csat: 72}\n`,
      errors: [
        {
          line: 10,
          column: 25,
          endColumn: 27,
          message:
            'Shared CSAT at touchpoint "Pays" is 72% against a target of 80%, and no opportunity is recorded: add an opportunity saying how to reach the target',
          subject: "touchpoint:decision/pay:metric:csat",
        },
      ],
    },
    {
      name: "the shared CSAT listed by id, and the shared effort it measures without listing",
      shared: SHARED_METRICS,
      code: SHARED_HEAD.replace("stages:", "metrics: [csat]\nstages:") + "        metrics: {csat: 61, ces: 4}\n",
      errors: [
        { line: 11, column: 25, message: /^Shared CSAT at touchpoint "Pays" is 61% against a target of 80%, / },
        { line: 11, column: 34, message: /^Effort at touchpoint "Pays" is 4 against a target of 3, / },
      ],
    },
  ],
});
