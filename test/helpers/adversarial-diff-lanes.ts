// Hostile pairs of ~1 MB versions of a map for `journeymap diff` on the new format: thousands of declared
// lane entries and opportunity objects changed, one lane or one opportunity list of tens of thousands of
// entries with the same text and other ids (a pairing by text that scanned would be squared), and names
// that are Object.prototype's (`constructor`, `__proto__` as text). Each returns [old, new] YAML.

const HEADER = (lanes: string) => `journeymap: 1
title: Hostile lanes
type: blueprint
status: current
reviewed: 2026-01-01
owner: ops
personas:
  - { id: guest, name: Guest }
teams:
  - { id: ops, name: Ops }
lanes:
${lanes}
`;

const LANES = `  - { id: constructor, label: __proto__, layer: frontstage }
  - { id: backstage, label: Back office, layer: backstage }
  - { id: systems, label: toString, kind: systems, layer: support }
  - { id: policies, label: Policies, kind: text }`;

const TARGET = 1_000_000;

/** Touchpoints until the text is about 1 MB. */
function fill(head: string, touchpoint: (i: number) => string): string {
  const parts = [head, "stages:\n  - id: s\n    name: S\n    touchpoints:\n"];
  let size = parts[0]!.length + parts[1]!.length;
  for (let i = 0; size < TARGET; i++) {
    const text = touchpoint(i);
    parts.push(text);
    size += text.length;
  }
  return parts.join("");
}

export const adversarialLaneDiffs: Record<string, () => [string, string]> = {
  /** Every touchpoint's lane entries changed: text, servedBy, fail point, wait; a text lane old → new. */
  "lane entries changed": () => {
    const version = (after: boolean) =>
      fill(HEADER(LANES), (i) => {
        const v = after ? "b" : "a";
        return `      - id: t${i}
        name: T${i}
        lanes:
          constructor:
            - { id: f${i}, text: "__proto__ ${v}", wait: ${after ? "10 min" : "5 min"}, servedBy: [k${i}${after ? `, x${i}` : ""}] }
          backstage:
            - { id: k${i}, text: Looks up, fail: { risk: ${after ? "Lost" : "Gone"}, owner: ops } }
            - constructor
          systems: [{ id: x${i}, text: hasOwnProperty }, ${after ? "CRM" : "ERP"}]
          policies: "policy ${v}"
`;
      });
    return [version(false), version(true)];
  },
  /** One lane of ~40,000 entries with one text, every id different between the versions. */
  "one lane of same-text entries, other ids": () => {
    const version = (prefix: string) => {
      const entries: string[] = [];
      let size = 0;
      for (let i = 0; size < TARGET - 400; i++) {
        const entry = `            - { id: ${prefix}${i}, text: __proto__ }\n`;
        entries.push(entry);
        size += entry.length;
      }
      return `${HEADER(LANES)}stages:\n  - id: s\n    name: S\n    touchpoints:\n      - name: T\n        lanes:\n          backstage:\n${entries.join("")}`;
    };
    return [version("a"), version("b")];
  },
  /** Thousands of opportunity objects, each with its status, owner and scores moved; texts that became objects. */
  "opportunity objects changed": () => {
    const version = (after: boolean) =>
      fill(HEADER(LANES), (i) =>
        after
          ? `      - name: T${i}
        opportunities:
          - { id: o${i}, title: __proto__, owner: ops, status: in-progress, value: 5, effort: 1, confidence: 90, due: 2027-01-01, metric: { id: m, target: 2 } }
          - { id: p${i}, title: constructor, status: planned }
`
          : `      - name: T${i}
        opportunities:
          - { id: o${i}, title: __proto__, status: planned, value: 1, effort: 5, confidence: 10, due: 2026-01-01, metric: { id: m, target: 1 } }
          - constructor
`,
      );
    return [version(false), version(true)];
  },
  /** One touchpoint of ~30,000 opportunity objects with one title, every id different between the versions. */
  "one opportunity list of same titles, other ids": () => {
    const version = (prefix: string) => {
      const entries: string[] = [];
      let size = 0;
      for (let i = 0; size < TARGET - 400; i++) {
        const entry = `          - { id: ${prefix}${i}, title: same, status: idea }\n`;
        entries.push(entry);
        size += entry.length;
      }
      return `${HEADER(LANES)}stages:\n  - id: s\n    name: S\n    touchpoints:\n      - name: T\n        opportunities:\n${entries.join("")}`;
    };
    return [version("a"), version("b")];
  },
  /** Thousands of stages whose lanes changed, and declared lanes relabelled. */
  "stage lanes changed": () => {
    const version = (after: boolean) => {
      const lanes = Array.from(
        { length: 2000 },
        (_, i) => `  - { id: lane-${i}, label: "${after ? "New" : "Old"} ${i}" }`,
      ).join("\n");
      const parts = [HEADER(lanes), "stages:\n"];
      let size = parts[0]!.length;
      for (let i = 0; size < TARGET; i++) {
        const text = `  - id: s${i}\n    name: S${i}\n    lanes: { lane-${i % 2000}: [${after ? "b" : "a"}, constructor] }\n`;
        parts.push(text);
        size += text.length;
      }
      return parts.join("");
    };
    return [version(false), version(true)];
  },
};
