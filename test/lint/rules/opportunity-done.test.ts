// opportunity-done: done while a pain point it addresses is still listed (addresses, else all), or
// while its metric on the touchpoint (else the stage) is short of the target in the better direction.
import { testRule, yaml } from "../rule-tester.js";

testRule("opportunity-done", {
  valid: [
    {
      name: "done, with the fixed pain point gone and the metric on target",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        metrics: [{id: abandon, name: Slot abandonment, unit: ratio, better: lower}]
        stages:
          - id: decision
            name: Decision
            touchpoints:
              - name: Picks a slot
                painPoints: [Slots disappear while scrolling]
                metrics: {abandon: 0.12}
                opportunities:
                  - {id: next-free-slot, title: Next free slot, status: done, addresses: [No evening slots], metric: {id: abandon, target: 0.15}}
                  - Keep slots while scrolling
      `,
    },
    {
      name: "in progress with the pain still listed; a metric with no direction is not judged",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: decision
            name: Decision
            touchpoints:
              - name: Picks a slot
                painPoints: [No evening slots]
                metrics: {abandon: 0.4}
                opportunities:
                  - {id: next-free-slot, title: Next free slot, status: in-progress}
                  - {id: wallet, title: Wallet, status: done, addresses: [], metric: {id: abandon, target: 0.1}}
      `,
    },
  ],
  invalid: [
    {
      name: "a pain point still listed, and a metric on the stage still short of the opportunity's target",
      code: yaml`
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        metrics: [{id: conversion, name: Slot conversion, unit: percent, better: higher, target: 50}]
        stages:
          - id: decision
            name: Decision
            metrics: {conversion: 55}
            touchpoints:
              - name: Picks a slot
                painPoints: [No evening slots, Slots disappear]
                opportunities:
                  - id: next-free-slot
                    title: Next free slot
                    status: done
                    metric: {id: conversion, target: 60}
      `,
      errors: [
        {
          line: 15,
          column: 21,
          message:
            'opportunity "next-free-slot" at touchpoint "Picks a slot" is done but pain points "No evening slots" and "Slots disappear" are still listed there: remove what the work fixed, or set its status back to in-progress',
        },
        {
          line: 15,
          column: 21,
          message:
            'opportunity "next-free-slot" at touchpoint "Picks a slot" is done but Slot conversion there is 55% against its target of 60%: measure again once the change has landed, or set its status back to in-progress',
        },
      ],
    },
  ],
});
