// pain-without-opportunity: pain points recorded with no opportunity beside them.
import { testRule, yaml } from "../rule-tester.js";

testRule("pain-without-opportunity", {
  valid: [
    {
      name: "pain with an opportunity, and no pain at all",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: decision
            name: Decision
            touchpoints:
              - name: Picks a slot
                painPoints: [No evening slots]
                opportunities: [Show the next free evening first]
              - name: Pays
                painPoints: []
      `,
    },
  ],
  invalid: [
    {
      name: "two pain points, no opportunity",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: decision
            name: Decision
            touchpoints:
              - name: Picks a slot
                painPoints:
                  - No evening slots
                  - Fee shown late
      `,
      errors: [
        {
          line: 8,
          column: 9,
          endLine: 11,
          endColumn: 27,
          message:
            'touchpoint "Picks a slot" has 2 pain points and no opportunity: add "opportunities" saying how it could be better',
        },
      ],
    },
    {
      name: "an empty opportunities list does not count",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: decision
            name: Decision
            touchpoints:
              - name: Picks a slot
                painPoints: [No evening slots]
                opportunities: []
      `,
      errors: [{ line: 8, column: 9, message: /has a pain point and no opportunity/ }],
    },
  ],
});
