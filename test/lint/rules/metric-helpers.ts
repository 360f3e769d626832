// The map head the metric rules' cases share: one persona, a CSAT definition with a target and a
// warning threshold, and a checkout stage whose touchpoint the cases give metrics to.
export const HEAD = `journeymap: 1
title: T
personas: [{id: parent, name: Dana}]
metrics:
  - {id: csat, name: Customer satisfaction, unit: percent, better: higher, target: 80, warning: 70}
  - {id: ces, name: Effort, unit: score, better: lower, target: 3}
stages:
  - id: decision
    name: Checkout
    touchpoints:
      - id: pay
        name: Pays
`;
