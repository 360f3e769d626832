// Maps built to break the declared lanes where the earlier hostile suites did not look: a deck of a map that
// scores emotions and follows no persona, and two ~1 MB versions of a map whose every lane declaration
// changed (kind, blueprint layer, description, order reversed), for the diff of declarations.

const KINDS = ["list", "text", "tags", "people", "systems"];
const LAYERS = ["customer", "frontstage", "backstage", "support"];

/** A map with emotion scores and no persona: the picture draws no curve, the deck must not chart one. */
export const scoredWithoutPersonas = `journeymap: 1
title: No persona
lanes:
  - {id: systems, label: Systems, kind: systems}
stages:
  - id: s
    name: Stay
    touchpoints:
      - name: Checks in
        emotion: 2
        lanes: {systems: [PMS]}
      - name: Checks out
        emotion: 4
`;

/** Two versions of `count` declared lanes: the new one reverses their order (`order`), gives each another
 * kind, layer and description, and each lane is filled by one touchpoint the same way in both. */
export function redeclaredLanes(count: number): { old: string; new: string } {
  const version = (changed: boolean) => {
    const lines = ["journeymap: 1", "title: Redeclared", "personas: [{id: p, name: Guest}]", "lanes:"];
    for (let k = 0; k < count; k++) {
      const shift = changed ? 1 : 0;
      lines.push(
        `  - {id: lane-${k}, label: "Lane ${k}", kind: ${KINDS[(k + shift) % 5]}, layer: ${LAYERS[(k + shift) % 4]}, description: "d${changed ? "+" : ""}", order: ${changed ? count - k : k}}`,
      );
    }
    lines.push("stages:", "  - id: s", "    name: Stay", "    touchpoints:");
    for (let k = 0; k < count; k++) lines.push(`      - {name: "T${k}", lanes: {lane-${k}: [v]}}`);
    return `${lines.join("\n")}\n`;
  };
  return { old: version(false), new: version(true) };
}

/** Declared lanes whose ids and labels are the built-in fields' (actions, evidence, pain points, owner),
 * filled beside those fields on one touchpoint: each value must stay on its side in every round trip. */
export const lanesNamedLikeFields = `journeymap: 1
title: Clash
personas: [{id: p, name: P}]
lanes:
  - {id: actions, label: Actions}
  - {id: evidence, label: Evidence, kind: tags}
  - {id: pain-points, label: Pain points}
  - {id: owner, label: Owner, kind: people}
stages:
  - id: s
    name: S
    lanes: {actions: [Stage-wide lane action]}
    touchpoints:
      - id: t
        name: T
        owner: p
        actions: [Built-in action]
        evidence: [Built-in evidence]
        painPoints: [Built-in pain]
        lanes:
          actions: [Lane action]
          evidence: [Lane tag]
          pain-points: [Lane pain]
          owner: [Lane person]
`;

/** A lane entry, its fail point and an opportunity's title, each with a right-to-left override (U+202E)
 * left open: in a deck's cell, journeymap writes a fail point's owner and an opportunity's status after them. */
export const openOverrides = `journeymap: 1
title: Overrides
personas: [{id: p, name: Guest}]
teams: [{id: desk, name: Front desk}]
lanes:
  - {id: back, label: Backstage, layer: backstage}
stages:
  - id: s
    name: Stay
    touchpoints:
      - name: Checks in
        owner: desk
        painPoints: [Queue]
        opportunities:
          - {id: mobile-key, title: "Mobile \u202Ekey", status: planned, owner: desk}
        lanes:
          back:
            - {text: "Looks up \u202Ebooking", wait: "5 \u202Emin", fail: {risk: "Not \u202Efound", owner: desk}}
`;
