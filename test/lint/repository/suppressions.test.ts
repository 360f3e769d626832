// In-file comments silence repository findings too: they wait for the repository pass, which reports
// the ones that silenced nothing as unused-disable, like the per-map pass.
import { describe, expect, it } from "vitest";
import { lintRepository, map } from "./repository.js";

describe("journeymap-disable comments for repository rules", () => {
  it("silence a repository finding with their reason, and are unused where there is none", async () => {
    const top = map(
      "Top",
      "    # journeymap-disable-next-line unknown-map-link, missing-channel -- the checkout map is being written\n    details: checkout\n",
    );
    const other = map("Other", "    # journeymap-disable-next-line link-cycle\n    details: top\n");
    const { findings, run } = await lintRepository(
      { "top.journey.yaml": top, "other.journey.yaml": other },
      { rules: { "missing-stage": "off" } },
    );
    expect(findings.filter((finding) => finding.ruleId === "unknown-map-link")).toEqual([]);
    const suppressed = run.results.find((result) => result.filePath.endsWith("top.journey.yaml"))!.suppressed ?? [];
    expect(suppressed.map((finding) => [finding.ruleId, finding.justification])).toEqual([
      ["unknown-map-link", "the checkout map is being written"],
    ]);
    expect(
      findings.filter((finding) => finding.ruleId === "unused-disable").map((f) => [f.file, f.line, f.message]),
    ).toEqual([
      [
        "other.journey.yaml",
        9,
        'unused journeymap-disable-next-line comment: no "link-cycle" finding on line 10 to suppress; remove "link-cycle" from the comment',
      ],
      [
        "top.journey.yaml",
        9,
        'unused journeymap-disable-next-line comment: no "missing-channel" finding on line 10 to suppress; remove "missing-channel" from the comment',
      ],
    ]);
  });
});
