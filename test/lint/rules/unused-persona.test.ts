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

// With shared definitions: a shared persona the map lists is the map's to use; one it does not list is not its to report.
testRule("unused-persona", {
  valid: [
    {
      name: "shared personas the map does not list",
      shared: "journeymap: 1\npersonas:\n  - id: parent\n    name: Dana\n  - id: student\n    name: Sam\n",
      code: yaml`
        journeymap: 1
        title: T
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
                personas: [parent]
      `,
    },
  ],
  invalid: [
    {
      name: "a listed shared persona that no touchpoint involves",
      shared: "journeymap: 1\npersonas:\n  - id: parent\n    name: Dana\n  - id: student\n    name: Sam\n",
      code: yaml`
        journeymap: 1
        title: T
        personas: [parent, student]
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
                personas: [parent]
      `,
      errors: [
        {
          line: 3,
          column: 20,
          message:
            'no touchpoint involves the shared persona "Sam": add "student" to the personas of the touchpoints they go through, or remove it from this map\'s personas',
          subject: "persona:student",
        },
      ],
    },
  ],
});
