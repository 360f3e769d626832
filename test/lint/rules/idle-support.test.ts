// idle-support: in a blueprint, a support process that no servedBy names, at the entry.
import { testRule, yaml } from "../rule-tester.js";
import { WELL_FORMED_BLUEPRINT } from "./blueprint-maps.js";

testRule("idle-support", {
  valid: [
    {
      name: "a well-formed blueprint",
      code: WELL_FORMED_BLUEPRINT,
    },
    {
      name: "the same support lane in a journey map",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: guest, name: Guest}]
        lanes:
          - {id: backstage, label: Back office, layer: backstage}
          - {id: systems, label: Systems, layer: support}
        stages:
          - id: arrival
            name: Arrival
            lanes:
              systems: Night audit
            touchpoints:
              - name: Checks in
                lanes:
                  backstage: [{id: lookup, text: Looks up the booking, servedBy: [pms]}]
                  systems:
                    - {id: pms, text: PMS}
                    - {id: crm, text: CRM}
                    - Email
      `,
    },
  ],
  invalid: [
    {
      name: "an entry nobody names, a text entry and a stage's text",
      code: yaml`
        journeymap: 1
        title: T
        type: blueprint
        personas: [{id: guest, name: Guest}]
        lanes:
          - {id: backstage, label: Back office, layer: backstage}
          - {id: systems, label: Systems, layer: support}
        stages:
          - id: arrival
            name: Arrival
            lanes:
              systems: Night audit
            touchpoints:
              - name: Checks in
                lanes:
                  backstage: [{id: lookup, text: Looks up the booking, servedBy: [pms]}]
                  systems:
                    - {id: pms, text: PMS}
                    - {id: crm, text: CRM}
                    - Email
      `,
      errors: [
        {
          line: 12,
          column: 16,
          endLine: 12,
          endColumn: 27,
          message:
            'support process "Night audit" of stage "Arrival" serves nothing: give it an id and name it under servedBy of the steps it serves, or remove it',
          subject: "stage:arrival lane:systems entry:0",
        },
        {
          line: 19,
          column: 20,
          endLine: 19,
          endColumn: 23,
          message:
            'support process "CRM" of touchpoint "Checks in" serves nothing: name "crm" under servedBy of the steps it serves, or remove it',
          subject: "touchpoint:arrival/Checks in lane:systems entry:crm",
        },
        {
          line: 20,
          column: 15,
          endLine: 20,
          endColumn: 20,
          message:
            'support process "Email" of touchpoint "Checks in" serves nothing: give it an id and name it under servedBy of the steps it serves, or remove it',
          subject: "touchpoint:arrival/Checks in lane:systems entry:2",
        },
      ],
    },
  ],
});
