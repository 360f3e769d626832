// `journeymap diff` compares the pain points an opportunity tracked as work addresses, as it compares its
// other fields: in the stylish report, the pull-request comment (read back through markdown-it), the json
// and the picture's card note. The same pain points in another order are no change; none written means
// all of the touchpoint's.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import MarkdownIt from "markdown-it";
import { afterAll, describe, expect, it } from "vitest";
import type { JourneyDiff } from "../../src/diff/index.js";
import { runCli } from "../helpers/cli.js";

const folder = mkdtempSync(join(tmpdir(), "journeymap-diff-addresses-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A map whose one opportunity tracked as work addresses these pain points (absent: unset). */
function mapFile(name: string, addresses: string | undefined): string {
  const file = join(folder, `${name}.journey.yaml`);
  writeFileSync(
    file,
    [
      "journeymap: 1",
      "title: Hotel check-in",
      "stages:",
      "  - id: arrival",
      "    name: Arrival",
      "    touchpoints:",
      "      - id: desk",
      "        name: Checks in at the desk",
      "        painPoints: [Queue at 6 pm, No parking, Lost booking]",
      "        opportunities:",
      `          - { id: mobile-key, title: Mobile key, status: planned${addresses === undefined ? "" : `, addresses: ${addresses}`} }`,
      "",
    ].join("\n"),
  );
  return file;
}

const OLD = mapFile("old", "[Queue at 6 pm]");
const NEW = mapFile("new", "[Queue at 6 pm, No parking]");

/** The picture's texts, parsed, a card's wrapped lines joined with spaces. */
function pictureText(old: string, changed: string): string {
  const run = runCli(["diff", old, changed, "--format", "svg"]);
  expect(run.code, run.stderr).toBe(0);
  expect(XMLValidator.validate(run.stdout)).toBe(true);
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object")
      for (const [key, value] of Object.entries(node))
        if (key === "#text") texts.push(String(value));
        else if (!key.startsWith("@_")) walk(value);
  };
  walk(new XMLParser({ ignoreAttributes: false }).parse(run.stdout));
  return texts.join(" ");
}

describe("diff of the pain points an opportunity addresses", () => {
  it("stylish: one note with the old and the new pain points", () => {
    const run = runCli(["diff", OLD, NEW]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split("\n")).toContain(
      '  ~ touchpoint "Checks in at the desk": opportunity "Mobile key": addresses "Queue at 6 pm" → "Queue at 6 pm", "No parking"  new 7:9',
    );
  });

  it("json: the lists as written", () => {
    const run = runCli(["diff", OLD, NEW, "--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    const diff = (JSON.parse(run.stdout) as JourneyDiff[])[0]!;
    expect(diff.touchpoints.changed[0]!.opportunities).toEqual([
      {
        id: "mobile-key",
        title: "Mobile key",
        fields: { addresses: { old: ["Queue at 6 pm"], new: ["Queue at 6 pm", "No parking"] } },
      },
    ]);
  });

  it("markdown: the pull-request comment's details say it", () => {
    const run = runCli(["diff", OLD, NEW, "--format", "markdown"]);
    expect(run.code, run.stderr).toBe(0);
    const html = new MarkdownIt({ html: true }).render(run.stdout);
    expect(html).toContain(
      "opportunity &quot;Mobile key&quot;: addresses &quot;Queue at 6 pm&quot; → &quot;Queue at 6 pm&quot;, &quot;No parking&quot;",
    );
  });

  it("none written reads as all of the touchpoint's pain points; the card note says what it was", () => {
    const all = mapFile("all", undefined);
    const run = runCli(["diff", all, NEW]);
    expect(run.stdout.split("\n")).toContain(
      '  ~ touchpoint "Checks in at the desk": opportunity "Mobile key": addresses (all pain points) → "Queue at 6 pm", "No parking"  new 7:9',
    );
    expect(pictureText(all, NEW)).toContain("Opportunity “Mobile key”: addresses was all pain points");
    expect(pictureText(NEW, OLD)).toContain("Opportunity “Mobile key”: addresses was “Queue at 6 pm”, “No parking”");
  });

  it("the same pain points in another order are no change", () => {
    const reordered = mapFile("reordered", "[No parking, Queue at 6 pm]");
    const run = runCli(["diff", NEW, reordered]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("no changes");
  });
});
