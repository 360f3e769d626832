// metric-without-source: a value with no source or date, in a map that defines its metrics.
import { testRule, yaml } from "../rule-tester.js";
import { HEAD } from "./metric-helpers.js";

testRule("metric-without-source", {
  valid: [
    {
      name: "a measured value",
      code: `${HEAD}        metrics: {csat: {value: 82, date: 2025-06-28, source: survey.csv}}\n`,
    },
    {
      name: "a map without definitions",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: decision
            name: Checkout
            touchpoints:
              - name: Pays
                metrics: {conversion: 0.12}
      `,
    },
  ],
  invalid: [
    {
      name: "a number, and a value with a date and no source",
      code: `${HEAD}        metrics:\n          csat: 82\n          ces: {value: 2.5, date: 2025-06-28}\n`,
      errors: [
        {
          line: 14,
          column: 11,
          message:
            'metric "csat" at touchpoint "Pays" has no source and no date: write it as {value, date, source}, or let journeymap data pull fill it',
        },
        { line: 15, column: 11, message: /^metric "ces" at touchpoint "Pays" has no source: / },
      ],
    },
  ],
});
