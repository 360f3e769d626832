// served-by-direction: in a blueprint, a servedBy naming an entry of the same row or a row above, at the
// id in the list; entries of lanes without a layer and maps that are not blueprints are not checked.
import { testRule, yaml } from "../rule-tester.js";
import { WELL_FORMED_BLUEPRINT } from "./blueprint-maps.js";

testRule("served-by-direction", {
  valid: [
    {
      name: "a well-formed blueprint: every arrow from a row below",
      code: WELL_FORMED_BLUEPRINT,
    },
    {
      name: "the same arrows in a journey map",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: guest, name: Guest}]
        lanes:
          - {id: customer, label: Guest, layer: customer}
          - {id: frontstage, label: Front desk, layer: frontstage}
          - {id: backstage, label: Back office, layer: backstage}
          - {id: systems, label: Systems, layer: support}
          - {id: notes, label: Notes}
        stages:
          - id: arrival
            name: Arrival
            touchpoints:
              - name: Checks in
                lanes:
                  customer: [{id: ask, text: Asks for a room, servedBy: [greet]}]
                  frontstage:
                    - {id: greet, text: Greets, servedBy: [lookup, smile, ask]}
                    - {id: smile, text: Smiles}
                  backstage: [{id: lookup, text: Looks up the booking, servedBy: [pms, note]}]
                  systems: [{id: pms, text: PMS, servedBy: [lookup]}]
                  notes: [{id: note, text: A note, servedBy: [ask]}]
      `,
    },
  ],
  invalid: [
    {
      name: "same row, a row above, and below the bottom row",
      code: yaml`
        journeymap: 1
        title: T
        type: blueprint
        personas: [{id: guest, name: Guest}]
        lanes:
          - {id: customer, label: Guest, layer: customer}
          - {id: frontstage, label: Front desk, layer: frontstage}
          - {id: backstage, label: Back office, layer: backstage}
          - {id: systems, label: Systems, layer: support}
          - {id: notes, label: Notes}
        stages:
          - id: arrival
            name: Arrival
            touchpoints:
              - name: Checks in
                lanes:
                  customer: [{id: ask, text: Asks for a room, servedBy: [greet]}]
                  frontstage:
                    - {id: greet, text: Greets, servedBy: [lookup, smile, ask]}
                    - {id: smile, text: Smiles}
                  backstage: [{id: lookup, text: Looks up the booking, servedBy: [pms, note]}]
                  systems: [{id: pms, text: PMS, servedBy: [lookup]}]
                  notes: [{id: note, text: A note, servedBy: [ask]}]
      `,
      errors: [
        {
          line: 19,
          column: 60,
          endLine: 19,
          endColumn: 65,
          message:
            'frontstage action "Greets" of touchpoint "Checks in" is served by "smile", in the same row: a blueprint\'s arrows come from the rows below, so name only the backstage actions or support processes that serve it',
          subject: "touchpoint:arrival/Checks in lane:frontstage entry:greet servedBy:smile",
        },
        {
          line: 19,
          column: 67,
          endLine: 19,
          endColumn: 70,
          message:
            'frontstage action "Greets" of touchpoint "Checks in" is served by "ask", a customer action, in a row above: a blueprint\'s arrows come from the rows below, so name only the backstage actions or support processes that serve it',
          subject: "touchpoint:arrival/Checks in lane:frontstage entry:greet servedBy:ask",
        },
        {
          line: 22,
          column: 53,
          endLine: 22,
          endColumn: 59,
          message:
            'support process "PMS" of touchpoint "Checks in" is served by "lookup", a backstage action, in a row above: support processes are the blueprint\'s bottom row, so nothing below serves them: move the entry to its row, or remove servedBy',
          subject: "touchpoint:arrival/Checks in lane:systems entry:pms servedBy:lookup",
        },
      ],
    },
  ],
});
