// unused-persona: a persona that no touchpoint involves (a touchpoint naming none involves all).
import { testRule, yaml } from "../rule-tester.js";

testRule("unused-persona", {
  valid: [
    {
      name: "a touchpoint without personas involves everyone",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}, {id: student, name: Sam}]
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
      name: "nobody names the student",
      code: yaml`
        journeymap: 1
        title: T
        personas:
          - id: parent
            name: Dana
          - id: student
            name: Sam
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
                personas: [parent]
      `,
      errors: [
        {
          line: 6,
          column: 5,
          endLine: 7,
          endColumn: 14,
          message:
            'no touchpoint involves persona "Sam": add "student" to the personas of the touchpoints they go through, or remove the persona',
        },
      ],
    },
    {
      name: "a map with no touchpoints at all",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages: [{id: awareness, name: Awareness}]
      `,
      errors: [{ line: 3, column: 12, message: /persona "Dana"/ }],
    },
  ],
});
