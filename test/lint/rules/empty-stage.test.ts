// empty-stage: a stage with no touchpoints, reported at the stage's lines.
import { testRule, yaml } from "../rule-tester.js";

testRule("empty-stage", {
  valid: [
    {
      name: "every stage has a touchpoint",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
      `,
    },
  ],
  invalid: [
    {
      name: "no touchpoints key",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: awareness
            name: Awareness
      `,
      errors: [
        {
          line: 5,
          column: 5,
          endLine: 6,
          endColumn: 20,
          message:
            'stage "Awareness" has no touchpoints: add the moments where customers meet you in this stage, or remove the stage',
        },
      ],
    },
    {
      name: "an empty touchpoints list",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
          - id: advocacy
            name: Advocacy
            touchpoints: []
      `,
      errors: [{ line: 9, column: 5, endLine: 11, message: /^stage "Advocacy" has no touchpoints/ }],
    },
  ],
});
