// Bundles the compiled CLI (dist/cli/main.js) into dist/bundle/ so that a run loads a few files
// instead of hundreds of modules. Packages with native or browser parts stay external and load lazily.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

rmSync(join(root, "dist/bundle"), { recursive: true, force: true }); // no stale chunks from earlier builds

await build({
  entryPoints: { cli: join(root, "dist/cli/main.js") },
  outdir: join(root, "dist/bundle"), // two folders below the root, like dist/cli/, so relative URLs still resolve
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["puppeteer", "puppeteer-core", "@mermaid-js/mermaid-cli", "@resvg/resvg-js", "mermaid"],
  plugins: [
    {
      // yaml's Node build reads process.env for a debug switch on every token; its browser build is
      // the same parser without that, and measurably faster on big maps.
      name: "yaml-without-env-lookups",
      setup(context) {
        context.onResolve({ filter: /^yaml$/ }, () => ({ path: join(root, "node_modules/yaml/browser/index.js") }));
      },
    },
  ],
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  logLevel: "warning",
});
