// Issue 8, "nothing from a map controls a terminal or a CI log", through the built CLI: every command,
// every report format, every text rendering and every diff output, with hostile text in every field of
// the map and in its file name, prints on stdout and stderr no raw control character, no "##[" and no
// line the GitHub Actions runner would read as a workflow command (it trims leading spaces first).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { diffFormatNames, diffFormats } from "../../src/diff/formats.js";
import { renderFormats } from "../../src/render/formats.js";
import { reportFormatNames } from "../../src/report/index.js";
import { runCli, type CliRun } from "../helpers/cli.js";

const H = "\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202eRTL ##[add-mask]x\n::error::fake\r\n  ::stop-commands::t\u2028z";

function hostileMap(touchpointName: string) {
  return {
    journeymap: 1,
    title: `::error::${H}`,
    description: `:: ${H}`,
    tags: [H],
    personas: [
      { id: "p", name: `P ${H}` },
      { id: "q", name: `Q ${H}` },
    ],
    teams: [{ id: "t", name: `team ${H}` }],
    stages: [
      {
        id: "awareness",
        name: `S ${H}`,
        description: `  ::warning::${H}`,
        touchpoints: [
          {
            name: touchpointName,
            channel: `ch ${H}`,
            owner: `nobody ${H}`,
            personas: ["p", `zz ${H}`],
            emotion: { p: 1, [`q ${H}`]: 2 },
            painPoints: [`pain ${H}`],
            opportunities: [`opp ${H}`],
            metrics: { [`m ${H}`]: `v ${H}` },
          },
          { name: `TP2 ${H}`, channel: "web", owner: "t", emotion: 5 },
        ],
      },
    ],
  };
}

const folder = mkdtempSync(join(tmpdir(), "journeymap-cli-output-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const NAME = `::stop-commands::x \u001b]0;t\u0007 ##[e]\u202e.journey.yaml`;
writeFileSync(join(folder, NAME), stringify(hostileMap(`TP ${H}`)));
// A second version of the map, for diff: a renamed touchpoint, and an unknown key that names itself.
writeFileSync(
  join(folder, "new.journey.yaml"),
  stringify(hostileMap(`TP renamed ${H}`)).replace("journeymap: 1", `journeymap: 1\n${JSON.stringify(`own ${H}`)}: 3`),
);
writeFileSync(join(folder, "valid.journey.yaml"), stringify({ ...hostileMap(`TP ${H}`), teams: undefined }));

/** What the runner or a terminal would act on. */
function expectInert(run: CliRun, label: string): void {
  for (const [stream, text] of [
    ["stdout", run.stdout],
    ["stderr", run.stderr],
  ] as const) {
    const where = `${label} (${stream})`;
    expect(text, where).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(text, where).not.toContain("##[");
    const commands = text.split("\n").filter((line) => line.trimStart().startsWith("::"));
    // The github format's own annotations are the only workflow commands, one per line.
    const ours = /^::(error|warning|notice) file=[^\n]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^\n]*::/;
    expect(
      commands.filter((line) => !ours.test(line)),
      where,
    ).toEqual([]);
  }
}

const run = (args: string[], env: Record<string, string> = {}) => runCli(args, { cwd: folder, env });

describe("hostile map text and file names reach no terminal or CI log raw", () => {
  it.each(reportFormatNames)("lint -f %s", (format) => {
    const result = run(["lint", ".", "-f", format]);
    expect(result.code).toBe(1);
    expectInert(result, `lint -f ${format}`);
  });

  it("lint with the default report on GitHub Actions (stylish and annotations)", () => {
    const result = run(["lint", "."], { GITHUB_ACTIONS: "true" });
    expect(result.stdout).toContain(":\u200b:stop-commands::x \\x1b]0;t\\x07 #\u200b#[e]\\u202e.journey.yaml\n");
    expectInert(result, "lint on Actions");
  });

  it.each(["stylish", "json"])("validate -f %s", (format) => {
    const result = run(["validate", ".", "-f", format]);
    expect(result.code).toBe(1);
    expectInert(result, `validate -f ${format}`);
  });

  const textFormats = Object.entries(renderFormats).flatMap(([name, spec]) => (spec.kind === "text" ? [name] : []));
  it.each(textFormats)("render -f %s to standard output", (format) => {
    for (const extra of [[], ["--front-matter"], ["--theme", "dark"]]) {
      const result = run(["render", "valid.journey.yaml", "-f", format, ...extra]);
      expect(result.code, result.stderr).toBe(0);
      expectInert(result, `render -f ${format} ${extra.join(" ")}`);
    }
  });

  it("render's messages on standard error (a written file, a map with errors)", () => {
    const written = run(["render", NAME, "-f", "markdown", "-o", "out/"]);
    expect(written.stderr).toContain("✔ ::stop-commands::x \\x1b]0;t\\x07 #\u200b#[e]\\u202e.journey.yaml → out/");
    expectInert(written, "render -o");
    const broken = run(["render", "new.journey.yaml"]);
    expect(broken.code).toBe(1);
    expectInert(broken, "render of a map with errors");
  });

  // Binary outputs (PNG) are bytes for a file or a pipe, not text for a terminal: render refuses a terminal for them.
  const diffTextOutputs = diffFormatNames.filter((name) => {
    const format = diffFormats[name];
    return format.kind === "text" || format.output === "text";
  });
  it.each(diffTextOutputs)("diff -f %s", (format) => {
    const result = run(["diff", NAME, "valid.journey.yaml", "-f", format]);
    expect(result.code, result.stderr).toBe(0);
    expectInert(result, `diff -f ${format}`);
  });

  it("diff of a map with errors (the message names its file)", () => {
    const result = run(["diff", NAME, "new.journey.yaml"]);
    expect(result.code).toBe(2);
    expectInert(result, "diff with an invalid map");
  });

  it("lint --fix-dry-run's diff and --print-config", () => {
    const dry = run(["lint", NAME, "--fix-dry-run"]);
    expect(dry.stdout).toContain(`--- :\u200b:stop-commands::x \\x1b]0;t\\x07 #\u200b#[e]\\u202e.journey.yaml\n`);
    expectInert(dry, "--fix-dry-run");
    const printed = run(["lint", "--print-config", NAME]);
    expect(printed.code).toBe(0);
    expectInert(printed, "--print-config");
  });

  it("error messages that quote a file name, a format or an option", () => {
    for (const args of [
      ["lint", `missing ${H}.journey.yaml`],
      ["validate", `missing ${H}`],
      ["render", `missing ${H}`],
      ["lint", ".", "-f", `x${H}`],
      ["render", NAME, "-f", `x${H}`],
      ["diff", NAME, NAME, "-f", `x${H}`],
      ["rules", "-f", `x${H}`],
      ["lint", `--${H}`],
      [`${H}`],
    ]) {
      const result = run(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
      expectInert(result, args.join(" "));
    }
  });
});
