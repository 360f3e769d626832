// Issue 20: the packed tarball installed with each package manager a user may have — pnpm 9 and 10,
// Yarn 4 with Plug'n'Play and with node_modules, bun — and used there as the README says: the CLI,
// require() and import, `init`'s schema modeline, and the install hint for an optional package.
// npm 10 and 11 are scripts/check-install.mjs's. Each client comes from the npm registry through npx;
// a client that cannot be had is skipped with a message. Prints a table; exits 1 when a check fails.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { folderBytes, packTarball, run, userEnv as npmUserEnv } from "./check-install.mjs";

const userEnv = (extra = {}) => npmUserEnv({ COREPACK_ENABLE_DOWNLOAD_PROMPT: "0", ...extra });

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PUBLISHED_SCHEMA = /^https:\/\/unpkg\.com\/journeymap@[^/]+\/schemas\/editor\/journeymap\.schema\.json$/;

/**
 * The clients: how to call each, how it adds the tarball, how it runs the installed binary and a
 * Node script in the project, the word its install hints use, and where its packages land.
 */
const yarn = ["npx", "-y", "-p", "@yarnpkg/cli-dist@4", "yarn"];
const CLIENTS = [
  {
    label: "pnpm 9",
    client: ["npx", "-y", "pnpm@9"],
    add: (tarball) => ["add", tarball],
    bin: ["exec", "journeymap"],
    hint: "pnpm add",
    packages: "node_modules",
  },
  {
    label: "pnpm 10",
    client: ["npx", "-y", "pnpm@10"],
    add: (tarball) => ["add", tarball],
    bin: ["exec", "journeymap"],
    hint: "pnpm add",
    packages: "node_modules",
  },
  {
    label: "yarn 4 (Plug'n'Play)",
    client: yarn,
    setup: { ".yarnrc.yml": "nodeLinker: pnp\nenableGlobalCache: false\nenableTelemetry: false\n", "yarn.lock": "" },
    add: (tarball) => ["add", `journeymap@file:${tarball}`],
    bin: ["journeymap"],
    node: ["node"],
    hint: "yarn add",
    packages: ".yarn",
    pnp: true,
  },
  {
    label: "yarn 4 (node_modules)",
    client: yarn,
    setup: {
      ".yarnrc.yml": "nodeLinker: node-modules\nenableGlobalCache: false\nenableTelemetry: false\n",
      "yarn.lock": "",
    },
    add: (tarball) => ["add", `journeymap@file:${tarball}`],
    bin: ["journeymap"],
    node: ["node"],
    hint: "yarn add",
    packages: "node_modules",
  },
  {
    label: "bun",
    // Installed, then called as a user's shell does: through npx, bun would pass on npx's user agent.
    installedFrom: "bun@1",
    client: ["bun"],
    add: (tarball) => ["add", tarball],
    bin: ["x", "journeymap"],
    hint: "bun add",
    packages: "node_modules",
  },
];

