// unknown-persona: undeclared persona ids in a touchpoint's personas list or emotion mapping,
// reported at the reference itself.
import { testRule, yaml } from "../rule-tester.js";

testRule("unknown-persona", {
  valid: [
    {
      name: "declared personas only",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}, {id: student, name: Sam}]
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
                personas: [parent, student]
                emotion: {parent: 3, student: 4}
      `,
    },
  ],
  invalid: [
    {
      name: "a misspelt id in the personas list",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}, {id: student, name: Sam}]
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
                personas: [parent, studnet]
      `,
      errors: [
        {
          line: 9,
          column: 28,
          endLine: 9,
          endColumn: 35,
          message: 'touchpoint "Sees an ad" names persona "studnet", which is not declared: did you mean "student"?',
        },
      ],
    },
    {
      name: "an undeclared key in the emotion mapping, block style",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
                emotion:
                  parent: 3
                  grandparent: 2
      `,
      errors: [
        {
          line: 11,
          column: 11,
          endColumn: 22,
          message: /^the emotion of touchpoint "Sees an ad" is scored for persona "grandparent", which is not declared/,
        },
      ],
    },
  ],
});

const SHARED = yaml`
  journeymap: 1
  personas:
    - id: parent
      name: Dana
    - id: student
      name: Sam
`;

// With shared definitions in scope: listed ids, touchpoints naming shared personas.
testRule("unknown-persona", {
  valid: [
    {
      name: "a listed shared persona and one a touchpoint names",
      shared: SHARED,
      code: yaml`
        journeymap: 1
        title: T
        personas: [parent]
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
                personas: [parent, student]
      `,
    },
  ],
  invalid: [
    {
      name: "a listed id that is neither local nor shared, and a touchpoint's typo of a shared id",
      shared: SHARED,
      code: yaml`
        journeymap: 1
        title: T
        personas: [parent, studnt]
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
                emotion: {stuent: 3}
      `,
      errors: [
        {
          line: 3,
          column: 20,
          message: 'the map lists persona "studnt", which is neither defined in it nor shared: did you mean "student"?',
          subject: "persona:studnt",
        },
        {
          line: 9,
          column: 19,
          message:
            'the emotion of touchpoint "Sees an ad" is scored for persona "stuent", which is not declared: did you mean "student"?',
        },
      ],
    },
  ],
});
