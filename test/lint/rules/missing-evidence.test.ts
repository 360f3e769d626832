// missing-evidence: in a blueprint that records evidence, a touchpoint with customer actions (`actions` or
// a customer lane) and no evidence, at the key that holds the actions.
import { testRule, yaml } from "../rule-tester.js";
import { WELL_FORMED_BLUEPRINT } from "./blueprint-maps.js";

testRule("missing-evidence", {
  valid: [
    {
      name: "a well-formed blueprint",
      code: WELL_FORMED_BLUEPRINT,
    },
    {
      name: "the same touchpoints in a journey map",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: guest, name: Guest}]
        lanes:
          - {id: guest-steps, label: Guest, layer: customer}
        stages:
          - id: arrival
            name: Arrival
            touchpoints:
              - name: Checks in
                actions: [Gives name]
                evidence: [Key card]
              - name: Goes to the room
                actions: [Takes the lift]
              - name: Calls reception
                lanes:
                  guest-steps: [Dials 9]
              - name: Sleeps
      `,
    },
  ],
  invalid: [
    {
      name: "actions, and a customer lane, without evidence",
      code: yaml`
        journeymap: 1
        title: T
        type: blueprint
        personas: [{id: guest, name: Guest}]
        lanes:
          - {id: guest-steps, label: Guest, layer: customer}
        stages:
          - id: arrival
            name: Arrival
            touchpoints:
              - name: Checks in
                actions: [Gives name]
                evidence: [Key card]
              - name: Goes to the room
                actions: [Takes the lift]
              - name: Calls reception
                lanes:
                  guest-steps: [Dials 9]
              - name: Sleeps
      `,
      errors: [
        {
          line: 15,
          column: 9,
          endLine: 15,
          endColumn: 16,
          message:
            'touchpoint "Goes to the room" has customer actions but no physical evidence: add under evidence what the customer sees or handles there (a screen, a letter, a sign)',
          subject: "touchpoint:arrival/Goes to the room",
        },
        {
          line: 18,
          column: 11,
          endLine: 18,
          endColumn: 22,
          message:
            'touchpoint "Calls reception" has customer actions but no physical evidence: add under evidence what the customer sees or handles there (a screen, a letter, a sign)',
          subject: "touchpoint:arrival/Calls reception",
        },
      ],
    },
  ],
});
