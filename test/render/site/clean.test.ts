// The docs site's Markdown is clean: markdownlint-cli2 (with docs/site.markdownlint.jsonc, the documented
// minimal configuration) finds nothing and Prettier leaves every page as it is, for the example
// repository and for a hostile map; Prettier's own table widths are the oracle for textWidth.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { format } from "prettier";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inline, table } from "../../../src/render/markdown.js";
import { textWidth } from "../../../src/render/text-width.js";
import { ROOT, runCli } from "../../helpers/cli.js";

const MARKDOWNLINT = join(ROOT, "node_modules/.bin/markdownlint-cli2");
const HOSTILE = `journeymap: 1
title: "Tricky | pipes, *stars*, <b>tags</b>, {{ 7 * 191 }} and # hashes"
personas:
  - id: a
    name: "Ana — café ☕ 日本語"
    goals: ["- not a list", "1. not a numbered list"]
  - id: b
    name: "Ana — café ☕ 日本語"
stages:
  - id: s
    name: "Stage ⚠ one"
    touchpoints:
      - name: "Wide 😀 ｆｕｌｌ cells and e\\u0301 combining"
        owner: "team | one"
        emotion: {a: 1, b: 5}
        painPoints: ["[link](javascript:alert(1))", "line\\nbreak"]
        opportunities: ["\`code\`", "~~strike~~"]
  - id: t
    name: "Stage ⚠ one"
`;

let site: string;
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "journeymap-site-clean-"));
  site = join(work, "site");
  writeFileSync(join(work, "tricky.journey.yaml"), HOSTILE);
  const examples = runCli(["render", "examples", "--format", "markdown", "--output", site, "--mermaid"]);
  expect(examples.code, examples.stderr).toBe(0);
  const hostile = runCli(["render", join(work, "tricky.journey.yaml"), "-o", join(work, "hostile/tricky.md")]);
  expect(hostile.code, hostile.stderr).toBe(0);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

const pages = (folder: string) => readdirSync(folder).filter((name) => name.endsWith(".md"));

describe("the docs site's Markdown", () => {
  it("has a page per map, the portfolio index and the ranked backlog", () => {
    expect(pages(site).sort()).toEqual([
      "backlog.md",
      "checkout.md",
      "delivery.md",
      "freshcart.md",
      "index.md",
      "refund.md",
    ]);
  });

  it.each(["site", "hostile"])("passes markdownlint-cli2 with the documented configuration (%s)", (folder) => {
    const dir = join(work, folder);
    copyFileSync(join(ROOT, "docs/site.markdownlint.jsonc"), join(dir, ".markdownlint.jsonc"));
    const run = spawnSync(process.execPath, [MARKDOWNLINT, "*.md"], { cwd: dir, encoding: "utf8" });
    expect(`${run.stdout}${run.stderr}`).toMatch(/Summary: 0 issues? in 0 files/);
    expect(run.status).toBe(0);
  });

  it("fails markdownlint without that configuration, so the test can tell", () => {
    const bare = mkdtempSync(join(tmpdir(), "journeymap-site-bare-"));
    try {
      copyFileSync(join(site, "checkout.md"), join(bare, "checkout.md"));
      const run = spawnSync(process.execPath, [MARKDOWNLINT, "checkout.md"], { cwd: bare, encoding: "utf8" });
      expect(run.stderr).toMatch(/MD013\/line-length/);
      expect(run.status).toBe(1);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it.each(["site", "hostile"])("is left unchanged by Prettier (%s)", async (folder) => {
    for (const name of pages(join(work, folder))) {
      const page = readFileSync(join(work, folder, name), "utf8");
      expect(await format(page, { parser: "markdown", filepath: name }), name).toBe(page);
    }
  });
});

describe("textWidth", () => {
  const characters = fc.constantFrom(
    ..."aZ09 -_.,:;!?'\"()[]éüßçñøåÆ日本語한국어中文ｆｕｌｌ☕⚠✔✖→…—😀🙂😠👍🏽👨‍👩‍👧❤️©®™\u0301\u0308\u200b\u00a0".split(""),
    "⚠️",
    "👍🏽",
    "🇫🇷",
    "1️⃣",
  );
  const text = fc.array(characters, { minLength: 1, maxLength: 12 }).map((parts) => parts.join("").trim() || "x");

  it("measures a cell as Prettier does: a table aligned with it is one Prettier leaves alone", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 4 }), async (rows) => {
        const markdown = `${table(
          ["Name", "Value"],
          rows.map(([a, b]) => [inline(a), inline(b)]),
        )}\n`;
        expect(await format(markdown, { parser: "markdown" })).toBe(markdown);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  it("counts emoji and East Asian wide characters as two columns, combining marks as none", () => {
    expect(textWidth("abc")).toBe(3);
    expect(textWidth("日本")).toBe(4);
    expect(textWidth("😀")).toBe(2);
    expect(textWidth("e\u0301")).toBe(1);
  });
});
