// Issue 19: the file names of a site's pages (and of pictures rendered to a folder) come from map file
// names, which arrive in pull requests: two names that are one file on macOS or Windows are refused before
// anything is written, and a name never carries a control, bidi or zero-width character, a character
// Windows refuses, or a leading dot or underscore that hides the page from a docs generator. Oracles: the
// file system (what was written) and markdown-it (every link of the index leads to a written page).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import { afterAll, describe, expect, it } from "vitest";
import { fileNameKey, safeFileName } from "../../../src/io/file-names.js";
import { runCli } from "../../helpers/cli.js";

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

const mapTitled = (title: string) => `journeymap: 1
title: ${JSON.stringify(title)}
personas:
  - id: p
    name: P
stages:
  - id: s
    name: S
    touchpoints:
      - name: T
        emotion: {p: 3}
`;

/** A repository whose maps folder holds one map per file name (each titled with its own name). */
function repository(names: string[]): string {
  const folder = mkdtempSync(join(tmpdir(), "journeymap-page-names-"));
  folders.push(folder);
  mkdirSync(join(folder, ".git"));
  mkdirSync(join(folder, "maps"));
  for (const name of names) writeFileSync(join(folder, "maps", name), mapTitled(name));
  return folder;
}

const SITE = ["render", "maps", "--format", "markdown", "--output", "site/"];

/** Characters no page name may carry (see safeFileName). */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff/\\<>:"|?*#%]|^[._-]|[. ]$/u;

describe("pages whose names are one file on macOS and Windows", () => {
  for (const [names, written] of [
    [
      ["Checkout.journey.yaml", "checkout.journey.yaml"],
      ["Checkout.md", "checkout.md"],
    ],
    [
      ["caf\u00e9.journey.yaml", "cafe\u0301.journey.yaml"],
      ["café.md", "café.md"],
    ],
    [
      ["STRASSE.journey.yaml", "stra\u00dfe.journey.yaml"],
      ["STRASSE.md", "straße.md"],
    ],
    [["Index.journey.yaml"], ["index.md", "Index.md"]],
    [
      ["a\u200bb.journey.yaml", "a:b.journey.yaml"],
      ["a-b.md", "a-b.md"],
    ],
    [
      ["x\u202ey.journey.yaml", "x\u2066y.journey.yaml"],
      ["x-y.md", "x-y.md"],
    ],
  ] as const) {
    it(`${names.map((name) => JSON.stringify(name)).join(" and ")}: refused before anything is written (exit 2)`, () => {
      const folder = repository([...names]);
      const run = runCli(SITE, { cwd: folder });
      expect(run).toMatchObject({ code: 2, stdout: "" });
      expect(run.stderr).toMatch(/^journeymap: ".+" and .+ would both be written to .+: rename one of the maps\n$/);
      if (written[0] !== written[1])
        expect(run.stderr).toContain(`"site/${written[1]}" and "site/${written[0]}", one file on macOS and Windows`);
      // File names are shown escaped: no control, bidi or zero-width character reaches the terminal.
      expect(run.stderr).not.toMatch(
        /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/,
      );
      expect(existsSync(join(folder, "site"))).toBe(false);
    });
  }

  it("names the two maps and the one file in the message", () => {
    const folder = repository(["Checkout.journey.yaml", "checkout.journey.yaml"]);
    expect(runCli(SITE, { cwd: folder }).stderr).toBe(
      'journeymap: "maps/checkout.journey.yaml" and "maps/Checkout.journey.yaml" would both be written to "site/checkout.md" and "site/Checkout.md", one file on macOS and Windows: rename one of the maps\n',
    );
  });
});

