// Bundles the compiled CLI (dist/cli/bundle.js) into one CommonJS file, dist/bundle/cli.js, which
// dist/bundle/start.js (src/cli/start.ts, what bin/journeymap.js requires) compiles through a V8 code
// cache. Packages with native or browser parts stay outside and load lazily, through the start-up's
// import(). dist/bundle/ is CommonJS (its package.json says so), like bin/.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist/bundle"); // two folders below the root, like dist/cli/, so relative URLs still resolve
// The office exports' libraries load only when their format is asked for (pptxgenjs is an optional package).
const EXTERNAL = [
  "puppeteer",
  "puppeteer-core",
  "@mermaid-js/mermaid-cli",
  "@resvg/resvg-js",
  "mermaid",
  "pdfkit",
  "svg-to-pdfkit",
  "pptxgenjs",
  "jszip",
  "exceljs",
];
/** Node's own modules that are not in its start-up snapshot: each costs milliseconds to load, so the
 * bundle loads them on first use (commander's child_process is for subcommand executables, which
 * journeymap has none of; crypto is for SARIF fingerprints only, os and tty for colour detection, v8 for
 * handing back the memory of PNG pictures). */
const LAZY_BUILTINS = ["child_process", "crypto", "os", "tty", "v8", "worker_threads", "zlib", "readline"];

/** A module that stands in for `specifier` and requires it on first use. Nothing own to enumerate
 * (esbuild's interop copies own properties when a module loads): every property is looked up on the
 * prototype, which requires the real module then. */
function standIn(specifier) {
  return `let loaded;
const real = () => (loaded ??= require(${JSON.stringify(specifier)}));
module.exports = Object.create(new Proxy({}, {
  get: (_, key) => (key === "__esModule" ? undefined : real()[key]),
  has: (_, key) => key in real(),
}));`;
}

rmSync(outdir, { recursive: true, force: true }); // nothing stale from earlier builds

/**
 * Moves each module's namespace object setup (`__export(x_exports, {...})`, a getter per export) from the
 * bundle's top level to the start of the module's own lazy init (`__esm`), where nothing can read the
 * namespace before it: every use of a namespace comes after its init, which now fills it before its own
 * imports' inits run, so a cycle sees it filled too. At the top level, the 64 namespaces of the hot bundle
 * were set up at every start, used or not (~0.3 ms). A namespace whose init does not directly follow is
 * left where it is.
 */
