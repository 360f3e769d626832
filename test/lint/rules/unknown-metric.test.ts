// unknown-metric: a value under a metric id that the map's definitions do not declare.
import { testRule, yaml } from "../rule-tester.js";
import { HEAD } from "./metric-helpers.js";

testRule("unknown-metric", {
  valid: [
    { name: "declared metrics", code: `${HEAD}        metrics: {csat: 82, ces: {value: 2.1}}\n` },
    {
      name: "a map without definitions keeps free-form metrics",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: decision
            name: Checkout
            metrics: {anything: 3}
            touchpoints:
              - name: Pays
                metrics: {click-through: 0.12, nps: "+31"}
      `,
    },
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
