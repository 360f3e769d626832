// duplicate-id: the second use of an id among personas, teams, stages or touchpoints, at its id value.
import { testRule, yaml } from "../rule-tester.js";

testRule("duplicate-id", {
  valid: [
    {
      name: "one id may be reused across kinds",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: support, name: Dana}]
        teams: [{id: support}]
        stages:
          - id: support
            name: Support
            touchpoints:
              - id: support
                name: Calls support
              - name: Without an id
              - name: Also without an id
      `,
    },
  ],
  invalid: [
    {
      name: "two touchpoints in different stages",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - id: browse
                name: Browses
          - id: decision
            name: Decision
            touchpoints:
              - id: browse
                name: Browses again
      `,
      errors: [
        {
          line: 13,
          column: 13,
          endLine: 13,
          endColumn: 19,
          message: 'touchpoint id "browse" is used twice (first used on line 8): give each touchpoint its own id',
        },
      ],
    },
    {
      name: "personas and stages",
      code: yaml`
        journeymap: 1
        title: T
        personas:
          - id: parent
            name: Dana
          - id: parent
            name: Dan
        stages:
          - id: awareness
            name: Awareness
          - id: awareness
            name: Awareness again
      `,
      errors: [
        {
          line: 6,
          column: 9,
          message: 'persona id "parent" is used twice (first used on line 4): give each persona its own id',
        },
        { line: 11, column: 9, message: /^stage id "awareness" is used twice \(first used on line 9\)/ },
      ],
    },
  ],
});

// A shared id listed twice is a duplicate as a local one is.
testRule("duplicate-id", {
  valid: [
    {
      name: "a shared persona listed once and named by touchpoints",
      shared: "journeymap: 1\npersonas:\n  - id: parent\n    name: Dana\n",
      code: yaml`
        journeymap: 1
        title: T
        personas: [parent]
        stages: [{id: awareness, name: Awareness, touchpoints: [{name: T, personas: [parent]}]}]
      `,
    },
  ],
  invalid: [
    {
      name: "a shared persona listed twice",
      shared: "journeymap: 1\npersonas:\n  - id: parent\n    name: Dana\n",
      code: yaml`
        journeymap: 1
        title: T
        personas: [parent, parent]
        stages: [{id: awareness, name: Awareness}]
      `,
      errors: [
        {
          line: 3,
          column: 20,
          message: 'persona id "parent" is used twice (first used on line 3): give each persona its own id',
        },
      ],
    },
  ],
});

// Lanes are listed like personas; lane entries' ids are one namespace across the map (servedBy names them).
testRule("duplicate-id", {
  valid: [
    {
      name: "lane entry ids unique across stages and touchpoints; a touchpoint may share one",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: guest, name: Guest}]
        lanes:
          - {id: frontstage, label: Front desk}
          - {id: backstage, label: Back office}
        stages:
          - id: arrival
            name: Arrival
            lanes: {backstage: [{id: lookup, text: Looks up the booking}]}
            touchpoints:
              - id: lookup
                name: Checks in
                lanes:
                  frontstage: [{id: greet, text: Greets}, Smiles]
                  backstage: [{id: lookup-again, text: Looks it up again}]
              - name: Leaves
                lanes:
                  frontstage: [{id: goodbye, text: Says goodbye}]
      `,
    },
  ],
  invalid: [
    {
      name: "a lane declared twice, and entry ids reused on a stage and another touchpoint",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: guest, name: Guest}]
        lanes:
          - {id: frontstage, label: Front desk}
          - {id: backstage, label: Back office}
          - {id: frontstage, label: Front desk again}
        stages:
          - id: arrival
            name: Arrival
            lanes: {backstage: [{id: lookup, text: Looks up the booking}]}
            touchpoints:
              - id: lookup
                name: Checks in
                lanes:
                  frontstage: [{id: greet, text: Greets}, Smiles]
                  backstage: [{id: lookup, text: Looks it up again}]
              - name: Leaves
                lanes:
                  frontstage: [{id: greet, text: Says goodbye}]
      `,
      errors: [
        {
          line: 7,
          column: 10,
          endLine: 7,
          endColumn: 20,
          message: 'lane id "frontstage" is used twice (first used on line 5): give each lane its own id',
          subject: "lane:frontstage",
        },
        {
          line: 17,
          column: 28,
          endLine: 17,
          endColumn: 34,
          message: 'lane entry id "lookup" is used twice (first used on line 11): give each lane entry its own id',
          subject: "touchpoint:arrival/lookup lane:backstage entry:lookup",
        },
        {
          line: 20,
          column: 29,
          endLine: 20,
          endColumn: 34,
          message: 'lane entry id "greet" is used twice (first used on line 16): give each lane entry its own id',
          subject: "touchpoint:arrival/Leaves lane:frontstage entry:greet",
        },
      ],
    },
  ],
});
