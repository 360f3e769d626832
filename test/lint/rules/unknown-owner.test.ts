// unknown-owner: with teams declared, an owner outside them is reported at the owner value.
import { testRule, yaml } from "../rule-tester.js";

testRule("unknown-owner", {
  valid: [
    {
      name: "owners are declared teams",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        teams: [{id: growth}, {id: app}]
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
                owner: growth
      `,
    },
    {
      name: "no teams declared: any owner",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
                owner: anyone
      `,
    },
  ],
  invalid: [
    {
      name: "a misspelt team gets a suggestion",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        teams: [{id: growth}, {id: app}]
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
                owner: grwoth
      `,
      errors: [
        {
          line: 10,
          column: 16,
          endLine: 10,
          endColumn: 22,
          message: 'owner "grwoth" of touchpoint "Sees an ad" is not a declared team: did you mean "growth"?',
        },
      ],
    },
    {
      name: "an unrelated name lists the teams",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        teams: [{id: growth}, {id: app}]
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
                owner: "legal department"
      `,
      errors: [
        {
          line: 10,
          column: 16,
          endColumn: 34,
          message:
            'owner "legal department" of touchpoint "Sees an ad" is not a declared team: use one of growth and app, or add it to teams',
        },
      ],
    },
  ],
});

// Shared teams in scope declare teams: every owner must be a local or a shared team.
testRule("unknown-owner", {
  valid: [
    {
      name: "owners that are shared teams, without a teams list in the map",
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
      name: "an owner that is no shared team, with the closest shared one suggested",
      shared: "journeymap: 1\nteams:\n  - id: app\n  - id: ops\n",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        teams: [{id: web}, opps]
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
                owner: opz
      `,
      errors: [
        {
          line: 4,
          column: 20,
          message: 'the map lists team "opps", which is neither defined in it nor shared: did you mean "ops"?',
        },
        {
          line: 10,
          column: 16,
          message: 'owner "opz" of touchpoint "Sees an ad" is not a declared team: did you mean "ops"?',
        },
      ],
    },
  ],
});
