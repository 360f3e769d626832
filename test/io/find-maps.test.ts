// Which maps a run reads: ignore files, --ignore-pattern, "!glob" exclusions and symlinks, on a real tree.
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { findMaps, type FindMapsOptions } from "../../src/io/find-maps.js";

let repo: string;
let outside: string;

function write(root: string, name: string, contents = "title: x\n"): void {
  mkdirSync(dirname(join(root, name)), { recursive: true });
  writeFileSync(join(root, name), contents);
}

async function shown(paths: string[], options: FindMapsOptions = {}): Promise<string[]> {
  return (await findMaps(paths, { cwd: repo, ...options })).map((input) => input.file);
}

beforeAll(() => {
  const base = realpathSync(mkdtempSync(join(tmpdir(), "journeymap-find-")));
  repo = join(base, "repo");
  outside = join(base, "outside");
  mkdirSync(join(repo, ".git"), { recursive: true });
  write(repo, "maps/checkout.journey.yaml");
  write(repo, "maps/drafts/idea.journey.yaml");
  write(repo, "maps/old/legacy.journey.yaml");
  write(repo, "maps/build/generated.journey.yaml");
  write(repo, "maps/keep.old.journey.yaml");
  write(repo, ".journeymapignore", "# drafts are work in progress\nmaps/drafts/\n");
  write(repo, "maps/.gitignore", "build/\n");
  write(outside, "secret.journey.yaml");
  mkdirSync(join(outside, "folder"));
  write(outside, "folder/far.journey.yaml");
  // Symlinks to a map inside the tree, a map outside it, a folder inside and a folder outside: never followed.
  symlinkSync(join(repo, "maps/checkout.journey.yaml"), join(repo, "maps/alias.journey.yaml"));
  symlinkSync(join(outside, "secret.journey.yaml"), join(repo, "maps/escape.journey.yaml"));
  symlinkSync(join(repo, "maps/old"), join(repo, "maps/old-link"));
  symlinkSync(join(outside, "folder"), join(repo, "maps/far-link"));
});

describe("findMaps", () => {
  it("a folder walk skips .journeymapignore and .gitignore matches and every symlink", async () => {
    expect(await shown(["maps"])).toEqual([
      "maps/checkout.journey.yaml",
      "maps/keep.old.journey.yaml",
      "maps/old/legacy.journey.yaml",
    ]);
  });

  it("globs follow the same rules", async () => {
    expect(await shown(["maps/**/*.journey.yaml"])).toEqual([
      "maps/checkout.journey.yaml",
      "maps/keep.old.journey.yaml",
      "maps/old/legacy.journey.yaml",
    ]);
  });

  it("--ignore-pattern and '!glob' arguments leave out more; --no-ignore reads the ignore files no more", async () => {
    expect(await shown(["maps"], { ignorePatterns: ["*.old.journey.yaml"] })).toEqual([
      "maps/checkout.journey.yaml",
      "maps/old/legacy.journey.yaml",
    ]);
    expect(await shown(["maps", "!maps/old/**"])).toEqual(["maps/checkout.journey.yaml", "maps/keep.old.journey.yaml"]);
    expect(await shown(["maps"], { useIgnoreFiles: false })).toEqual([
      "maps/build/generated.journey.yaml",
      "maps/checkout.journey.yaml",
      "maps/drafts/idea.journey.yaml",
      "maps/keep.old.journey.yaml",
      "maps/old/legacy.journey.yaml",
    ]);
  });

  it("an explicitly named file (or symlink) is read even when ignored; the same file twice is read once", async () => {
    expect(await shown(["maps/drafts/idea.journey.yaml"])).toEqual(["maps/drafts/idea.journey.yaml"]);
    expect(await shown(["maps/alias.journey.yaml", "maps/checkout.journey.yaml"])).toEqual(["maps/alias.journey.yaml"]);
  });

  it("says how many maps were ignored when nothing is left", async () => {
    await expect(findMaps(["maps/drafts"], { cwd: repo }))
      .resolves.toHaveLength(0)
      .catch(() => undefined);
    await expect(findMaps(["maps", "!maps/**"], { cwd: repo })).rejects.toThrow(
      'no journey maps (*.journey.yaml or *.journey.yml) in folder "maps" (5 files or folders ignored by .journeymapignore, .gitignore, --ignore-pattern or a "!" argument)',
    );
    await expect(findMaps(["maps/drafts/*.journey.yaml"], { cwd: repo })).rejects.toThrow(
      'no journey maps match "maps/drafts/*.journey.yaml" (1 file or folder ignored by .journeymapignore, .gitignore, --ignore-pattern or a "!" argument)',
    );
  });

  it("an ignore file above 1 MB is refused, with a message that does not point at --max-file-size", async () => {
    const big = realpathSync(mkdtempSync(join(tmpdir(), "journeymap-find-big-")));
    write(big, "a.journey.yaml");
    write(big, ".journeymapignore", "#".repeat(1024 * 1024 + 1));
    await expect(findMaps(["."], { cwd: big })).rejects.toThrow(
      `cannot read ignore file "${join(big, ".journeymapignore")}": it is 1.0 MB, more than the 1 MB limit (an ignore file is a list of patterns)`,
    );
  });

  it("exclusions alone name no maps", async () => {
    await expect(findMaps(["!maps/**"], { cwd: repo })).rejects.toThrow(
      "no maps given: name files, folders or globs, or - for standard input",
    );
  });
});
