// stage-order: expected stages present in another order; the fewest stages to move are reported.
import { testRule, yaml } from "../rule-tester.js";

const withStages = (stages: string[]) =>
  yaml`
  journeymap: 1
  title: Order
  personas:
    - id: parent
      name: Dana
  stages:
  ` + stages.map((id) => `  - id: ${id}\n    name: ${id[0]!.toUpperCase()}${id.slice(1)}\n`).join("");

testRule("stage-order", {
  valid: [
    { name: "funnel order", code: withStages(["awareness", "consideration", "decision", "retention", "advocacy"]) },
    { name: "missing stages do not make an order problem", code: withStages(["awareness", "retention"]) },
    { name: "other stages in between are ignored", code: withStages(["awareness", "onboarding", "decision"]) },
  ],
  invalid: [
    {
      name: "one stage moved to the front",
      code: withStages(["advocacy", "awareness", "consideration", "decision", "retention"]),
      errors: [
        {
          line: 7,
          column: 5,
          endLine: 8,
          endColumn: 19,
          message:
            'stage "Advocacy" is out of order: move it after stage "Retention" (expected order: awareness, consideration, decision, retention, advocacy)',
        },
      ],
    },
    {
      name: "the first stage placed last",
      code: withStages(["consideration", "decision", "awareness"]),
      errors: [
        { line: 11, column: 5, message: /^stage "Awareness" is out of order: move it before stage "Consideration"/ },
      ],
    },
    {
      name: "a saas map out of order",
      stages: "saas",
      code: withStages(["acquisition", "adoption", "activation"]),
      // Either stage could move; the one found later in the map is reported.
      errors: [
        {
          line: 11,
          column: 5,
          message:
            /^stage "Activation" is out of order: move it after stage "Acquisition" \(expected order: acquisition, activation, adoption\)$/,
        },
      ],
    },
  ],
});
