// opportunity-metric: the metric an opportunity should move is declared (in the map or shared) or
// measured somewhere on the map; else it is reported at the metric's id.
import { testRule, yaml } from "../rule-tester.js";

testRule("opportunity-metric", {
  valid: [
    {
      name: "a metric measured on a touchpoint, with no definitions",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: decision
            name: Decision
            metrics: {conversion: 0.4}
            touchpoints:
              - name: Picks a slot
                opportunities:
                  - {id: next-free-slot, title: Next free slot, metric: {id: conversion, target: 0.5}}
      `,
    },
    {
      name: "a declared metric not measured yet",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        metrics: [{id: csat, name: Satisfaction}]
        stages:
          - id: decision
            name: Decision
            touchpoints:
              - name: Picks a slot
                opportunities:
                  - {id: next-free-slot, title: Next free slot, metric: {id: csat}}
      `,
    },
  ],
  invalid: [
    {
      name: "a misspelt metric gets a suggestion; an unknown one the list",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: decision
            name: Decision
            touchpoints:
              - name: Picks a slot
                metrics: {slot-abandon-rate: 0.31}
                opportunities:
                  - {id: next-free-slot, title: Next free slot, metric: {id: slot-abandon-rates}}
                  - id: wallet
                    metric: {id: nps}
      `,
      errors: [
        {
          line: 11,
          column: 70,
          message:
            'opportunity "next-free-slot" at touchpoint "Picks a slot" should move metric "slot-abandon-rates", which the map neither declares nor measures: did you mean "slot-abandon-rate"?',
          subject: "touchpoint:decision/Picks a slot:opportunity:next-free-slot",
        },
        {
          line: 13,
          column: 26,
          message:
            'opportunity "wallet" at touchpoint "Picks a slot" should move metric "nps", which the map neither declares nor measures: use one of slot-abandon-rate, or declare it under metrics',
        },
      ],
    },
  ],
});
