// Issue 9's install goal, measured as a new user meets it: pack journeymap, install the tarball into an
// empty project with npm 11 and npm 10, then run the README's first command there. Prints a table and
// exits 1 when a goal is missed (2 when the check itself cannot run). bench/install.mjs reuses it.
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from "node:fs";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const MAX_MB = 40;
const REGISTRY = "https://registry.npmjs.org/";
/** Lifecycle scripts that npm runs when a package is installed from the registry or a tarball
 * (`prepare` runs only for git and folder installs). */
const INSTALL_SCRIPTS = ["preinstall", "install", "postinstall"];

/** The environment of a user's shell: nothing inherited from an enclosing `npm run`, and none of the
 * switches (PUPPETEER_SKIP_DOWNLOAD, ...) that would hide a browser download from the check. */
export function userEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|PUPPETEER_|YARN_|PNPM_|BUN_)/i.test(key) || key === "INIT_CWD") continue;
    env[key] = value;
  }
  return { ...env, npm_config_registry: REGISTRY, npm_config_audit: "false", npm_config_fund: "false", ...extra };
}

export function run(command, args, { cwd, env = userEnv(), timeout = 600_000 } = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", timeout, stdio: ["ignore", "pipe", "pipe"] });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { status: result.status ?? -1, stdout: result.stdout ?? "", stderr: result.stderr ?? "", seconds };
}

/** Bytes of every file below `folder` (symlinks counted as links, not followed; none for no folder). */
export function folderBytes(folder) {
  if (!existsSync(folder)) return 0;
  let total = 0;
  const stack = [folder];
  while (stack.length) {
    const current = stack.pop();
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else total += lstatSync(path).size;
    }
  }
  return total;
}

/** The installed packages (from npm's hidden lockfile) with the install-time scripts each declares. */
function installedPackages(project) {
  const hidden = JSON.parse(readFileSync(join(project, "node_modules/.package-lock.json"), "utf8"));
  const packages = [];
  for (const [path, entry] of Object.entries(hidden.packages)) {
    if (!path) continue;
    const folder = join(project, path);
    const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
    const scripts = INSTALL_SCRIPTS.filter((name) => manifest.scripts?.[name]);
    // npm runs `node-gyp rebuild` for a package with a binding.gyp and no install script of its own.
    if (!scripts.length && existsSync(join(folder, "binding.gyp"))) scripts.push("binding.gyp");
    packages.push({ path, name: manifest.name, scripts, resolved: entry.resolved });
  }
  return packages;
}

