// A generated map (generate.mjs) with the lanes and tracked-work format: five declared lanes (one a text
// lane, blueprint layers), each touchpoint filling them with entries (objects with ids, servedBy arrows,
// a wait and a fail point among them) and tracking an opportunity as work. For the exports' benches.
import { generateMap } from "./generate.mjs";

const LANES = [
  "  - { id: frontstage, label: Front desk, layer: frontstage }",
  "  - { id: backstage, label: Back office, layer: backstage }",
  "  - { id: systems, label: Systems, kind: systems, layer: support }",
  "  - { id: policies, label: Policies, kind: text }",
  "  - { id: research, label: Research, kind: tags }",
];

export function generateLanedMap(options = {}) {
  let made = 0;
  return generateMap({ ...options, title: options.title ?? "Generated map with lanes" })
    .replace(
      "\nstages:\n",
      `\ntype: blueprint\nstatus: current\nreviewed: 2026-11-30\nlanes:\n${LANES.join("\n")}\nstages:\n`,
    )
    .replace(/ {8}opportunities: \[Answer faster\]\n/g, () => {
      const n = ++made;
      return [
        "        opportunities:",
        "          - Answer faster",
        `          - { id: work-${n}, title: Answer in one minute ${n}, owner: support, status: planned, value: ${(n % 5) + 1}, effort: ${((n + 2) % 5) + 1}, confidence: 60, issue: "https://example.com/issues/${n}", due: 2027-03-31, addresses: [Waits too long] }`,
        "        lanes:",
        `          frontstage: [{ id: greet-${n}, text: Greets the customer, servedBy: [look-${n}], wait: 2 min }, Hands over the order]`,
        `          backstage: [{ id: look-${n}, text: Looks up the order, servedBy: [crm-${n}], fail: { risk: Order not found, owner: support, opportunity: work-${n} } }]`,
        `          systems: [{ id: crm-${n}, text: CRM }, Order database]`,
        "          policies: Answer within a day",
        "          research: [Interview 12, Survey]",
        "",
      ].join("\n");
    });
}
