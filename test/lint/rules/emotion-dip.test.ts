// emotion-dip: a fall of 2 or more in a persona's emotion, from their previous touchpoint, with no pain point.
import { testRule, yaml } from "../rule-tester.js";

testRule("emotion-dip", {
  valid: [
    {
      name: "a dip explained by a pain point, and a fall of 1",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: decision
            name: Decision
            touchpoints:
              - name: Browses
                emotion: 5
              - name: Picks a slot
                emotion: 2
                painPoints: [No evening slots]
              - name: Pays
                emotion: 1
      `,
    },
    {
      name: "each persona is compared with their own previous touchpoint",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}, {id: student, name: Sam}]
        stages:
          - id: decision
            name: Decision
            touchpoints:
              - name: Browses
                personas: [parent]
                emotion: 5
              - name: Asks a friend
                personas: [student]
                emotion: 2
              - name: Pays
                emotion: {parent: 4, student: 3}
      `,
    },
  ],
  invalid: [
    {
      name: "a fall of 2 across stages, per-persona scores",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}, {id: student, name: Sam}]
        stages:
          - id: consideration
            name: Consideration
            touchpoints:
              - name: Browses
                emotion: {parent: 4, student: 4}
          - id: decision
            name: Decision
            touchpoints:
              - name: Picks a slot
                emotion: {parent: 2, student: 4}
      `,
      errors: [
        {
          line: 13,
          column: 9,
          endLine: 14,
          message:
            'emotion of persona "Dana" falls from 4 (positive) to 2 (negative) at touchpoint "Picks a slot" and no pain point explains it: add "painPoints" saying what went wrong',
        },
      ],
    },
    {
      name: "one score shared by every persona dips once for all of them",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}, {id: student, name: Sam}]
        stages:
          - id: decision
            name: Decision
            touchpoints:
              - name: Browses
                emotion: 5
              - name: Pays
                emotion: 1
      `,
      errors: [
        {
          line: 10,
          column: 9,
          message:
            'emotion of every persona falls from 5 (very positive) to 1 (very negative) at touchpoint "Pays" and no pain point explains it: add "painPoints" saying what went wrong',
          subject: "touchpoint:decision/Pays",
        },
      ],
    },
    {
      name: "personas that fall alike share a finding; one scored on their own falls on their own",
      code: yaml`
        journeymap: 1
        title: T
        personas:
          - {id: a, name: Ann}
          - {id: b, name: Bo}
          - {id: c, name: Cy}
          - {id: d, name: Di}
          - {id: e, name: Ed}
        stages:
          - id: decision
            name: Decision
            touchpoints:
              - name: Browses
                emotion: 5
              - name: Asks
                personas: [c]
                emotion: 4
              - name: Pays
                emotion: 2
              - name: Waits
                emotion: {a: 5, b: 5, d: 5}
              - name: Leaves
                personas: [a, b, d]
                emotion: 1
      `,
      errors: [
        {
          line: 18,
          column: 9,
          message:
            /^emotion of personas "Ann", "Bo", "Di" and 1 more falls from 5 \(very positive\) to 2 \(negative\) at touchpoint "Pays"/,
          subject: "touchpoint:decision/Pays persona:a persona:b persona:d +1",
        },
        {
          line: 18,
          column: 9,
          message: /^emotion of persona "Cy" falls from 4 \(positive\) to 2 \(negative\)/,
          subject: "touchpoint:decision/Pays persona:c",
        },
        {
          line: 22,
          column: 9,
          message: /^emotion of personas "Ann", "Bo" and "Di" falls from 5 \(very positive\) to 1/,
          subject: "touchpoint:decision/Leaves persona:a persona:b persona:d",
        },
      ],
    },
  ],
});
