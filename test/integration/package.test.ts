// The package as npm and Node see it: what the tarball holds, how it loads, and the lifecycle scripts
// that keep installs script-free and pre-commit's node hooks working (scripts/check-install.mjs and
// scripts/check-pre-commit.sh measure the real installs; these are the fast guards in npm test).
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

interface Manifest {
  scripts: Record<string, string>;
  engines: { node: string };
  exports: Record<string, unknown>;
}
const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Manifest;

describe("package.json", () => {
  it("runs no script on a user's install; prepare builds dist/ for a clone or a git install", () => {
    // install scripts would run on every user's machine.
    for (const name of ["preinstall", "install", "postinstall"]) expect(manifest.scripts[name], name).toBeUndefined();
    expect(manifest.scripts.prepare).toBe("npm run build");
  });

  it("npm pack prints only the tarball's name on standard output (pre-commit reads it as a path)", () => {
    // In a scratch copy: packing the repository itself would rebuild dist/ under the other tests' feet.
    // scripts/check-pre-commit.sh installs the real hooks from a clone in .ci/run.
    const work = mkdtempSync(join(tmpdir(), "journeymap-pack-"));
    try {
      copyFileSync(join(ROOT, ".npmrc"), join(work, ".npmrc"));
      const scratch = {
        name: "journeymap",
        version: "0.0.0",
        scripts: { prepare: manifest.scripts.prepare, build: "node -e 0" },
      };
      writeFileSync(join(work, "package.json"), JSON.stringify(scratch));
      const packed = spawnSync("npm", ["pack"], { cwd: work, encoding: "utf8" });
      expect(packed.status, packed.stderr).toBe(0);
      expect(packed.stdout).toBe("journeymap-0.0.0.tgz\n");
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 60_000);

  it("loads with require() as well as import (the default export condition)", async () => {
    const required = createRequire(join(ROOT, "package.json"))("journeymap") as Record<string, unknown>;
    const imported = (await import(join(ROOT, "dist/index.js"))) as Record<string, unknown>;
    expect(typeof required.lintJourney).toBe("function");
    expect(Object.keys(required).sort()).toEqual(Object.keys(imported).sort());
  });

  it.each([
    ["a CommonJS", { name: "consumer", private: true }, "commonjs"],
    ["an ES module", { name: "consumer", private: true, type: "module" }, "esm"],
  ])(
    "type-checks and runs in %s TypeScript project (moduleResolution node16)",
    (_, consumerManifest, kind) => {
      // A CommonJS project given only the ES module's types gets error TS1479 on `import … from "journeymap"`.
      const work = mkdtempSync(join(tmpdir(), `journeymap-ts-${kind}-`));
      try {
        mkdirSync(join(work, "node_modules"));
        symlinkSync(ROOT, join(work, "node_modules/journeymap"), "dir");
        writeFileSync(join(work, "package.json"), JSON.stringify(consumerManifest));
        const compilerOptions = {
          module: "node16",
          moduleResolution: "node16",
          strict: true,
          outDir: "out",
          types: [],
        };
        writeFileSync(join(work, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["check.ts"] }));
        writeFileSync(
          join(work, "check.ts"),
          [
            'import { lintJourney, type Diagnostic } from "journeymap";',
            'const found: Diagnostic[] = lintJourney("title: T\\nstages: []\\n");',
            "console.log(typeof lintJourney, Array.isArray(found));",
          ].join("\n"),
        );
        const tsc = spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", work], {
          encoding: "utf8",
        });
        expect(tsc.stdout + tsc.stderr).toBe("");
        expect(tsc.status).toBe(0);
        const ran = spawnSync(process.execPath, [join(work, "out/check.js")], { encoding: "utf8" });
        expect(ran.stderr).toBe("");
        expect(ran.stdout).toBe("function true\n");
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it("packs the built CLI, schemas, examples and licence, and no tests or sources", () => {
    const packed = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(packed.status, packed.stderr).toBe(0);
    const [{ files }] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf("["))) as [{ files: { path: string }[] }];
    const paths = files.map((file) => file.path);
    for (const path of [
      "LICENSE",
      "package.json",
      "bin/journeymap.js",
      "dist/bundle/cli.js",
      "dist/bundle/cold.js",
      "dist/index.js",
      "dist/index.d.ts",
      "schemas/journeymap.schema.json",
      "schemas/journeymap.shared.schema.json",
      "schemas/editor/journeymap.schema.json", // built, not committed: init's modeline names it
      "examples/freshcart.journey.yaml",
      "examples/journeymap.shared.yaml",
    ]) {
      expect(paths, path).toContain(path);
    }
    expect(paths.filter((path) => /^(src|test|scripts|bench|action)\//.test(path))).toEqual([]);
  });
});
