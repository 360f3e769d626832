// unknown-metric: a value under a metric id that the map's definitions do not declare.
import { testRule } from "../rule-tester.js";
import { FREE_FORM, HEAD, SHARED_HEAD, SHARED_METRICS } from "./metric-helpers.js";

const LISTED = (list: string) => SHARED_HEAD.replace("stages:", `metrics: ${list}\nstages:`);

testRule("unknown-metric", {
  valid: [
    { name: "declared metrics", code: `${HEAD}        metrics: {csat: 82, ces: {value: 2.1}}\n` },
    { name: "a map without definitions keeps free-form metrics", code: FREE_FORM },
    {
      name: "shared metrics measured without listing them",
      shared: SHARED_METRICS,
      code: `${SHARED_HEAD}        metrics: {csat: 82, ces: 2}\n`,
    },
    {
      name: "a shared metric listed by id",
      shared: SHARED_METRICS,
      code: `${LISTED("[csat]")}        metrics: {csat: 82}\n`,
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
    {
      name: "ids neither the map nor the shared file defines, in a map with no metrics of its own",
      shared: SHARED_METRICS,
      code: `${SHARED_HEAD}        metrics: {cast: 72, nps: 30}\n`,
      errors: [
        {
          line: 10,
          column: 19,
          endColumn: 23,
          message:
            'metric "cast" at touchpoint "Pays" is neither declared in "metrics" nor shared (did you mean "csat"?): declare it, or use a declared metric id',
          subject: "touchpoint:decision/pay:metric:cast",
        },
        {
          line: 10,
          column: 29,
          message:
            'metric "nps" at touchpoint "Pays" is neither declared in "metrics" nor shared: declare it, or use a declared metric id',
          subject: "touchpoint:decision/pay:metric:nps",
        },
      ],
    },
    {
      name: "a listed id that no shared file defines",
      shared: SHARED_METRICS,
      code: LISTED("[csat, nps]"),
      errors: [
        {
          line: 4,
          column: 17,
          endColumn: 20,
          message:
            'the map lists metric "nps", which is neither defined in it nor shared: use one of csat and ces, or define it under metrics',
          subject: "metric:nps",
        },
      ],
    },
    {
      name: "a listed id with no shared file in scope",
      code: `${LISTED("[csat]")}        metrics: {csat: 82}\n`,
      errors: [
        {
          line: 4,
          column: 11,
          message:
            'the map lists metric "csat", which is neither defined in it nor shared: define it under metrics, or in a journeymap.shared.yaml in this folder or above',
          subject: "metric:csat",
        },
      ],
    },
  ],
});