function exportsAtInit(code) {
  const setup = /var (\w+)=\{\};__export\(\1,\{[^{}]*\}\);/g;
  let out = "";
  let from = 0;
  let moved = 0;
  for (let found = setup.exec(code); found; found = setup.exec(code)) {
    const init = code.indexOf('=__esm({"', found.index + found[0].length);
    const opens = init === -1 ? -1 : code.indexOf('"(){', init);
    const between = init === -1 ? "" : code.slice(found.index + found[0].length, init);
    // Only declarations between (var ...; function ...(){...}) and no other module's start.
    if (opens === -1 || /__export\(|__commonJS\(|__esm\(/.test(between)) continue;
    const call = found[0].slice(`var ${found[1]}={};`.length);
    out +=
      code.slice(from, found.index) +
      `var ${found[1]}={};` +
      code.slice(found.index + found[0].length, opens + 4) +
      call;
    from = opens + 4;
    setup.lastIndex = from;
    moved++;
  }
  if (moved === 0) throw new Error("bundle-cli: no namespace setup found to move (has esbuild's output changed?)");
  return out + code.slice(from);
}

/** import.meta for CommonJS output: its url, made the first time it is read. */
const META_BANNER =
  'var __journeymapMeta = { get url() { return require("node:url").pathToFileURL(__filename).href; } };';

/** Node's threshold for an external string (see finish()), rounded up. */
const EXTERNAL_STRING = 1 << 20;

/** esbuild's options for both bundles (not the entry, the output or the plugins). */
const COMMON = {
  absWorkingDir: root,
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  external: EXTERNAL,
  // ASCII only: Node then reads the bundle into a one-byte string, half the memory and faster to scan.
  charset: "ascii",
  // Without its whitespace the bundle is a third smaller, which every start-up reads (~1 ms). Names are
  // kept, so a --debug stack trace still names each function.
  minifyWhitespace: true,
  // The bundle's own URL, for the relative URLs (schemas, workers) that modules resolve: made when first
  // asked for, as most runs never do and node:url's code costs ~0.3 ms to load.
  define: { "import.meta.url": "__journeymapMeta.url" },
  banner: { js: META_BANNER },
  logLevel: "warning",
};

const PLUGINS = [
  {
    name: "lazy-builtins",
    setup(context) {
      const filter = new RegExp(`^(node:)?(${LAZY_BUILTINS.join("|")})$`);
      // The real module, required from inside the stand-in, is Node's own (esbuild leaves it external).
      context.onResolve({ filter }, ({ path, namespace }) =>
        namespace === "lazy-builtin" ? undefined : { path: path.replace(/^node:/, ""), namespace: "lazy-builtin" },
      );
      context.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, ({ path }) => ({
        loader: "js",
        contents: standIn(`node:${path}`),
      }));
    },
  },
  {
    // chalk set up on first use (src/report/paint.ts builds a painter only for a run with colours):
    // the stand-in's Chalk constructs the real one, which esbuild then initialises lazily.
    name: "lazy-chalk",
    setup(context) {
      context.onResolve({ filter: /^chalk$/ }, ({ namespace, importer }) =>
        namespace === "lazy-chalk" || !/[\\/]dist[\\/]report[\\/]paint\.js$/.test(importer)
          ? undefined
          : { path: "chalk", namespace: "lazy-chalk" },
      );
      context.onLoad({ filter: /.*/, namespace: "lazy-chalk" }, () => ({
        loader: "js",
        resolveDir: root,
        contents: 'export class Chalk { constructor(options) { return new (require("chalk").Chalk)(options); } }',
      }));
    },
  },
  {
    // The version, written in: no reading package.json at start-up (the bundle is built with it).
    name: "version-written-in",
    setup(context) {
      const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
      context.onLoad({ filter: /[\\/]dist[\\/]version\.js$/ }, () => ({
        loader: "js",
        contents: `export const PACKAGE_VERSION = ${JSON.stringify(version)};`,
      }));
    },
  },
  {
    // chalk detects colour support (reading the terminal) when it loads; journeymap always tells it
    // the level, so its browser variant, which detects nothing, is the same and costs nothing.
    name: "chalk-without-detection",
    setup(context) {
      context.onResolve({ filter: /^#supports-color$/ }, () => ({
        path: join(root, "node_modules/chalk/source/vendor/supports-color/browser.js"),
      }));
    },
  },
  {
    // yaml set up on first use, through a stand-in like the lazy built-ins': a map the one-pass loader
    // reads (src/journey/fast-yaml.ts) needs none of it, and its 73 modules cost ~0.3 ms at every start.
    name: "lazy-yaml",
    setup(context) {
      context.onResolve({ filter: /^yaml$/ }, ({ namespace, importer }) =>
        namespace === "lazy-yaml" || importer.includes("node_modules")
          ? undefined
          : { path: "yaml", namespace: "lazy-yaml" },
      );
      context.onLoad({ filter: /.*/, namespace: "lazy-yaml" }, () => ({
        loader: "js",
        resolveDir: root,
        contents: standIn("yaml"),
      }));
    },
  },
  {
    // yaml's Node build reads process.env for a debug switch on every token; its browser build is
    // the same parser without that, and measurably faster on big maps.
    name: "yaml-without-env-lookups",
    setup(context) {
      context.onResolve({ filter: /^yaml$/ }, () => ({ path: join(root, "node_modules/yaml/browser/index.js") }));
    },
  },
];

// Two bundles. Every start reads its bundle, deserializes a code cache holding a stub of each of its
// functions and runs its top level: all three cost time in proportion to the bundle's size, and a
// validate, lint or render of one map uses about a third of the code. So the modules those commands
// load (the static imports of HOT_ENTRIES, followed to the end) make dist/bundle/cli.js; every other
// module (exports, import, PDF and PNG, data, backlog sync, diff, fixes...) makes dist/bundle/cold.js,
// which the start-up loads, with its own code cache, the first time a module of it is asked for. A
// module is in exactly one of them; an import across is a stand-in that asks the start-up for the
// module from the other bundle (its __journeymapOther), so each module still runs once.
const HOT_ENTRIES = [
  "dist/cli/bundle.js",
  "dist/cli/validate.js",
  "dist/cli/lint.js",
  "dist/cli/render.js",
  "dist/lint/index.js",
  "dist/lint/pool.js",
  "dist/lint/config.js",
  "dist/workspace/load.js",
  "dist/render/svg/index.js",
  "dist/render/blueprint/index.js",
  // A docs site of maps with tracked opportunities has a backlog page.
  "dist/backlog/collect.js",
  "dist/backlog/backlog.js",
  "dist/backlog/priority.js",
  "dist/render/backlog/matrix.js",
  "dist/render/backlog/formats.js",
].map((path) => join(root, path));

const graph = await build({
  ...COMMON,
  entryPoints: [join(root, "dist/cli/bundle.js")],
  outfile: join(outdir, "graph.js"),
  plugins: PLUGINS,
  write: false,
  metafile: true,
});
const hot = hotModules(graph.metafile.inputs);
// JOURNEYMAP_BUNDLE_REPORT=1 npm run build: each bundle's size and its largest modules.
if (process.env.JOURNEYMAP_BUNDLE_REPORT) {
  const out = Object.values(graph.metafile.outputs)[0].inputs;
  const rows = Object.entries(out).map(([key, { bytesInOutput }]) => [
    hot.has(key) ? "hot " : "cold",
    bytesInOutput,
    key,
  ]);
  for (const side of ["hot ", "cold"])
    console.log(
      side,
      rows.filter((r) => r[0] === side).reduce((a, r) => a + r[1], 0),
    );
  for (const row of rows
    .filter((r) => r[0] === "hot ")
    .sort((a, b) => b[1] - a[1])
    .slice(0, 60))
    console.log(row.join(" "));
}

/** The modules the hot entries load: their static imports (import statements and require calls),
 * followed to the end. A dynamic import() is where the hot part may stop, and so is yaml's stand-in:
 * the one-pass loader reads a map without yaml, which only lint --fix, data pull and maps in rarer
 * YAML (anchors, flow collections, tags) need. */
function hotModules(inputs) {
  const found = new Set();
  const visit = (key) => {
    if (found.has(key) || !Object.hasOwn(inputs, key)) return;
    found.add(key);
    if (key.startsWith("lazy-yaml:")) return;
    for (const { path, kind, external } of inputs[key].imports) if (!external && kind !== "dynamic-import") visit(path);
  };
  for (const entry of HOT_ENTRIES) visit(keyOf(entry));
  if (found.size === 0) throw new Error("bundle-cli: no hot module found (is dist/ built?)");
  return found;
}

/** A module's name in esbuild's metafile: its path from the working directory, or namespace:path. */
function keyOf(path, namespace = "file") {
  return namespace === "file" ? relative(root, path).split(sep).join("/") : `${namespace}:${path}`;
}

/** The plugin that keeps `side`'s bundle to its own modules: an import of a module of the other bundle
 * becomes a stand-in asking the start-up for it. Only modules of files are split; the small stand-ins
 * of the plugins above (lazy built-ins, chalk, yaml) are in whichever bundle uses them. */
function split(side) {
  return {
    name: "split",
    setup(context) {
      context.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.split || args.kind === "entry-point") return undefined;
        const result = await context.resolve(args.path, {
          importer: args.importer,
          namespace: args.namespace,
          resolveDir: args.resolveDir,
          kind: args.kind,
          pluginData: { split: true },
        });
        if (result.errors.length > 0 || result.external || result.namespace !== "file") return result;
        const key = keyOf(result.path);
        if (hot.has(key) === (side === "hot")) return result;
        refuseDefaultImport(args, key);
        // "#other": a path ending in .mjs would make esbuild read the stand-in as an ES module.
        return { path: `${key}#other`, namespace: "other-bundle" };
      });
      context.onLoad({ filter: /.*/, namespace: "other-bundle" }, ({ path }) => ({
        loader: "js",
        contents: `module.exports = __journeymapOther(${JSON.stringify(path.replace(/#other$/, ""))});`,
      }));
    },
  };
}

