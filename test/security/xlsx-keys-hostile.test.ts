// The budget of docs/security.md for a team's own x- keys through Excel: a map of about 1 MB whose bulk is
// x- keys (100 on every touchpoint, definition and the map; distinct keys; one huge value; deep nesting;
// long JSON values) is rendered to .xlsx, and that workbook imported, each within 3 s and a 500 MB heap
// in a child process (import-child.mjs), or refused with a message. TIME_SLACK (default 2) loosens the
// time bound on a loaded machine.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { xlsxKeyMaps } from "../helpers/adversarial-xlsx-keys.js";
import { runCli } from "../helpers/cli.js";

const CHILD = fileURLToPath(new URL("./import-child.mjs", import.meta.url));
const BUDGET_MS = 3000 * Number(process.env.TIME_SLACK ?? 2);
const folder = mkdtempSync(join(tmpdir(), "journeymap-xlsx-keys-hostile-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Outcome {
  ms: number;
  cpuMs: number;
  size: number;
  refusal?: string;
  peakRss: number;
}

function run(mode: "render" | "import", file: string): Outcome {
  const child = spawnSync(process.execPath, ["--max-old-space-size=500", CHILD, mode, file], {
    encoding: "utf8",
    timeout: BUDGET_MS * 4,
    maxBuffer: 1 << 20,
    env: { ...process.env, NODE_EXTRA_CA_CERTS: undefined },
  });
  expect(child.error, "the child ran out of time").toBeUndefined();
  expect(child.stderr, "the child crashed (out of memory or a stack overflow)").toBe("");
  const outcome = JSON.parse(child.stdout) as Outcome;
  console.info(
    `${mode} ${file}: ${outcome.ms} ms (CPU ${outcome.cpuMs} ms), peak RSS ${outcome.peakRss} MB${outcome.refusal ? `, refused: ${outcome.refusal.slice(0, 120)}` : ""}`,
  );
  expect(outcome.cpuMs).toBeLessThan(BUDGET_MS);
  expect(outcome.peakRss).toBeLessThan(600);
  return outcome;
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
