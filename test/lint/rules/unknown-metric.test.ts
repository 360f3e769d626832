// unknown-metric: a value under a metric id that the map's definitions do not declare.
import { testRule } from "../rule-tester.js";
import { FREE_FORM, HEAD } from "./metric-helpers.js";

testRule("unknown-metric", {
  valid: [
    { name: "declared metrics", code: `${HEAD}        metrics: {csat: 82, ces: {value: 2.1}}\n` },
    { name: "a map without definitions keeps free-form metrics", code: FREE_FORM },
  ],
  invalid: [
    {
      name: "a typo on a touchpoint and an undeclared metric on a stage",
      code: `${HEAD}        metrics:\n          cast: 72\n    metrics: {visitors: 1200}\n`,
      errors: [
        {
          line: 14,
          column: 11,
          endColumn: 15,
          message:
            'metric "cast" at touchpoint "Pays" is not declared in "metrics" (did you mean "csat"?): declare it, or use a declared metric id',
          subject: "touchpoint:decision/pay:metric:cast",
        },
        {
          line: 15,
          column: 15,
          message:
            'metric "visitors" at stage "Checkout" is not declared in "metrics": declare it, or use a declared metric id',
          subject: "stage:decision:metric:visitors",
        },
      ],
    },
  ],
});
