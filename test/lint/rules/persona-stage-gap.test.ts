// persona-stage-gap: a persona absent from a stage where other personas have touchpoints.
import { testRule, yaml } from "../rule-tester.js";

testRule("persona-stage-gap", {
  valid: [
    {
      name: "both personas in every stage with touchpoints",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}, {id: student, name: Sam}]
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
                personas: [parent]
              - name: Hears from a friend
                personas: [student]
          - id: decision
            name: Decision
            touchpoints:
              - name: Pays
          - id: advocacy
            name: Advocacy
      `,
    },
    {
      name: "one persona: nothing to compare",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: awareness
            name: Awareness
            touchpoints: [{name: Sees an ad}]
      `,
    },
  ],
  invalid: [
    {
      name: "the student skips a stage the parent goes through",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}, {id: student, name: Sam}]
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
          - id: decision
            name: Decision
            touchpoints:
              - name: Pays by card
                personas: [parent]
      `,
      errors: [
        {
          line: 9,
          column: 5,
          endLine: 13,
          message:
            'persona "Sam" has no touchpoint in stage "Decision", where other personas have some: map what they do here, or add "student" to a touchpoint\'s personas',
        },
      ],
    },
  ],
});