describe("page file names from hostile map file names", () => {
  const NAMES = [
    "red\u001b[31m.journey.yaml",
    "right\u202eto-left.journey.yaml",
    "arabic\u061cmark.journey.yaml",
    "zero\u200bwidth\ufeff.journey.yaml",
    "line\u2028break.journey.yaml",
    "tab\there.journey.yaml",
    "_draft.journey.yaml",
    "-dash.journey.yaml",
    "nul.journey.yaml",
    "COM1.journey.yaml",
    "a#b%c?.journey.yaml",
    'quote"star*.journey.yaml',
    "trailing. .journey.yaml",
    "plain name.journey.yaml",
    "日本語.journey.yaml",
  ];

  it("are safe, deterministic, and every link of the index leads to a written page", () => {
    const folder = repository(NAMES);
    const run = runCli(SITE, { cwd: folder });
    expect(run.code, run.stderr).toBe(0);
    const written = readdirSync(join(folder, "site"));
    const pages = written.filter((name) => name !== "index.md" && name.endsWith(".md")).sort();
    expect(pages).toEqual(
      [
        "red-[31m.md",
        "right-to-left.md",
        "arabic-mark.md",
        "zero-width-.md",
        "line-break.md",
        "tab-here.md",
        "draft.md",
        "dash.md",
        "nul-map.md",
        "COM1-map.md",
        "a-b-c-.md",
        "quote-star-.md",
        "trailing.md",
        "plain name.md",
        "日本語.md",
      ].sort(),
    );
    for (const name of written) expect(name.replace(/\.(md|svg)$/, ""), JSON.stringify(name)).not.toMatch(UNSAFE);
    // Each page has its picture beside it, and the index links every page by its written name.
    for (const page of pages) expect(written).toContain(page.replace(/\.md$/, ".svg"));
    const tokens = new MarkdownIt().parse(readFileSync(join(folder, "site/index.md"), "utf8"), {});
    const hrefs = tokens
      .flatMap((token) => token.children ?? [])
      .filter((token) => token.type === "link_open")
      .map((token) => decodeURIComponent(String(token.attrGet("href"))))
      .filter((href) => href.endsWith(".md"));
    expect(new Set(hrefs)).toEqual(new Set(pages));
    // The same maps give the same names, run after run.
    expect(runCli(SITE, { cwd: folder }).code).toBe(0);
    expect(readdirSync(join(folder, "site"))).toEqual(written);
  });

  it("pictures rendered to a folder take the same names", () => {
    const folder = repository(["red\u001b[31m.journey.yaml", "_draft.journey.yaml"]);
    const run = runCli(["render", "maps", "--format", "svg", "--output", "pictures/"], { cwd: folder });
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(join(folder, "pictures")).sort()).toEqual(["draft.svg", "red-[31m.svg"]);
  });
});

describe("safeFileName and fileNameKey", () => {
  it("keep ordinary names as they are and give one key to names one file system sees as one", () => {
    for (const name of ["checkout", "Checkout flow", "café", "日本語", "v1.2", "a-b_c"])
      expect(safeFileName(name)).toBe(name);
    expect(safeFileName("cafe\u0301")).toBe("café");
    expect(safeFileName("...")).toBe("map");
    // NFC doubles this name's bytes (U+0958 is two characters): cut at a character boundary, within 200 bytes.
    const long = safeFileName("\u0958".repeat(80));
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(200);
    expect(long).toBe("\u0915\u093c".repeat(33));
    expect(["nul", "NUL.v2", "conin$", "com1.backup", "lpt²"].map((name) => safeFileName(name))).toEqual([
      "nul-map",
      "NUL-map.v2",
      "conin$-map",
      "com1-map.backup",
      "lpt²-map",
    ]);
    expect(["null", "console", "com10", "auxiliary"].map((name) => safeFileName(name))).toEqual([
      "null",
      "console",
      "com10",
      "auxiliary",
    ]);
    expect(safeFileName("\u202e")).toBe("map");
    expect(fileNameKey("Checkout.md")).toBe(fileNameKey("checkout.MD"));
    expect(fileNameKey("STRASSE")).toBe(fileNameKey("straße"));
    expect(fileNameKey("café")).toBe(fileNameKey("cafe\u0301"));
    expect(fileNameKey("checkout")).not.toBe(fileNameKey("check-out"));
  });
});
