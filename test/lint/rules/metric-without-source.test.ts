// metric-without-source: a value with no source or date, in a map that defines its metrics.
import { testRule } from "../rule-tester.js";
import { FREE_FORM, HEAD, SHARED_HEAD, SHARED_METRICS } from "./metric-helpers.js";

testRule("metric-without-source", {
  valid: [
    {
      name: "a measured value",
      code: `${HEAD}        metrics: {csat: {value: 82, date: 2025-06-28, source: survey.csv}}\n`,
    },
    { name: "a map without definitions keeps free-form metrics", code: FREE_FORM },
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
    {
      name: "a map whose folder shares its metrics",
      shared: SHARED_METRICS,
      code: `${SHARED_HEAD}        metrics: {csat: 82}\n`,
      errors: [{ line: 10, column: 19, message: /^metric "csat" at touchpoint "Pays" has no source and no date: / }],
    },
  ],
});
