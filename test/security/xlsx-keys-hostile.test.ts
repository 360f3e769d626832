// The budget of docs/security.md for a team's own x- keys through Excel: a map of about 1 MB whose bulk is
// x- keys (100 on every touchpoint, definition and the map; distinct keys; one huge value; deep nesting;
// long JSON values) is rendered to .xlsx, and that workbook imported, each within 3 s and a 500 MB heap
// in a child process (import-child.mjs), or refused with a message. TIME_SLACK (default 2) loosens the
// time bound on a loaded machine.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { xlsxKeyMaps } from "../helpers/adversarial-xlsx-keys.js";
import { runCli } from "../helpers/cli.js";
import { inImportChild, type ImportOutcome } from "../helpers/import-child.js";

const folder = mkdtempSync(join(tmpdir(), "journeymap-xlsx-keys-hostile-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function run(mode: "render" | "import", file: string): ImportOutcome {
  return inImportChild(mode, file, file, 600);
}

/** What each shape gives: a workbook that imports back, or the refusal of the export or the import. */
const EXPECTED: Record<string, { render?: RegExp; import?: RegExp }> = {
  "100 keys everywhere": {},
  "distinct keys": { render: /^the Touchpoints sheet would need more than 100 columns of x- keys/ },
  "one huge value": { import: /^Touchpoints!\w+: the value was cut at Excel's 32,767 characters/ },
  "deep nesting": { import: /^Touchpoints!\w+: the workbook's JSON cells hold more than 20,000 lists and objects/ },
  "long JSON values": {},
};

describe("a 1 MB map of x- keys, rendered to .xlsx and imported back", () => {
  it("has an expectation for every shape", () => expect(Object.keys(EXPECTED)).toEqual(Object.keys(xlsxKeyMaps)));

  it.each(Object.keys(xlsxKeyMaps))(
    "%s",
    (shape) => {
      const name = shape.replace(/[^a-z0-9]+/gi, "-");
      const map = join(folder, `${name}.journey.yaml`);
      const text = xlsxKeyMaps[shape]!();
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1024 * 1024);
      writeFileSync(map, text);
      const expected = EXPECTED[shape]!;
      const rendered = run("render", map);
      if (expected.render) {
        expect(rendered.refusal).toMatch(expected.render);
        return;
      }
      expect(rendered.refusal).toBeUndefined();
      const xlsx = join(folder, `${name}.xlsx`);
      const written = runCli(["render", map, "-o", xlsx]);
      expect(written.code, written.stderr).toBe(0);
      const imported = run("import", xlsx);
      if (expected.import) expect(imported.refusal).toMatch(expected.import);
      else expect(imported.refusal).toBeUndefined();
    },
    120_000,
  );
});
