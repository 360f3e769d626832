// touchpoint-owner: a touchpoint with no owner, reported at the touchpoint's lines.
import { testRule, yaml } from "../rule-tester.js";

testRule("touchpoint-owner", {
  valid: [
    {
      name: "owned touchpoints",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
                owner: growth
      `,
    },
  ],
  invalid: [
    {
      name: "the second touchpoint has no owner",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: consideration
            name: Consideration
            touchpoints:
              - name: Reads reviews
                owner: growth
              - name: Compares prices
                channel: web
      `,
      errors: [
        {
          line: 10,
          column: 9,
          endLine: 11,
          endColumn: 21,
          message: 'touchpoint "Compares prices" has no owner: add "owner: <team>" so someone is accountable for it',
          subject: "touchpoint:consideration/Compares prices",
        },
      ],
    },
    {
      name: "a flow-style touchpoint",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: awareness
            name: Awareness
            touchpoints: [{name: Sees an ad, channel: social}]
      `,
      errors: [{ line: 7, column: 19, endLine: 7, endColumn: 54 }],
    },
  ],
});
