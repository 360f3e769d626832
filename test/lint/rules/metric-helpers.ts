// What the metric rules' cases share: a map head with one persona, a CSAT definition with a target
// and a warning threshold, and a checkout stage whose touchpoint the cases give metrics to; a map
// without definitions, whose free-form metrics no definition rule checks; and the same head measuring
// the metrics of a journeymap.shared.yaml instead of its own.
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

/** No definitions: a stage value, a number and a text value, as maps wrote metrics before. */
export const FREE_FORM = `journeymap: 1
title: T
personas: [{id: parent, name: Dana}]
stages:
  - id: decision
    name: Checkout
    metrics: {anything: 3}
    touchpoints:
      - name: Pays
        metrics: {click-through: 0.12, nps: "+31"}
`;

/** A journeymap.shared.yaml that defines CSAT (target 80) and effort for every map below it. */
export const SHARED_METRICS = `journeymap: 1
metrics:
  - {id: csat, name: Shared CSAT, unit: percent, better: higher, target: 80}
  - {id: ces, name: Effort, unit: score, better: lower, target: 3}
`;

/** HEAD without a metrics list of its own: the metrics it measures are the shared ones. */
export const SHARED_HEAD = HEAD.replace(/^metrics:\n(?: {2}- .*\n)+/m, "");
