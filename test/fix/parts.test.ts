// The parts of the fixes: ids from names, the one-edit lookup, and the dry-run diff read back by patch(1).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatFixDiff, idFromName } from "../../src/lint/fix/index.js";
import { OneEditIndex, withinOneEdit } from "../../src/lint/fix/one-edit.js";
import { IdAllocator } from "../../src/lint/fix/touchpoint-ids.js";

describe("idFromName", () => {
  it.each([
    ["Gets a referral code from a friend", "gets-a-referral-code-from-a-friend"],
    ["  Crème Brûlée: Straße #1 ", "creme-brulee-strasse-1"],
    ['Says "hi" -- twice', "says-hi-twice"],
    ["Øresund Łódź Þing Æsir", "oresund-lodz-thing-aesir"],
    ["注文する", "touchpoint"],
    ["Compares prices on a very long product comparison page", "compares-prices-on-a-very-long-product"],
    ["Supercalifragilisticexpialidocious-and-then-some-more", "supercalifragilisticexpialidocious-and"],
    ["a".repeat(100), "a".repeat(40)],
    ["ＦＵＬＬ ｗｉｄｔｈ", "full-width"],
  ])("%j → %s", (name, id) => {
    expect(idFromName(name)).toBe(id);
  });

  it("suffixes -2, -3 past the ids already taken, in time linear in the names", () => {
    const ids = new IdAllocator(new Set(["a", "a-2", "b"]));
    expect(["a", "a", "b", "c", "c"].map((base) => ids.allocate(base))).toEqual(["a-3", "a-4", "b-2", "c", "c-2"]);
    const many = new IdAllocator(new Set());
    const started = performance.now();
    for (let i = 0; i < 50_000; i++) many.allocate("same");
    expect(many.allocate("same")).toBe("same-50001");
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("one edit away", () => {
  it.each([
    ["growth", "grwoth", true],
    ["growth", "growh", true],
    ["growth", "growths", true],
    ["growth", "grewth", true],
    ["growth", "gorwht", false],
    ["app", "ap", true],
    ["app", "a", false],
  ])("%s ~ %s: %s", (a, b, near) => {
    expect(withinOneEdit(a, b)).toBe(near);
    expect(withinOneEdit(b, a)).toBe(near);
  });

  it("names the one id within one edit, and none when two are or none is", () => {
    const index = new OneEditIndex(["growth", "app", "web-a", "web-b"]);
    expect(index.unique("grwoth")).toBe("growth");
    expect(index.unique("ap")).toBe("app");
    expect(index.unique("web-c")).toBeUndefined();
    expect(index.unique("support")).toBeUndefined();
    expect(index.unique("growth")).toBeUndefined();
  });

  it("skips references longer than it can bound", () => {
    const long = "a".repeat(200);
    expect(new OneEditIndex([long]).unique(`${long}b`)).toBeUndefined();
  });
});

describe("formatFixDiff", () => {
  it("is a unified diff with three lines of context, hunks merged when close", () => {
    const before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\no\np\n";
    const after = "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\no\np\nq\n";
    expect(formatFixDiff("maps/x.journey.yaml", before, after)).toBe(
      [
        "--- maps/x.journey.yaml",
        "+++ maps/x.journey.yaml",
        "@@ -1,5 +1,5 @@",
        " a",
        "-b",
        "+B",
        " c",
        " d",
        " e",
        "@@ -14,3 +14,4 @@",
        " n",
        " o",
        " p",
        "+q",
        "",
      ].join("\n"),
    );
  });

  it("is empty for equal texts and marks a missing final newline", () => {
    expect(formatFixDiff("x", "a\n", "a\n")).toBe("");
    expect(formatFixDiff("x", "a\n# c", "a")).toBe(
      "--- x\n+++ x\n@@ -1,2 +1,1 @@\n-a\n-# c\n\\ No newline at end of file\n+a\n\\ No newline at end of file\n",
    );
  });

  it("shows control, bidi and line-separator characters escaped, in lines and the file name", () => {
    const diff = formatFixDiff("evil\x1b]0;x\x07\n.yaml", "name: \u202eA\r\n", "name: \x1b[2JA\r\n");
    expect(diff).toBe(
      "--- evil\\x1b]0;x\\x07\\x0a.yaml\n+++ evil\\x1b]0;x\\x07\\x0a.yaml\n@@ -1,1 +1,1 @@\n-name: \\u202eA\n+name: \\x1b[2JA\n",
    );
    expect(diff).not.toMatch(/[\x00-\x09\x0b-\x1f\u202a-\u202e]/);
  });

  it("starts no GitHub Actions workflow command: a context line of '  ::x' and a ##[ anywhere are broken", () => {
    const before = "description: |\n  ::stop-commands::token\n  ##[add-mask]x\nname: a\n";
    const diff = formatFixDiff("map.yaml", before, before.replace("name: a", "name: b"));
    expect(diff).toContain("\n   :\u200b:stop-commands::token\n   #\u200b#[add-mask]x\n-name: a\n+name: b\n");
    expect(diff.split("\n").filter((line) => line.trimStart().startsWith("::"))).toEqual([]);
    expect(diff).not.toContain("##[");
  });

  it("applies with patch(1) to give the fixed text, also when the change is far from local", () => {
    const folder = mkdtempSync(join(tmpdir(), "journeymap-fix-"));
    const cases: Array<[string, string]> = [
      ["x\ny\nz\n", "x\nid: 1\ny\nz\n"],
      [
        Array.from({ length: 60 }, (_, i) => `l${i}\n`).join(""),
        Array.from({ length: 60 }, (_, i) => `m${i}\n`).join(""),
      ],
      ["a\n1\n2\n3\n4\n5\n6\n7\n8\nb\n", "1\n2\n3\n4\n5\n6\n7\n8\na\nb\nc"],
    ];
    for (const [before, after] of cases) {
      writeFileSync(join(folder, "map.yaml"), before);
      writeFileSync(join(folder, "fix.diff"), formatFixDiff("map.yaml", before, after));
      execFileSync("patch", ["-s", "-p0", "-i", "fix.diff"], { cwd: folder });
      expect(readFileSync(join(folder, "map.yaml"), "utf8")).toBe(after);
    }
  });

  it("takes time linear in the text for many scattered changes", () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `line ${i}\n`);
    const before = lines.join("");
    const after = lines.map((line, i) => (i % 7 === 0 ? `  id: t${i}\n${line}` : line)).join("");
    const started = performance.now();
    const diff = formatFixDiff("x", before, after);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(diff.match(/^\+ {2}id/gm)?.length).toBe(Math.ceil(100_000 / 7));
  });
});
