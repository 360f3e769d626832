// Maps of about 1 MB built to give the most findings, the longest messages or the costliest code
// frames: the reports' hostile corpus (test/security/reports-hostile.test.ts). Each shape is a set of
// files (most are one map), so shapes spread over many maps fit the same mould.

const HEAD = "journeymap: 1\ntitle: T\nstages:\n  - id: s\n    name: S\n    touchpoints:\n";

/** Lines appended to HEAD until the map reaches `bytes`. */
function fill(line: (i: number) => string, bytes: number, head = HEAD): string {
  const lines = [head];
  let size = head.length;
  for (let i = 0; size < bytes; i++) {
    const next = line(i);
    lines.push(next);
    size += next.length;
  }
  return lines.join("");
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

export const adversarialReportMaps: Record<string, (bytes?: number) => Record<string, string>> = {
  // 29,000 touchpoints with nothing but an id and a name: three findings each (~87,000).
  touchpoints: (bytes = 990_000) => ({
    "touchpoints.journey.yaml": fill((i) => `      - {id: t${i}, name: T${i}}\n`, bytes),
  }),
  // Every two bytes an unknown persona reference: the densest findings found (~470,000).
  "persona references": (bytes = 990_000) => {
    const references = Array.from({ length: 400 }, (_, i) => LETTERS[i % 26]).join(",");
    return {
      "references.journey.yaml": fill((i) => `      - {id: t${i}, name: T${i}, personas: [${references}]}\n`, bytes),
    };
  },
  // ~270,000 findings (issue 19's figure): references at half the density.
  "270,000 findings": (bytes = 990_000) => {
    const references = Array.from({ length: 150 }, (_, i) => `${LETTERS[i % 26]}${LETTERS[(i * 7) % 26]}`).join(",");
    return {
      "findings.journey.yaml": fill((i) => `      - {id: t${i}, name: T${i}, personas: [${references}]}\n`, bytes),
    };
  },
  // One 400 KB name quoted by each of 8,000 findings: 3.2 GB of messages unless each is cut.
  "long name": () => {
    const references = Array.from({ length: 2_000 }, (_, i) => LETTERS[i % 26]).join(",");
    return {
      "long-name.journey.yaml": `${HEAD}      - {id: t, name: ${"N".repeat(400_000)}, personas: [${references}]}\n`,
    };
  },
  // One 400 KB touchpoint id in the subject of each of 2,000 findings (json lists subjects).
  "long id": () => {
    const references = Array.from({ length: 2_000 }, (_, i) => LETTERS[i % 26]).join(",");
    return {
      "long-id.journey.yaml": `${HEAD}      - {id: ${"n".repeat(400_000)}, name: T, personas: [${references}]}\n`,
    };
  },
  // Lines of 100,000 trailing spaces under findings whose range spans several lines (the code frame's
  // old pattern backtracked over the whole line for each).
  "blank lines": (bytes = 990_000) => ({
    "blank.journey.yaml": fill((i) => `      - id: t${i}${" ".repeat(100_000)}\n        name: T${i}\n`, bytes),
  }),
  // The whole map on one line (flow style): every finding's code frame is on a 1 MB line.
  "one line": (bytes = 990_000) => {
    const touchpoints: string[] = [];
    let size = 0;
    for (let i = 0; size < bytes - 100; i++) {
      const touchpoint = `{id: t${i}, name: T${i}}`;
      touchpoints.push(touchpoint);
      size += touchpoint.length + 2;
    }
    return {
      "one-line.journey.yaml": `{journeymap: 1, title: T, stages: [{id: s, name: S, touchpoints: [${touchpoints.join(", ")}]}]}\n`,
    };
  },
  // 500 maps of 2 KB: no rule reaches 1,000 in one map, the report's 25,000 in all does.
  "many maps": (bytes = 990_000) => {
    const maps: Record<string, string> = {};
    const each = 2_000;
    for (let m = 0; m * each < bytes; m++)
      maps[`maps/m${m}.journey.yaml`] = fill(
        (i) => `      - {id: t${i}, name: T${i}, personas: [a,b,c,d,e,f]}\n`,
        each,
      );
    return maps;
  },
};
