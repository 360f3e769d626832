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

// An entry naming itself draws no arrow, in any lane of a blueprint; a flood of wrong ids on one entry is
// reported 10 at a time, then one finding counts the rest.
const SAME_ROW = Array.from({ length: 12 }, (_, i) => `f${i + 1}`);
const sameRowLine = `            - {id: hub, text: Hub, servedBy: [${SAME_ROW.join(", ")}]}`;
const sameRowColumn = (id: string) => sameRowLine.indexOf(`${id},`) + 1 || sameRowLine.indexOf(`${id}]`) + 1;

testRule("served-by-direction", {
  valid: [
    {
      name: "an entry naming itself in a journey map (blueprints only are checked)",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: guest, name: Guest}]
        lanes: [{id: frontstage, label: Front desk, layer: frontstage}]
        stages:
          - id: arrival
            name: Arrival
            touchpoints:
              - name: Checks in
                lanes: {frontstage: [{id: greet, text: Greets, servedBy: [greet]}]}
      `,
    },
  ],
  invalid: [
    {
      name: "an entry naming itself, in a row and in a lane without a layer",
      code: yaml`
        journeymap: 1
        title: T
        type: blueprint
        personas: [{id: guest, name: Guest}]
        lanes:
          - {id: frontstage, label: Front desk, layer: frontstage}
          - {id: backstage, label: Back office, layer: backstage}
          - {id: notes, label: Notes}
        stages:
          - id: arrival
            name: Arrival
            touchpoints:
              - name: Checks in
                lanes:
                  frontstage: [{id: greet, text: Greets, servedBy: [lookup, greet, greet]}]
                  backstage: [{id: lookup, text: Looks up the booking}]
                  notes: [{id: note, text: A note, servedBy: [note]}]
      `,
      errors: [
        {
          line: 15,
          column: 69,
          endLine: 15,
          endColumn: 74,
          message:
            'frontstage action "Greets" of touchpoint "Checks in" is served by "greet", its own id: an entry cannot serve itself, so no arrow is drawn; remove "greet" from its servedBy',
          subject: "touchpoint:arrival/Checks in lane:frontstage entry:greet servedBy:greet",
        },
        {
          line: 17,
          column: 55,
          message:
            '"notes" entry "A note" of touchpoint "Checks in" is served by "note", its own id: an entry cannot serve itself, so no arrow is drawn; remove "note" from its servedBy',
          subject: "touchpoint:arrival/Checks in lane:notes entry:note servedBy:note",
        },
      ],
    },
    {
      name: "12 entries of the same row on one entry: 10 findings, then one for the other 2",
      code: yaml`
        journeymap: 1
        title: T
        type: blueprint
        personas: [{id: guest, name: Guest}]
        lanes: [{id: frontstage, label: Front desk, layer: frontstage}]
        stages:
          - id: arrival
            name: Arrival
            touchpoints:
              - name: Checks in
                lanes:
                  frontstage:
                    - {id: hub, text: Hub, servedBy: [${SAME_ROW.join(", ")}]}
                    - ${SAME_ROW.map((id) => `{id: ${id}, text: F}`).join("\n                    - ")}
      `,
      errors: [
        ...SAME_ROW.slice(0, 10).map((id) => ({
          line: 13,
          column: sameRowColumn(id),
          message: `frontstage action "Hub" of touchpoint "Checks in" is served by "${id}", in the same row: a blueprint's arrows come from the rows below, so name only the backstage actions or support processes that serve it`,
        })),
        {
          line: 13,
          column: sameRowColumn("f11"),
          message:
            'frontstage action "Hub" of touchpoint "Checks in" is served by 2 more entries in its own row or a row above (or itself), from "f11" on (the first 10 are reported one by one): a blueprint\'s arrows come from the rows below, so name only the backstage actions or support processes that serve it',
          subject: "touchpoint:arrival/Checks in lane:frontstage entry:hub servedBy:+more",
        },
      ],
    },
  ],
});
