// missing-channel: a touchpoint without a channel.
import { testRule, yaml } from "../rule-tester.js";

testRule("missing-channel", {
  valid: [
    {
      name: "a channel on every touchpoint",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - name: Sees an ad
                channel: social
      `,
    },
  ],
  invalid: [
    {
      name: "no channel",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: awareness
            name: Awareness
            touchpoints:
              - id: ad
                name: Sees an ad
                owner: growth
      `,
      errors: [
        {
          line: 8,
          column: 9,
          endLine: 10,
          endColumn: 22,
          message:
            'touchpoint "Sees an ad" has no channel: add "channel: <where it happens>" such as web, mobile app, email, store or phone',
        },
      ],
    },
  ],
});
