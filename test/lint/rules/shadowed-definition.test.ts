// shadowed-definition: a map's own persona, team or metric with the id of a shared one in its scope.
import { testRule, yaml } from "../rule-tester.js";

const SHARED = yaml`
  journeymap: 1
  personas:
    - id: parent
      name: Dana
  teams:
    - id: app
      name: App team
`;

testRule("shadowed-definition", {
  valid: [
    {
      name: "the shared ones listed by id",
      shared: SHARED,
      code: yaml`
        journeymap: 1
        title: T
        personas: [parent]
        teams: [app]
        stages: [{id: awareness, name: Awareness}]
      `,
    },
    {
      name: "local definitions with ids of their own",
      shared: SHARED,
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: student, name: Sam}]
        teams: [{id: web}]
        stages: [{id: awareness, name: Awareness}]
      `,
    },
    {
      name: "a local definition and no shared file",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages: [{id: awareness, name: Awareness}]
      `,
    },
  ],
  invalid: [
    {
      name: "a persona and a team defined again in the map",
      shared: SHARED,
      code: yaml`
        journeymap: 1
        title: T
        personas:
          - id: parent
            name: Dana, a copy
        teams:
          - id: app
        stages: [{id: awareness, name: Awareness}]
      `,
      errors: [
        {
          line: 4,
          column: 9,
          endColumn: 15,
          message:
            'persona "parent" is defined here and in journeymap.shared.yaml:3: this map\'s own definition hides the shared one; remove it and list "parent" under personas to use the shared persona, or give it another id',
          subject: "persona:parent",
        },
        {
          line: 7,
          column: 9,
          message:
            /^team "app" is defined here and in journeymap.shared.yaml:6: .* list "app" under teams to use the shared team/,
          subject: "team:app",
        },
      ],
    },
    {
      name: "a metric defined again in the map",
      shared: yaml`
        journeymap: 1
        metrics:
          - id: csat
            name: CSAT
      `,
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        metrics:
          - id: csat
            name: CSAT, our own
        stages: [{id: awareness, name: Awareness}]
      `,
      errors: [
        {
          line: 5,
          column: 9,
          message:
            'metric "csat" is defined here and in journeymap.shared.yaml:3: this map\'s own definition hides the shared one; remove it and list "csat" under metrics to use the shared metric, or give it another id',
          subject: "metric:csat",
        },
      ],
    },
  ],
});
