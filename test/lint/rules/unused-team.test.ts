// unused-team: a declared team that owns no touchpoint and is not the map's owner.
import { testRule, yaml } from "../rule-tester.js";

testRule("unused-team", {
  valid: [
    {
      name: "every team owns something, the map owner counts",
      code: yaml`
        journeymap: 1
        title: T
        owner: cx
        personas: [{id: parent, name: Dana}]
        teams: [{id: cx}, {id: growth}]
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
                owner: growth
      `,
    },
    {
      name: "no teams declared",
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
      name: "a team that owns nothing",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        teams:
          - id: growth
          - id: legal
            name: Legal and compliance
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
                owner: growth
      `,
      errors: [
        {
          line: 6,
          column: 5,
          endLine: 7,
          endColumn: 31,
          message:
            'team "Legal and compliance" owns no touchpoint: make it the owner of the touchpoints it is accountable for, or remove it from teams',
        },
      ],
    },
  ],
});

// With shared teams: only the map's own list is judged here (team-owns-nothing judges the rest, once).
testRule("unused-team", {
  valid: [
    {
      name: "shared teams the map does not list",
      shared: "journeymap: 1\nteams:\n  - id: app\n  - id: ops\n",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
                owner: app
      `,
    },
  ],
  invalid: [
    {
      name: "a listed shared team that owns nothing here",
      shared: "journeymap: 1\nteams:\n  - id: app\n  - id: ops\n    name: Operations\n",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        teams: [app, ops]
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
                owner: app
      `,
      errors: [
        {
          line: 4,
          column: 14,
          message:
            'the shared team "Operations" owns no touchpoint: make it the owner of the touchpoints it is accountable for, or remove it from teams',
        },
      ],
    },
  ],
});
