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
    {
      name: "several personas missing from one stage share a finding, the first few named",
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
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
          - id: decision
            name: Decision
            touchpoints:
              - name: Pays by card
                personas: [c]
          - id: retention
            name: Retention
            touchpoints:
              - name: Orders again
                personas: [a, b, d]
      `,
      errors: [
        {
          line: 14,
          column: 5,
          message:
            'personas "Ann", "Bo", "Di" and 1 more have no touchpoint in stage "Decision", where other personas have some: map what they do here, or add them to a touchpoint\'s personas',
          subject: "persona:a persona:b persona:d +1 stage:decision",
        },
        {
          line: 19,
          column: 5,
          message:
            'personas "Cy" and "Ed" have no touchpoint in stage "Retention", where other personas have some: map what they do here, or add them to a touchpoint\'s personas',
          subject: "persona:c persona:e stage:retention",
        },
      ],
    },
  ],
});
