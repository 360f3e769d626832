// missing-persona: a map with no persona of its own and none from its shared definitions.
import { testRule, yaml } from "../rule-tester.js";

const SHARED = yaml`
  journeymap: 1
  personas:
    - id: parent
      name: Dana
`;

testRule("missing-persona", {
  valid: [
    {
      name: "a persona defined in the map",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages: [{id: awareness, name: Awareness}]
      `,
    },
    {
      name: "a shared persona listed by id",
      shared: SHARED,
      code: yaml`
        journeymap: 1
        title: T
        personas: [parent]
        stages: [{id: awareness, name: Awareness}]
      `,
    },
    {
      name: "a shared persona only a touchpoint names",
      shared: SHARED,
      code: yaml`
        journeymap: 1
        title: T
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
                emotion: {parent: 3}
      `,
    },
  ],
  invalid: [
    {
      name: "no personas key at all",
      code: yaml`
        journeymap: 1
        title: T
        stages: [{id: awareness, name: Awareness}]
      `,
      errors: [
        {
          line: 2,
          column: 1,
          message:
            "the map follows no persona: define one under personas, or list the id of a shared persona (personas: [parent]) from a journeymap.shared.yaml in this folder or above",
          subject: "map",
        },
      ],
    },
    {
      name: "an empty list, and a shared id that is not in scope",
      code: yaml`
        journeymap: 1
        title: T
        personas: [parent]
        stages: [{id: awareness, name: Awareness}]
      `,
      errors: [{ line: 3, column: 1, endColumn: 9 }],
    },
  ],
});
