// missing-stage: expected stages (default funnel, a preset, or a list) that the map lacks.
import { testRule, yaml } from "../rule-tester.js";

const funnel = (stages: string[]) =>
  yaml`
  journeymap: 1
  title: Funnel
  personas:
    - id: parent
      name: Dana
  stages:
  ` + stages.map((id) => `  - id: ${id}\n    name: ${id}\n`).join("");

testRule("missing-stage", {
  valid: [
    {
      name: "every funnel stage present",
      code: funnel(["awareness", "consideration", "decision", "retention", "advocacy"]),
    },
    {
      name: "extra stages are allowed",
      code: funnel(["awareness", "consideration", "decision", "onboarding", "retention", "advocacy"]),
    },
    {
      name: "a saas map with the saas preset",
      code: funnel(["acquisition", "activation", "adoption", "retention", "expansion", "advocacy"]),
      stages: "saas",
    },
    { name: "no expected stages", code: funnel(["whatever"]), stages: [] },
  ],
  invalid: [
    {
      name: "one funnel stage missing, named, at the stages key",
      code: funnel(["awareness", "consideration", "decision", "advocacy"]),
      errors: [
        {
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 7,
          message:
            'expected stage "retention" is missing: add a stage with "id: retention" after stage "decision", or change the expected stages ("stages" in journeymap.config.yaml)',
        },
      ],
    },
    {
      name: "a missing first stage is placed before the next present one",
      code: funnel(["service", "post-service"]),
      stages: "service-design",
      errors: [
        {
          line: 6,
          column: 1,
          message: /expected stage "pre-service" is missing: add a stage with "id: pre-service" before stage "service"/,
          subject: "stage:pre-service",
        },
      ],
    },
    {
      name: "a configured list, every absent stage reported",
      code: funnel(["signup"]),
      stages: ["signup", "first-order", "repeat"],
      errors: [
        { line: 6, column: 1, message: /"first-order"/, subject: "stage:first-order" },
        { line: 6, column: 1, message: /"repeat"/, subject: "stage:repeat" },
      ],
    },
  ],
});
