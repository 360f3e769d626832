// Property tests of `journeymap diff` with hostile maps and labels: the diff never throws, and no map
// text escapes its place in any output: the terminal's, the pull-request comment's Markdown (read by
// markdown-it), the JSON (read back), the picture's XML (read by fast-xml-parser). Seeded and
// reproducible like test/fuzz/pipeline.test.ts (FUZZ_SEED, FUZZ_RUNS).
import fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { diffFormats, diffJourneys, type JourneyDiff } from "../../src/diff/index.js";
import { loadJourney, type LoadedJourney } from "../../src/journey/load.js";
import type { Journey } from "../../src/journey/model.js";
import { hostileJourney, hostileText, plainCopy, toYaml } from "../helpers/adversarial.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const settings = { numRuns: Math.ceil(RUNS / 2), seed: SEED, endOnFailure: true };
/** The default 30 s suits the default runs; npm run fuzz runs a thousand times as many. */
const TIMEOUT = Math.max(30_000, RUNS * 150);

/** C0 controls but line feed, DEL, C1, and the bidi and zero-width characters that disguise text. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The text without the zero-width spaces journeymap writes to break a workflow command. */
function withoutCommandBreaks(text: string): string {
  return text.replace(/#\u200b#\[/g, "#_#[").replace(/:\u200b:/g, ":_:");
}

function loaded(journey: Journey, file: string): LoadedJourney {
  const result = loadJourney(toYaml(journey), { file });
  expect(result.diagnostics).toEqual([]);
  return result;
}

/** Two versions: two unrelated hostile maps, or a hostile map and its plain copy (renames everywhere). */
const versions = fc.tuple(hostileJourney, fc.option(hostileJourney, { nil: undefined })).map(([a, b]) => {
  const before = loaded(a, "old.journey.yaml");
  return { before, after: loaded(b ?? plainCopy(before.journey!), "new.journey.yaml") };
});
const labels = fc.option(fc.tuple(hostileText, hostileText), { nil: undefined });

function diffOf(before: LoadedJourney, after: LoadedJourney, named?: [string, string]): JourneyDiff {
  return diffJourneys(before, after, named ? { labels: named } : {});
}

describe("journeymap diff with hostile maps", () => {
  it(
    "stylish: no control, bidi or invisible character from a map reaches the terminal",
    () => {
      fc.assert(
        fc.property(versions, labels, ({ before, after }, named) => {
          const text = diffFormats.stylish.formatter([diffOf(before, after, named)], { color: false });
          // journeymap's own break (a zero-width space inside "##[" or a leading "::") is the one allowed
          expect(withoutCommandBreaks(text)).not.toMatch(UNSAFE);
          expect(text).not.toContain("##[");
          expect(text.split("\n").filter((line) => line.trimStart().startsWith("::"))).toEqual([]);
        }),
        settings,
      );
    },
    TIMEOUT,
  );

  it(
    "markdown: no HTML, link or heading from a map; json reads back to the diff",
    () => {
      const gfm = new MarkdownIt({ html: true, linkify: true });
      fc.assert(
        fc.property(versions, labels, ({ before, after }, named) => {
          const diff = diffOf(before, after, named);
          const markdown = diffFormats.markdown.formatter([diff], { color: false });
          const tokens = gfm.parse(markdown, {});
          const inline = tokens.flatMap((token) => [token, ...(token.children ?? [])]);
          const html = inline.filter((token) => token.type.startsWith("html")).map((token) => token.content.trim());
          expect(
            html.filter((tag) => !/^<details><summary>\d+ more changes?<\/summary>$|^<\/details>$/.test(tag)),
          ).toEqual([]);
          expect(inline.filter((token) => token.type === "link_open" || token.type === "image")).toEqual([]);
          expect(tokens.filter((token) => token.type === "heading_open")).toHaveLength(1);
          expect(JSON.parse(diffFormats.json.formatter([diff], { color: false }))).toEqual(
            JSON.parse(JSON.stringify([diff])),
          );
        }),
        settings,
      );
    },
    TIMEOUT,
  );

  it(
    "svg: well-formed, nothing active, no external reference, in proportion to the maps",
    async () => {
      const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", preserveOrder: true });
      await fc.assert(
        fc.asyncProperty(versions, labels, async ({ before, after }, named) => {
          const diff = diffOf(before, after, named);
          const started = performance.now();
          const svg = await diffFormats.svg.draw({ diff, old: before.journey!, new: after.journey! }, { color: false });
          expect(performance.now() - started).toBeLessThan(3000);
          expect(XMLValidator.validate(svg)).toBe(true);
          expect(svg).not.toMatch(NOT_XML);
          const problems: string[] = [];
          const visit = (nodes: unknown): void => {
            if (!Array.isArray(nodes)) return;
            for (const node of nodes as Array<Record<string, unknown>>)
              for (const [key, value] of Object.entries(node)) {
                if (key === ":@") {
                  for (const [name, text] of Object.entries(value as Record<string, string>)) {
                    if (/^on/i.test(name)) problems.push(`event attribute ${name}`);
                    if (/href$/i.test(name)) problems.push(`reference ${name}`);
                    if (/url\(/.test(text) && text !== "url(#journeymap-removed)") problems.push(`url ${text}`);
                  }
                  continue;
                }
                if (/^(script|foreignObject|iframe|image|use|style|a)$/i.test(key)) problems.push(`element ${key}`);
                visit(value);
              }
          };
          visit(parser.parse(svg));
          expect(problems).toEqual([]);
          const size = toYaml(before.journey!).length + toYaml(after.journey!).length + (named?.join("").length ?? 0);
          expect(svg.length).toBeLessThan(80_000 + 200 * size);
        }),
        settings,
      );
    },
    TIMEOUT,
  );
});
