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
