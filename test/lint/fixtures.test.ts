// Fixture maps in test/fixtures/lint/ mark each expected finding on its line with "# expect: rule-id"
// (markdownlint style); linting with the default configuration must find exactly those.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintJourney } from "../../src/lint/engine.js";

const FOLDER = "test/fixtures/lint";
const MARKER = /#\s*expect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/;

function expectedFindings(text: string): string[] {
  return text.split("\n").flatMap((line, index) => {
    const match = MARKER.exec(line);
    return match ? match[1]!.split(",").map((id) => `${index + 1} ${id.trim()}`) : [];
  });
}

describe("lint fixtures with # expect: markers", () => {
  const fixtures = readdirSync(FOLDER).filter((name) => name.endsWith(".journey.yaml"));

  it("exist", () => {
    expect(fixtures.length).toBeGreaterThan(1);
  });

  it.each(fixtures)("%s", (name) => {
    const text = readFileSync(`${FOLDER}/${name}`, "utf8");
    const found = lintJourney(text, {}, { file: name }).map((finding) => `${finding.line} ${finding.ruleId}`);
    expect(found.sort()).toEqual(expectedFindings(text).sort());
  });
});
