// pain-without-opportunity: pain points recorded with no opportunity beside them.
import { testRule, yaml } from "../rule-tester.js";

testRule("pain-without-opportunity", {
  valid: [
    {
      name: "an opportunity object without addresses addresses every pain point; a text one too",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: decision
            name: Decision
            touchpoints:
              - name: Picks a slot
                painPoints: [No evening slots, Fee shown late]
                opportunities:
                  - {id: next-free-slot, title: Next free slot, addresses: [No evening slots]}
                  - id: named-elsewhere
      `,
    },
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
    {
      name: "opportunity objects address the pain points in their addresses; a dropped one none",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: decision
            name: Decision
            touchpoints:
              - name: Picks a slot
                painPoints: [No evening slots, Fee shown late, Slots vanish]
                opportunities:
                  - {id: next-free-slot, title: Next free slot, addresses: [No evening slots]}
                  - {id: fee-first, title: Show the fee first, status: dropped}
      `,
      errors: [
        {
          line: 9,
          column: 40,
          message:
            'pain point "Fee shown late" of touchpoint "Picks a slot" is addressed by none of its opportunities: add it to an opportunity\'s "addresses", or add an opportunity for it',
          subject: "touchpoint:decision/Picks a slot:pain:1",
        },
        {
          line: 9,
          column: 56,
          message: /^pain point "Slots vanish" of touchpoint "Picks a slot" is addressed by none/,
        },
      ],
    },
  ],
});
