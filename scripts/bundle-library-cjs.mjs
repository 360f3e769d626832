// Builds the library's CommonJS entry, dist/cjs/index.cjs, for `require("journeymap")` where Node's
// require(esm) cannot reach the ES modules (Yarn Plug'n'Play reads packages out of zip files through a
// hook on CommonJS loading only), and its types, dist/cjs/**/*.d.ts, for TypeScript projects that
// compile to CommonJS (moduleResolution node16/nodenext: an ES module's types there are error TS1479).
// Dependencies that ship CommonJS stay outside; the ES-module-only ones (chalk and two small text
// helpers) are bundled in. Each module keeps its own URL, so relative lookups (the schemas, the lint
// worker) resolve to the files under dist/ as they do for the ES modules.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist/cjs");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
/** Packages that have no CommonJS build: bundled. Every other dependency is required at run time. */
const ES_MODULE_ONLY = new Set(["chalk", "get-east-asian-width", "emoji-regex"]);
const external = [
  ...Object.keys(manifest.dependencies).filter((name) => !ES_MODULE_ONLY.has(name)),
  ...Object.keys(manifest.peerDependencies ?? {}),
  "puppeteer",
  "mermaid",
];

mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: [join(root, "dist/index.js")],
  outfile: join(outdir, "index.cjs"),
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  external,
  logLevel: "warning",
  plugins: [
    {
      // import.meta.url of each compiled module, as the URL of that module's file under dist/.
      name: "module-urls",
      setup(context) {
        context.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, ({ path }) => {
          const source = readFileSync(path, "utf8");
          if (!source.includes("import.meta.url")) return undefined;
          const fromBundle = relative(outdir, path).split("\\").join("/");
          const url = `require("node:url").pathToFileURL(require("node:path").join(__dirname, ${JSON.stringify(fromBundle)})).href`;
          return {
            loader: "js",
            contents: source.split("import.meta.url").join(`(${url})`),
            resolveDir: dirname(path),
          };
        });
      },
    },
  ],
});
writeFileSync(join(outdir, "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);
// The types: the ES modules' declarations, copied below dist/cjs/, whose package.json makes them
// CommonJS declarations (a .d.cts re-exporting the ES ones is still error TS1479 for the importer).
for (const file of readdirSync(join(root, "dist"), { recursive: true, encoding: "utf8" })) {
  if (!file.endsWith(".d.ts") || file.startsWith(`cjs${sep}`)) continue;
  mkdirSync(dirname(join(outdir, file)), { recursive: true });
  copyFileSync(join(root, "dist", file), join(outdir, file));
}