/** Across the bundles, a module is seen as CommonJS, whose default import esbuild makes the whole module:
 * a default import of one of our ES modules there would get the wrong value, so the build refuses it. */
function refuseDefaultImport({ importer, path }, key) {
  if (!/\.(m?js)$/.test(key) || /(^|\/)node_modules\//.test(key) || !importer.endsWith(".js")) return;
  const source = readFileSync(importer, "utf8");
  const quoted = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  if (new RegExp(`import\\s+[\\w$]+\\s*(,[^;]*)?from\\s*["']${quoted}["']`).test(source))
    throw new Error(`bundle-cli: ${importer} default-imports ${path} across the bundles: use a named import`);
}

/** Each bundle's entry: the hot one's gives the start-up the program and the workers' loops; both give
 * the other bundle, by name, each of their modules it imports. */
function entryOf(side) {
  const asked = new Set();
  for (const [key, { imports }] of Object.entries(graph.metafile.inputs))
    if (hot.has(key) !== (side === "hot"))
      for (const { path, external } of imports) if (!external && hot.has(path) === (side === "hot")) asked.add(path);
  const modules = [...asked]
    .filter((key) => !key.includes(":"))
    .sort()
    .map((key) => `  ${JSON.stringify(key)}: () => require(${JSON.stringify(join(root, key))}),`);
  const program =
    side === "hot" ? `export { main, runWorker } from ${JSON.stringify(join(root, "dist/cli/bundle.js"))};\n` : "";
  return `${program}export const modules = {\n${modules.join("\n")}\n};\n`;
}

for (const side of ["hot", "cold"]) {
  const name = side === "hot" ? "cli.js" : "cold.js";
  await build({
    ...COMMON,
    stdin: { contents: entryOf(side), resolveDir: root, sourcefile: `journeymap-${side}-entry.js`, loader: "js" },
    outfile: join(outdir, name),
    plugins: [split(side), ...PLUGINS],
  });
  finish(join(outdir, name));
}

/** Makes a built bundle what the start-up compiles: one function expression, ASCII only, named by its
 * build, its import()s of the packages outside served by the start-up. */
function finish(bundle) {
  // Code compiled by node:vm cannot import(): the packages outside the bundle are imported by the
  // start-up instead (the __journeymapImport it passes in). Any other import() fails the build.
  let code = readFileSync(bundle, "utf8");
  // exceljs's Workbook file is imported alone (src/render/export/excel-workbook.ts).
  for (const name of [...EXTERNAL, "exceljs/lib/doc/workbook.js"])
    code = code.split(`import(${JSON.stringify(name)})`).join(`__journeymapImport(${JSON.stringify(name)})`);
  code = exportsAtInit(code);
  const left = /\bimport\s*\(/.exec(code);
  if (left)
    throw new Error(
      `${bundle} still has an import() the start-up cannot serve: ${code.slice(left.index, left.index + 80)}`,
    );
  // esbuild keeps non-ASCII characters in regular expression literals: escape them too (the same
  // pattern), so that the whole bundle is ASCII.
  code = code.replace(/[^\x00-\x7f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
  // The first line names this build: a code cache made for another build of the same length is never used.
  // The file is one function expression, which the start-up compiles as it is (no copy of the text to
  // wrap it), with the CommonJS module's variables, the start-up's import() and its way to the other
  // bundle's modules as its parameters.
  const buildId = createHash("sha256").update(code).digest("hex").slice(0, 32);
  // At 1 MiB or more: Node hands a file's text of that size to V8 as an external string, outside the
  // JavaScript heap (its EXTERN_APEX, 0xFBEE9 bytes); a smaller bundle would be a heap string in the
  // young generation and cost a collection at every start (~1 ms of a 40 ms render). A comment of spaces
  // at the end makes up the difference.
  const text = `(function (exports, require, module, __filename, __dirname, __journeymapImport, __journeymapOther) { // journeymap build ${buildId}\n${code}\n`;
  const padding = Math.max(0, EXTERNAL_STRING - text.length - "//\n})\n".length);
  writeFileSync(bundle, `${text}//${" ".repeat(padding)}\n})\n`);
}

// The start-up: only Node's own modules, so it loads in no time.
await build({
  entryPoints: [join(root, "dist/cli/start.js")],
  outfile: join(outdir, "start.js"),
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  define: { "import.meta.url": "__journeymapMeta.url" },
  banner: { js: META_BANNER },
  logLevel: "warning",
});
writeFileSync(join(outdir, "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);
// A worker thread of the lint pool starts at the start-up too, with its own code cache.
writeFileSync(
  join(outdir, "lint-worker.js"),
  '// A worker thread of the lint pool: the bundled CLI through its code cache (see start.js).\nrequire("./start.js").startWorker("lint");\n',
);
// And a worker thread of the PNG pool (src/render/raster-pool.ts).
writeFileSync(
  join(outdir, "raster-worker.js"),
  '// A worker thread of the PNG pool: the bundled CLI through its code cache (see start.js).\nrequire("./start.js").startWorker("raster");\n',
);
