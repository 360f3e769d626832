// unused-lane: a lane the map declares (or lists from a shared file) that no touchpoint or stage fills,
// at its id; a shared lane the map does not list is not the map's finding.
import { testRule, yaml } from "../rule-tester.js";

testRule("unused-lane", {
  valid: [
    {
      name: "every lane filled, one by a stage, one by a touchpoint",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: guest, name: Guest}]
        lanes:
          - {id: policies, label: Policies}
          - {id: systems, label: Systems}
        stages:
          - id: arrival
            name: Arrival
            lanes: {policies: Rooms ready by 15:00}
            touchpoints: [{name: Checks in, lanes: {systems: [PMS]}}]
      `,
    },
    {
      name: "a shared lane the map does not list",
      shared: "journeymap: 1\nlanes:\n  - id: systems\n    label: Systems\n",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: guest, name: Guest}]
        stages: [{id: arrival, name: Arrival}]
      `,
    },
  ],
  invalid: [
    {
      name: "a declared lane nobody fills, and a shared one listed but not filled",
      shared: "journeymap: 1\nlanes:\n  - id: systems\n    label: Systems\n",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: guest, name: Guest}]
        lanes:
          - id: policies
            label: Policies
          - systems
        stages: [{id: arrival, name: Arrival}]
      `,
      errors: [
        {
          line: 5,
          column: 9,
          endColumn: 17,
          message:
            'lane "Policies" (policies) is declared but no touchpoint or stage fills it: fill it under `lanes` where it applies, or remove it from lanes',
          subject: "lane:policies",
        },
        {
          line: 7,
          column: 5,
          message:
            'the shared lane "Systems" (systems) is declared but no touchpoint or stage fills it: fill it under `lanes` where it applies, or remove it from lanes',
          subject: "lane:systems",
        },
      ],
    },
  ],
});
