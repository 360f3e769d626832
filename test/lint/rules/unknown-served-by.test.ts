// unknown-served-by: a servedBy id that names no lane entry of the map, at the id in the list, with
// "did you mean" from the map's entry ids; in any map, blueprint or not.
import { testRule, yaml } from "../rule-tester.js";

const head = yaml`
  journeymap: 1
  title: T
  personas: [{id: guest, name: Guest}]
  lanes:
    - {id: frontstage, label: Front desk, layer: frontstage}
    - {id: backstage, label: Back office, layer: backstage}
`;

testRule("unknown-served-by", {
  valid: [
    {
      name: "servedBy names entries on another touchpoint and on a stage",
      code:
        head +
        yaml`
          stages:
            - id: arrival
              name: Arrival
              lanes: {backstage: [{id: clean, text: Cleans the room}]}
              touchpoints:
                - name: Checks in
                  lanes: {frontstage: [{id: greet, text: Greets, servedBy: [lookup, clean]}]}
                - name: Waits
                  lanes: {backstage: [{id: lookup, text: Looks up the booking}]}
        `,
    },
  ],
  invalid: [
    {
      name: "a typo gets a suggestion, an unrelated id the list of ids",
      code:
        head +
        yaml`
          stages:
            - id: arrival
              name: Arrival
              touchpoints:
                - name: Checks in
                  lanes:
                    frontstage:
                      - id: greet
                        text: Greets
                        servedBy: [lookp, housekeeping]
                    backstage: [{id: lookup, text: Looks up the booking}]
        `,
      errors: [
        {
          line: 16,
          column: 26,
          endColumn: 31,
          message:
            'frontstage action "Greets" of touchpoint "Checks in" is served by "lookp", which is no lane entry\'s id: did you mean "lookup"?',
          subject: "touchpoint:arrival/Checks in lane:frontstage entry:greet servedBy:lookp",
        },
        {
          line: 16,
          column: 33,
          message:
            'frontstage action "Greets" of touchpoint "Checks in" is served by "housekeeping", which is no lane entry\'s id: use one of greet and lookup, or give the entry that serves it "id: housekeeping"',
        },
      ],
    },
    {
      name: "an unknown id named twice by one entry is one finding, at its first place",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: guest, name: Guest}]
        lanes: [{id: systems, label: Systems}]
        stages:
          - id: arrival
            name: Arrival
            lanes: {systems: [{id: pms, text: PMS, servedBy: [network, network, pms, network]}]}
      `,
      errors: [
        {
          line: 8,
          column: 55,
          message:
            '"systems" entry "PMS" of stage "Arrival" is served by "network", which is no lane entry\'s id: use one of pms, or give the entry that serves it "id: network"',
        },
      ],
    },
    {
      name: "a journey map's lane without a layer, and no entry ids at all",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: guest, name: Guest}]
        lanes: [{id: systems, label: Systems}]
        stages:
          - id: arrival
            name: Arrival
            lanes: {systems: [{text: PMS, servedBy: [network]}]}
      `,
      errors: [
        {
          line: 8,
          column: 46,
          message:
            '"systems" entry "PMS" of stage "Arrival" is served by "network", which is no lane entry\'s id: give the entry that serves it "id: network"',
        },
      ],
    },
  ],
});

// A flood of unknown ids on one entry: its first 10 one by one, then one finding that counts the rest.
const FLOOD = "n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, n3, n11, n12, n13";
const floodLine = `    lanes: {systems: [{id: pms, text: PMS, servedBy: [${FLOOD}]}]}`;
const floodColumn = (id: string) => floodLine.indexOf(`[${FLOOD}`) + 2 + `${FLOOD}, `.indexOf(`${id},`);

testRule("unknown-served-by", {
  valid: [
    {
      name: "a known id named many times",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: guest, name: Guest}]
        lanes: [{id: systems, label: Systems}]
        stages:
          - id: arrival
            name: Arrival
            lanes: {systems: [{id: pms, text: PMS}, {id: net, text: Network, servedBy: [pms, pms, pms, pms]}]}
      `,
    },
  ],
  invalid: [
    {
      name: "13 unknown ids on one entry (one named twice): 10 findings, then one for the other 3",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: guest, name: Guest}]
        lanes: [{id: systems, label: Systems}]
        stages:
          - id: arrival
            name: Arrival
            lanes: {systems: [{id: pms, text: PMS, servedBy: [${FLOOD}]}]}
      `,
      errors: [
        ...["n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9", "n10"].map((id) => ({
          line: 8,
          column: floodColumn(id),
          message: `"systems" entry "PMS" of stage "Arrival" is served by "${id}", which is no lane entry's id: use one of pms, or give the entry that serves it "id: ${id}"`,
          subject: `stage:arrival lane:systems entry:pms servedBy:${id}`,
        })),
        {
          line: 8,
          column: floodColumn("n11"),
          message:
            '"systems" entry "PMS" of stage "Arrival" is served by 3 more ids that name no lane entry, from "n11" on (the first 10 are reported one by one): correct them to the ids of the entries that serve it, or remove them',
          subject: "stage:arrival lane:systems entry:pms servedBy:+more",
        },
      ],
    },
  ],
});