function checkClient(work, tarball, spec) {
  const rows = [];
  const row = (measure, value, target, ok) =>
    rows.push({ issue: 20, measure: `${spec.label}: ${measure}`, value, target, ok });
  const project = join(work, spec.label.replace(/\W+/g, "-"));
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, "package.json"), `${JSON.stringify({ name: "scratch", private: true }, null, 2)}\n`);
  for (const [name, text] of Object.entries(spec.setup ?? {})) writeFileSync(join(project, name), text);
  copyFileSync(join(ROOT, "examples/freshcart.journey.yaml"), join(project, "freshcart.journey.yaml"));
  copyFileSync(join(ROOT, "examples/journeymap.shared.yaml"), join(project, "journeymap.shared.yaml"));
  copyFileSync(
    join(ROOT, "test/fixtures/fonts/international.journey.yaml"),
    join(project, "international.journey.yaml"),
  );
  let command = spec.client;
  if (spec.installedFrom) {
    const tools = join(work, "tools");
    run("npm", ["install", "--prefix", tools, "--no-save", spec.installedFrom], { cwd: work });
    command = [join(tools, "node_modules/.bin", spec.client[0]), ...spec.client.slice(1)];
  }
  const client = (...args) => run(command[0], [...command.slice(1), ...args], { cwd: project });

  const version = client("--version");
  if (version.status !== 0 || !/^\d+\.\d+/.test(version.stdout.trim())) {
    console.log(`skipped: ${spec.label}: \`${spec.client.join(" ")} --version\` did not run`);
    row("install", "skipped: the client could not be fetched or run", "", undefined);
    return rows;
  }
  const install = client(...spec.add(tarball));
  row(`${version.stdout.trim()} add of the packed tarball`, `exit ${install.status}`, "exit 0", install.status === 0);
  if (install.status !== 0) {
    console.error((install.stdout + install.stderr).split("\n").slice(-20).join("\n"));
    return rows;
  }
  row("install time", `${install.seconds.toFixed(1)} s`, "", undefined);
  row(
    `size of ${spec.packages}`,
    `${(folderBytes(join(project, spec.packages)) / 1024 / 1024).toFixed(1)} MB`,
    "",
    undefined,
  );

  const journeymap = (...args) => client(...spec.bin, ...args);
  const help = journeymap("--help");
  row(
    "journeymap --help",
    `exit ${help.status}`,
    "exit 0, usage shown",
    help.status === 0 && /Usage:/.test(help.stdout),
  );
  const lint = journeymap("lint", "freshcart.journey.yaml");
  row("journeymap lint freshcart.journey.yaml", `exit ${lint.status}`, "exit 0", lint.status === 0);
  const svg = journeymap("render", "freshcart.journey.yaml", "--output", "freshcart.svg");
  const svgText = existsSync(join(project, "freshcart.svg"))
    ? readFileSync(join(project, "freshcart.svg"), "utf8")
    : "";
  row(
    "render … --output freshcart.svg",
    `exit ${svg.status}`,
    "exit 0, an SVG document",
    svg.status === 0 && svgText.trimEnd().endsWith("</svg>"),
  );
  const png = journeymap("render", "freshcart.journey.yaml", "--output", "freshcart.png");
  const pngBytes = existsSync(join(project, "freshcart.png"))
    ? readFileSync(join(project, "freshcart.png"))
    : Buffer.of();
  row(
    "render … --output freshcart.png",
    `exit ${png.status}`,
    "exit 0, a PNG file",
    png.status === 0 && pngBytes.subarray(0, 8).equals(Buffer.from("89504e470d0a1a0a", "hex")),
  );

  // init's modeline: a path to a schema file that is there, or (Plug'n'Play: a zip no editor reads) the published URL.
  const init = journeymap("init", "maps/new.journey.yaml");
  const modeline = existsSync(join(project, "maps/new.journey.yaml"))
    ? (/\$schema=(\S+)/.exec(readFileSync(join(project, "maps/new.journey.yaml"), "utf8"))?.[1] ?? "")
    : "";
  const modelineOk = spec.pnp
    ? PUBLISHED_SCHEMA.test(modeline)
    : !modeline.includes("://") && existsSync(resolve(join(project, "maps"), modeline));
  row(
    "init's schema modeline",
    `exit ${init.status}, ${modeline || "none"}`,
    spec.pnp ? "the published URL" : "a path to the installed schema",
    init.status === 0 && modelineOk,
  );

  // A map of Latin text prints to PDF with no optional package (journeymap writes the PDF itself).
  const latinPdf = journeymap("render", "freshcart.journey.yaml", "--output", "freshcart.pdf");
  const pdfBytes = existsSync(join(project, "freshcart.pdf"))
    ? readFileSync(join(project, "freshcart.pdf"))
    : Buffer.alloc(0);
  row(
    "render --output x.pdf (Latin text) without pdfkit",
    `exit ${latinPdf.status}, ${pdfBytes.subarray(0, 8).toString("latin1") || "no file"}`,
    "exit 0, %PDF-1.7",
    latinPdf.status === 0 && pdfBytes.subarray(0, 8).toString("latin1") === "%PDF-1.7",
  );

  // Text that needs shaping: the optional package's hint, in this client's words, instead of an unexpected error.
  const pdf = journeymap("render", "international.journey.yaml", "--output", "international.pdf");
  const wanted = `run ${spec.hint} pdfkit svg-to-pdfkit`;
  row(
    "render --output x.pdf (CJK, Arabic, marks) without pdfkit and svg-to-pdfkit",
    `exit ${pdf.status}, ${pdf.stderr.trim().split("\n")[0].slice(0, 110)}`,
    `exit 2, "${wanted}"`,
    pdf.status === 2 && pdf.stderr.includes(wanted) && !pdf.stderr.includes("unexpected error"),
  );

  for (const [how, code] of [
    ["require", 'const j = require("journeymap"); if (typeof j.lintJourney !== "function") process.exit(3)'],
    ["import", 'import("journeymap").then((j) => { if (typeof j.lintJourney !== "function") process.exit(3) })'],
  ]) {
    const loaded = spec.node ? client(...spec.node, "-e", code) : run(process.execPath, ["-e", code], { cwd: project });
    row(`${how}("journeymap")`, `exit ${loaded.status}`, "exit 0", loaded.status === 0);
    if (loaded.status !== 0) console.error(loaded.stderr.split("\n").slice(0, 6).join("\n"));
  }
  for (const failed of [help, lint, svg, png, init].filter((result) => result.status !== 0))
    console.error(failed.stderr);
  return rows;
}

/**
 * The optional engines as the README says to add them, at their current majors: mermaid-cli brings
 * puppeteer, whose install script would download a Chrome, so the command skips that download, and
 * journeymap draws with the system's browser. npm checks journeymap's peer ranges (no
 * --legacy-peer-deps): a range a major behind is an ERESOLVE failure here.
 */
