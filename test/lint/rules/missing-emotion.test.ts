// missing-emotion: a touchpoint without an emotion score.
import { testRule, yaml } from "../rule-tester.js";

testRule("missing-emotion", {
  valid: [
    {
      name: "one score, and a score per persona",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
                emotion: 3
              - name: Reads reviews
                emotion: {parent: 4}
      `,
    },
  ],
  invalid: [
    {
      name: "no emotion",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
                emotion: 3
              - name: Reads reviews
                channel: web
      `,
      errors: [
        {
          line: 10,
          column: 9,
          endLine: 11,
          message:
            'touchpoint "Reads reviews" has no emotion: add "emotion: <1-5>" (1 very negative, 5 very positive), or a score per persona',
        },
      ],
    },
  ],
});
