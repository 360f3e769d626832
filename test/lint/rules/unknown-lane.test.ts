// unknown-lane: a touchpoint or stage filling an undeclared lane is reported at the lane's key, with
// "did you mean" from the declared (and shared) lanes; a listed id that nothing defines at its item.
import { testRule, yaml } from "../rule-tester.js";

const head = yaml`
  journeymap: 1
  title: T
  personas: [{id: guest, name: Guest}]
  lanes:
    - {id: frontstage, label: Front desk}
    - {id: systems, label: Systems}
`;

testRule("unknown-lane", {
  valid: [
    {
      name: "touchpoints and stages fill declared lanes",
      code:
        head +
        yaml`
          stages:
            - id: arrival
              name: Arrival
              lanes: {systems: PMS}
              touchpoints:
                - name: Checks in
                  lanes: {frontstage: [Greets]}
        `,
    },
    {
      name: "a map with no lanes filled and none declared",
      code: "journeymap: 1\ntitle: T\npersonas: [{id: guest, name: Guest}]\nstages: [{id: arrival, name: Arrival}]\n",
    },
  ],
  invalid: [
    {
      name: "a misspelt lane on a touchpoint, and a lane named like an Object property on a stage",
      code:
        head +
        yaml`
          stages:
            - id: arrival
              name: Arrival
              lanes:
                constructor: [Rules]
              touchpoints:
                - name: Checks in
                  lanes:
                    frontstag: [Greets]
        `,
      errors: [
        {
          line: 11,
          column: 7,
          endLine: 11,
          endColumn: 18,
          message:
            'stage "Arrival" fills lane "constructor", which is not declared: use one of frontstage and systems, or declare it under lanes (an id and a label), or in a journeymap.shared.yaml in this folder or above',
          subject: "stage:arrival lane:constructor",
        },
        {
          line: 15,
          column: 11,
          endColumn: 20,
          message: 'touchpoint "Checks in" fills lane "frontstag", which is not declared: did you mean "frontstage"?',
          subject: "touchpoint:arrival/Checks in lane:frontstag",
        },
      ],
    },
    {
      name: "no lanes declared at all",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: guest, name: Guest}]
        stages:
          - id: arrival
            name: Arrival
            touchpoints:
              - name: Checks in
                lanes: {systems: [PMS]}
      `,
      errors: [
        {
          line: 9,
          column: 17,
          message:
            'touchpoint "Checks in" fills lane "systems", which is not declared: declare it under lanes (an id and a label), or in a journeymap.shared.yaml in this folder or above',
        },
      ],
    },
  ],
});

// Shared lanes in scope are declared for every map below them, listed or not.
testRule("unknown-lane", {
  valid: [
    {
      name: "a shared lane filled without being listed",
      shared: "journeymap: 1\nlanes:\n  - id: systems\n    label: Systems\n",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: guest, name: Guest}]
        stages: [{id: arrival, name: Arrival, lanes: {systems: PMS}}]
      `,
    },
  ],
  invalid: [
    {
      name: "a listed id no shared file defines, and a lane close to a shared one",
      shared: "journeymap: 1\nlanes:\n  - id: systems\n    label: Systems\n",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: guest, name: Guest}]
        lanes: [polices]
        stages: [{id: arrival, name: Arrival, lanes: {sytems: PMS}}]
      `,
      errors: [
        {
          line: 4,
          column: 9,
          message:
            'the map lists lane "polices", which is neither defined in it nor shared: use one of systems, or declare it under lanes (an id and a label), or in a journeymap.shared.yaml in this folder or above',
          subject: "lane:polices",
        },
        {
          line: 5,
          column: 47,
          message: 'stage "Arrival" fills lane "sytems", which is not declared: did you mean "systems"?',
        },
      ],
    },
  ],
});
