// `journeymap init` writes a starter map that validates clean; `journeymap schema` prints the schema.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

describe("journeymap init", () => {
  it("writes a starter map with the schema modeline, which validates clean", () => {
    const dir = mkdtempSync(join(tmpdir(), "journeymap-init-"));
    const run = runCli(["init", "maps/first.journey.yaml"], { cwd: dir });
    expect(run).toMatchObject({
      code: 0,
      stdout: "Wrote maps/first.journey.yaml. Next: journeymap validate maps/first.journey.yaml\n",
    });
    const text = readFileSync(join(dir, "maps/first.journey.yaml"), "utf8");
    expect(text.split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=\S+journeymap\.schema\.json$/);
    expect(runCli(["validate", "maps/first.journey.yaml"], { cwd: dir })).toMatchObject({ code: 0 });
  });

  it("outside the project, names this version's editor schema on unpkg, not a moving latest", () => {
    const dir = mkdtempSync(join(tmpdir(), "journeymap-init-"));
    expect(runCli(["init", "outside.journey.yaml"], { cwd: dir }).code).toBe(0);
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    expect(readFileSync(join(dir, "outside.journey.yaml"), "utf8").split("\n")[0]).toBe(
      `# yaml-language-server: $schema=https://unpkg.com/journeymap@${version}/schemas/editor/journeymap.schema.json`,
    );
  });

  it("points the modeline at the project's own editor schema (one that exists) when the map is inside the project", () => {
    const run = runCli(["init", "test-artifacts/init/in-repo.journey.yaml", "--force"]);
    expect(run.code).toBe(0);
    expect(readFileSync("test-artifacts/init/in-repo.journey.yaml", "utf8")).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/\.\.\/schemas\/editor\/journeymap\.schema\.json\n/,
    );
    expect(existsSync("schemas/editor/journeymap.schema.json")).toBe(true);
  });

  it.each([
    ["npm, bun and Yarn's node-modules linker", "node_modules/journeymap"],
    [
      "pnpm, whose node_modules/journeymap links into its store",
      "node_modules/.pnpm/journeymap@1.0.0/node_modules/journeymap",
    ],
  ])("in a project that installed it (%s), points at the project's node_modules/journeymap", (_, installedAt) => {
    // The installed package: its bin and built files linked from this checkout, as a package manager lays them out.
    const project = mkdtempSync(join(tmpdir(), "journeymap-init-installed-"));
    const packageRoot = join(project, installedAt);
    mkdirSync(packageRoot, { recursive: true });
    for (const entry of ["bin", "dist", "schemas", "package.json"])
      symlinkSync(resolve(entry), join(packageRoot, entry));
    if (installedAt !== "node_modules/journeymap") symlinkSync(packageRoot, join(project, "node_modules/journeymap"));
    const init = spawnSync(
      process.execPath,
      [join(packageRoot, "bin/journeymap.js"), "init", "maps/new.journey.yaml"],
      {
        cwd: project,
        encoding: "utf8",
      },
    );
    expect(init.stderr).toBe("");
    expect(readFileSync(join(project, "maps/new.journey.yaml"), "utf8").split("\n")[0]).toBe(
      "# yaml-language-server: $schema=../node_modules/journeymap/schemas/editor/journeymap.schema.json",
    );
  });

  it("names the default file customer.journey.yaml", () => {
    const dir = mkdtempSync(join(tmpdir(), "journeymap-init-"));
    expect(runCli(["init"], { cwd: dir }).code).toBe(0);
    expect(existsSync(join(dir, "customer.journey.yaml"))).toBe(true);
  });

  it("refuses to overwrite an existing file unless --force", () => {
    const dir = mkdtempSync(join(tmpdir(), "journeymap-init-"));
    writeFileSync(join(dir, "mine.journey.yaml"), "my work\n");
    const run = runCli(["init", "mine.journey.yaml"], { cwd: dir });
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: 'journeymap: "mine.journey.yaml" already exists: choose another name, or add --force to overwrite it\n',
    });
    expect(readFileSync(join(dir, "mine.journey.yaml"), "utf8")).toBe("my work\n");
    expect(runCli(["init", "mine.journey.yaml", "--force"], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "mine.journey.yaml"), "utf8")).toMatch(/^# yaml-language-server/);
  });
});

describe("journeymap schema", () => {
  it("prints the draft-07 JSON Schema of the format", () => {
    const run = runCli(["schema"]);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout) as { $schema: string };
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema).toEqual(JSON.parse(readFileSync("schemas/journeymap.schema.json", "utf8")));
  });
});
