// unserved-frontstage: in a blueprint, a frontstage entry (a text, an object, a stage's one text) whose
// servedBy names no backstage action or support process, at the entry.
import { testRule, yaml } from "../rule-tester.js";
import { WELL_FORMED_BLUEPRINT } from "./blueprint-maps.js";

testRule("unserved-frontstage", {
  valid: [
    {
      name: "a well-formed blueprint",
      code: WELL_FORMED_BLUEPRINT,
    },
    {
      name: "the same entries in a journey map",
      code: yaml`
        journeymap: 1
        title: T
        type: journey
        personas: [{id: guest, name: Guest}]
        lanes:
          - {id: frontstage, label: Front desk, layer: frontstage}
          - {id: backstage, label: Back office, layer: backstage}
          - {id: systems, label: Systems, layer: support}
        stages:
          - id: arrival
            name: Arrival
            lanes: {frontstage: Doorman opens the door}
            touchpoints:
              - name: Checks in
                lanes:
                  frontstage:
                    - {id: greet, text: Greets, servedBy: [lookup]}
                    - {id: smile, text: Smiles, servedBy: [greet]}
                    - Hands over the key
                    - {id: wifi, text: Gives the wifi code, servedBy: [pms]}
                  backstage: [{id: lookup, text: Looks up the booking}]
                  systems: [{id: pms, text: PMS}]
      `,
    },
  ],
  invalid: [
    {
      name: "served by nothing, by another frontstage entry, a text entry and a stage's text",
      code: yaml`
        journeymap: 1
        title: T
        type: blueprint
        personas: [{id: guest, name: Guest}]
        lanes:
          - {id: frontstage, label: Front desk, layer: frontstage}
          - {id: backstage, label: Back office, layer: backstage}
          - {id: systems, label: Systems, layer: support}
        stages:
          - id: arrival
            name: Arrival
            lanes: {frontstage: Doorman opens the door}
            touchpoints:
              - name: Checks in
                lanes:
                  frontstage:
                    - {id: greet, text: Greets, servedBy: [lookup]}
                    - {id: smile, text: Smiles, servedBy: [greet]}
                    - Hands over the key
                    - {id: wifi, text: Gives the wifi code, servedBy: [pms]}
                  backstage: [{id: lookup, text: Looks up the booking}]
                  systems: [{id: pms, text: PMS}]
      `,
      errors: [
        {
          line: 12,
          column: 25,
          endLine: 12,
          endColumn: 47,
          message:
            'frontstage action "Doorman opens the door" of stage "Arrival" is served by no backstage action or support process: give the ones that make it happen an id and name them under servedBy',
          subject: "stage:arrival lane:frontstage entry:0",
        },
        {
          line: 18,
          column: 20,
          endLine: 18,
          endColumn: 25,
          message:
            'frontstage action "Smiles" of touchpoint "Checks in" is served by no backstage action or support process: give the ones that make it happen an id and name them under servedBy',
          subject: "touchpoint:arrival/Checks in lane:frontstage entry:smile",
        },
        {
          line: 19,
          column: 15,
          endLine: 19,
          endColumn: 33,
          message:
            'frontstage action "Hands over the key" of touchpoint "Checks in" is served by no backstage action or support process: give the ones that make it happen an id and name them under servedBy',
          subject: "touchpoint:arrival/Checks in lane:frontstage entry:2",
        },
      ],
    },
  ],
});