/** Builds and packs the repository once (the build runs first here, so that `npm pack`'s own `prepare` finds it up to date). */
export function packTarball(work) {
  const built = run("npm", ["run", "build", "--silent"], { cwd: ROOT });
  if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stderr}`);
  const packed = run("npm", ["pack", "--pack-destination", work, "--json"], { cwd: ROOT });
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
  const [{ filename, size, unpackedSize, entryCount }] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf("[")));
  return { tarball: join(work, filename), size, unpackedSize, entryCount };
}

/** Installs the tarball into an empty project with one npm and tries it there; returns table rows. */
export function checkInstall({ work, tarball, npm, label }) {
  const project = join(work, label.replace(/\W+/g, "-"));
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, "package.json"), `${JSON.stringify({ name: "scratch", private: true }, null, 2)}\n`);
  // The README's map uses the example repository's shared personas and teams, which sit beside it.
  copyFileSync(join(ROOT, "examples/freshcart.journey.yaml"), join(project, "freshcart.journey.yaml"));
  copyFileSync(join(ROOT, "examples/journeymap.shared.yaml"), join(project, "journeymap.shared.yaml"));
  const npmVersion = run(npm[0], [...npm.slice(1), "--version"], { cwd: project }).stdout.trim();
  if (!/^\d+\.\d+/.test(npmVersion)) {
    // A client that cannot be fetched is a missing tool, not a failed install goal.
    console.log(`skipped: ${label}: \`${npm.join(" ")} --version\` did not run`);
    return [{ issue: 9, measure: `${label}: install`, value: "skipped: the npm client could not run", target: "" }];
  }

  const install = run(npm[0], [...npm.slice(1), "install", "--foreground-scripts", tarball], { cwd: project });
  const rows = [];
  const row = (measure, value, target, ok) =>
    rows.push({ issue: 9, measure: `${label}: ${measure}`, value, target, ok });
  row(`npm ${npmVersion} install of the packed tarball`, `exit ${install.status}`, "exit 0", install.status === 0);
  if (install.status !== 0) {
    console.error(install.stderr.split("\n").slice(-20).join("\n"));
    return rows;
  }
  row("install time (npm cache as found)", `${install.seconds.toFixed(1)} s`, "", undefined);

  const packages = installedPackages(project);
  const dependencies = packages.filter((entry) => entry.name !== "journeymap");
  const withScripts = dependencies.filter((entry) => entry.scripts.length);
  row(
    "packages with install scripts",
    withScripts.length ? withScripts.map((entry) => `${entry.name} (${entry.scripts.join(", ")})`).join("; ") : "none",
    "none",
    withScripts.length === 0,
  );
  // --foreground-scripts prints "> name@version script" for every lifecycle script that runs.
  const ran = [...install.stdout.matchAll(/^> (\S+) (preinstall|install|postinstall|prepare)$/gm)].map(
    (m) => `${m[1]} ${m[2]}`,
  );
  row("install scripts run (npm's log)", ran.length ? ran.join("; ") : "none", "none", ran.length === 0);
  const elsewhere = dependencies.filter((entry) => entry.resolved && !entry.resolved.startsWith(REGISTRY));
  row(
    "packages fetched from outside the registry",
    elsewhere.length ? elsewhere.map((entry) => `${entry.name} (${entry.resolved})`).join("; ") : "none",
    "none",
    elsewhere.length === 0,
  );
  row("packages installed", String(packages.length), "", undefined);
  const megabytes = folderBytes(join(project, "node_modules")) / 1024 / 1024;
  row("node_modules size", `${megabytes.toFixed(1)} MB`, `≤ ${MAX_MB} MB`, megabytes <= MAX_MB);
  const biggest = readdirSync(join(project, "node_modules"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .flatMap((entry) =>
      entry.name.startsWith("@")
        ? readdirSync(join(project, "node_modules", entry.name)).map((name) => `${entry.name}/${name}`)
        : [entry.name],
    )
    .map((name) => ({ name, bytes: folderBytes(join(project, "node_modules", name)) }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 3);
  row(
    "largest packages",
    biggest.map((p) => `${p.name} ${(p.bytes / 1024 / 1024).toFixed(1)} MB`).join(", "),
    "",
    undefined,
  );

  // The README's first command, as a user types it in their own project.
  const npx = (...args) =>
    run(npm[0], [...npm.slice(1), "exec", "--no", "--", "journeymap", ...args], { cwd: project });
  const help = npx("--help");
  row(
    "npx journeymap --help",
    `exit ${help.status}`,
    "exit 0, usage shown",
    help.status === 0 && /Usage:/.test(help.stdout),
  );
  const lint = npx("lint", "freshcart.journey.yaml");
  row("npx journeymap lint freshcart.journey.yaml", `exit ${lint.status}`, "exit 0", lint.status === 0);
  const svg = npx("render", "freshcart.journey.yaml", "--output", "freshcart.svg");
  const svgText = existsSync(join(project, "freshcart.svg"))
    ? readFileSync(join(project, "freshcart.svg"), "utf8")
    : "";
  row(
    "npx journeymap render … --output freshcart.svg",
    `exit ${svg.status}, ${svgText.length} bytes`,
    "exit 0, an SVG document",
    svg.status === 0 && /<svg[\s>]/.test(svgText) && svgText.trimEnd().endsWith("</svg>"),
  );
  const png = npx("render", "freshcart.journey.yaml", "--output", "freshcart.png");
  const pngBytes = existsSync(join(project, "freshcart.png"))
    ? readFileSync(join(project, "freshcart.png"))
    : Buffer.of();
  row(
    "npx journeymap render … --output freshcart.png",
    `exit ${png.status}, ${pngBytes.length} bytes`,
    "exit 0, a PNG file",
    png.status === 0 && pngBytes.subarray(0, 8).equals(Buffer.from("89504e470d0a1a0a", "hex")),
  );
  for (const [how, code] of [
    ["require", 'const j = require("journeymap"); if (typeof j.lintJourney !== "function") process.exit(3)'],
    ["import", 'const j = await import("journeymap"); if (typeof j.lintJourney !== "function") process.exit(3)'],
  ]) {
    const loaded = run(process.execPath, ["-e", code], { cwd: project });
    row(
      `${how}("journeymap") on node ${process.versions.node}`,
      `exit ${loaded.status}`,
      "exit 0",
      loaded.status === 0,
    );
    if (loaded.status !== 0) console.error(loaded.stderr.split("\n").slice(0, 5).join("\n"));
  }
  for (const failed of [help, lint, svg, png].filter((result) => result.status !== 0)) console.error(failed.stderr);
  return rows;
}

/** The npm clients to try: the one on PATH, and npm 10 through npx (fetched from the registry). */
export function npmClients() {
  return [
    { label: "npm (on PATH)", npm: ["npm"] },
    { label: "npm 10", npm: ["npx", "-y", "npm@10"] },
  ];
}

async function main() {
  const { printTable } = await import("../bench/lib.mjs");
  const work = mkdtempSync(join(tmpdir(), "journeymap-install-"));
  try {
    const packed = packTarball(work);
    const rows = [
      {
        issue: 9,
        measure: "packed tarball",
        value: `${(packed.size / 1024).toFixed(0)} kB, ${(packed.unpackedSize / 1024).toFixed(0)} kB unpacked, ${packed.entryCount} files`,
        target: "",
      },
    ];
    for (const client of npmClients()) rows.push(...checkInstall({ work, tarball: packed.tarball, ...client }));
    printTable(rows);
    const missed = rows.filter((row) => row.ok === false);
    if (missed.length) {
      console.error(`check-install: ${missed.length} goal(s) missed: ${missed.map((row) => row.measure).join("; ")}`);
      process.exitCode = 1;
    } else console.log("check-install: every install goal met");
  } catch (error) {
    console.error(`check-install: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) await main();