function checkOptionalEngines(work, tarball) {
  const rows = [];
  const row = (measure, value, target, ok) =>
    rows.push({ issue: 20, measure: `optional engines: ${measure}`, value, target, ok });
  const project = join(work, "optional-engines");
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, "package.json"), `${JSON.stringify({ name: "scratch", private: true }, null, 2)}\n`);
  copyFileSync(join(ROOT, "examples/freshcart.journey.yaml"), join(project, "freshcart.journey.yaml"));
  copyFileSync(join(ROOT, "examples/journeymap.shared.yaml"), join(project, "journeymap.shared.yaml"));
  const cache = join(work, "puppeteer-cache");
  const env = userEnv({ PUPPETEER_CACHE_DIR: cache });
  const add = (...packages) =>
    run("npm", ["install", ...packages], { cwd: project, env: { ...env, PUPPETEER_SKIP_DOWNLOAD: "1" } });
  const journeymapAdded = add(tarball);
  const engines = add(
    "@mermaid-js/mermaid-cli@latest",
    "puppeteer-core@latest",
    "pdfkit@latest",
    "svg-to-pdfkit@latest",
  );
  const versions = ["@mermaid-js/mermaid-cli", "puppeteer-core", "pdfkit", "svg-to-pdfkit"]
    .map((name) => {
      const manifest = join(project, "node_modules", name, "package.json");
      return existsSync(manifest) ? `${name} ${JSON.parse(readFileSync(manifest, "utf8")).version}` : `${name} missing`;
    })
    .join(", ");
  row(
    "PUPPETEER_SKIP_DOWNLOAD=1 npm install @mermaid-js/mermaid-cli puppeteer-core pdfkit svg-to-pdfkit",
    `exit ${journeymapAdded.status}/${engines.status}, ${versions}, ${engines.seconds.toFixed(0)} s`,
    "exit 0, peer ranges met",
    journeymapAdded.status === 0 && engines.status === 0,
  );
  if (engines.status !== 0) {
    console.error(engines.stderr.split("\n").slice(0, 30).join("\n"));
    return rows;
  }
  row(
    "node_modules size",
    `${(folderBytes(join(project, "node_modules")) / 1024 / 1024).toFixed(0)} MB`,
    "",
    undefined,
  );
  row(
    "browsers downloaded",
    existsSync(cache) ? readdirSync(cache).join(", ") || "none" : "none",
    "none",
    !existsSync(cache) || readdirSync(cache).length === 0,
  );
  const journeymap = (...args) => run("npm", ["exec", "--no", "--", "journeymap", ...args], { cwd: project, env });
  const browser = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find(existsSync);
  if (!browser) {
    console.log("skipped: optional engines: no system Chromium to draw with (apt-get install chromium)");
    row("drawing", "skipped: no system Chromium", "", undefined);
    return rows;
  }
  for (const [what, args, output, magic] of [
    ["--engine mermaid-cli", ["--engine", "mermaid-cli", "--output", "mermaid.svg"], "mermaid.svg", "<svg"],
    ["PDF", ["--output", "freshcart.pdf"], "freshcart.pdf", "%PDF-"],
    ["PDF --engine chrome", ["--engine", "chrome", "--output", "chrome.pdf"], "chrome.pdf", "%PDF-"],
  ]) {
    const drawn = journeymap("render", "freshcart.journey.yaml", "--browser", browser, ...args);
    const head = existsSync(join(project, output)) ? readFileSync(join(project, output), "latin1").slice(0, 200) : "";
    row(`render ${what}`, `exit ${drawn.status}`, "exit 0", drawn.status === 0 && head.includes(magic));
    if (drawn.status !== 0) console.error(drawn.stderr);
  }
  return rows;
}

async function main() {
  const { printTable } = await import("../bench/lib.mjs");
  const work = mkdtempSync(join(tmpdir(), "journeymap-managers-"));
  try {
    const { tarball } = packTarball(work);
    // CHECK_CLIENTS=bun,pnpm narrows the run to clients whose label contains one of the words.
    const only = process.env.CHECK_CLIENTS?.split(",").filter(Boolean);
    const clients = CLIENTS.filter((spec) => !only || only.some((word) => spec.label.includes(word)));
    const rows = clients.flatMap((spec) => checkClient(work, tarball, spec));
    if (!only || only.includes("engines")) rows.push(...checkOptionalEngines(work, tarball));
    printTable(rows);
    const missed = rows.filter((row) => row.ok === false);
    if (missed.length) {
      console.error(
        `check-package-managers: ${missed.length} check(s) failed: ${missed.map((row) => row.measure).join("; ")}`,
      );
      process.exitCode = 1;
    } else console.log("check-package-managers: every client installs and runs journeymap");
  } catch (error) {
    console.error(`check-package-managers: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) await main();
