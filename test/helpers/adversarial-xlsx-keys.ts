// Maps of about 1 MB whose bulk is a team's own x- keys on the map, its stages, touchpoints and
// definitions, for the Excel export and its import (test/security/xlsx-keys-hostile.test.ts).

const MB = 1024 * 1024;

/** A flow mapping's x- keys: `x-k0: <value 0>, x-k1: ...`. */
const keysOf = (count: number, value: (index: number) => string) =>
  Array.from({ length: count }, (_, index) => `x-k${index}: ${value(index)}`).join(", ");

/** Touchpoints until the map is about `size` bytes, each written by `touchpoint`. */
function fill(head: string, touchpoint: (index: number) => string, size = MB - 4096): string {
  const lines = [head, "stages:", "  - id: s", "    name: S", "    touchpoints:"];
  let length = lines.join("\n").length;
  for (let index = 0; ; index++) {
    const line = `      - ${touchpoint(index)}`;
    length += Buffer.byteLength(line) + 1;
    if (length > size) break;
    lines.push(line);
  }
  return `${lines.join("\n")}\n`;
}

const HEAD = "journeymap: 1\ntitle: Keys\npersonas: [{ id: p, name: P }]";

/** A nested value `levels` deep: [[[...1...]]]. */
const nested = (levels: number) => `${"[".repeat(levels)}1${"]".repeat(levels)}`;

export const xlsxKeyMaps: Record<string, () => string> = {
  /** 100 keys (the most a sheet has) on every touchpoint, every stage, every definition and the map:
   * the fullest sheets the export writes. */
  "100 keys everywhere": () => {
    const keys = keysOf(100, (index) => String(index));
    const definitions = Array.from({ length: 20 }, (_, index) => `{ id: d${index}, name: D, ${keys} }`).join(", ");
    return fill(
      `journeymap: 1\ntitle: Keys\n${keysOf(100, (index) => `value ${index}`).replace(/, /g, "\n")}\npersonas: [${definitions}]\nteams: [${definitions.replace(/name: D, /g, "")}]`,
      (index) => `{ name: T${index}, ${keys} }`,
    );
  },
  /** As many distinct keys as 1 MB holds: refused at the 101st. */
  "distinct keys": () =>
    fill(HEAD, (index) => `{ name: T${index}, ${keysOf(8, (key) => String(key)).replace(/x-k/g, `x-t${index}-`)} }`),
  /** One text of 1 MB on the map, one list of 1 MB on a touchpoint: cut at a cell's 32,767 characters. */
  "one huge value": () =>
    `${HEAD}\nx-huge: ${"y".repeat(MB / 2)}\nstages:\n  - id: s\n    name: S\n    touchpoints:\n      - { name: T, x-list: [${Array.from({ length: MB / 2 / 8 }, (_, index) => `v${index}`).join(", ")}] }\n`,
  /** Every touchpoint's value nested as deep as the loader allows below it. */
  "deep nesting": () => fill(HEAD, (index) => `{ name: T${index}, x-deep: ${nested(56)} }`),
  /** Long JSON values on every touchpoint: a list of 2,000 texts each, the JSON columns' cells at their
   * longest. */
  "long JSON values": () =>
    fill(HEAD, (index) => `{ name: T${index}, x-list: [${Array.from({ length: 2_000 }, () => "ab").join(", ")}] }`),
};
