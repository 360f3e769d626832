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
