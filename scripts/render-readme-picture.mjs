// Regenerates the README's picture, docs/images/freshcart.svg and .png, from
// examples/freshcart.journey.yaml with the native renderer. Run after `npm run build`:
//   node scripts/render-readme-picture.mjs
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const { loadMapFile } = await import(`${root}dist/workspace/load.js`);
const { renderSvg } = await import(`${root}dist/render/svg/index.js`);
const { svgToPng } = await import(`${root}dist/render/png.js`);
const { writeOutput } = await import(`${root}dist/io/write-output.js`);

const source = "examples/freshcart.journey.yaml";
// With the shared personas and teams of examples/journeymap.shared.yaml, as the CLI loads it.
const loaded = loadMapFile(`${root}${source}`, { shown: source, cwd: root });
if (!loaded.journey) {
  console.error(
    `${source} is not a valid map:\n${loaded.diagnostics.map((d) => `  ${d.line}:${d.column} ${d.message}`).join("\n")}`,
  );
  process.exit(1);
}
const svg = renderSvg(loaded.journey, { theme: "light" });
mkdirSync(`${root}docs/images`, { recursive: true });
writeOutput(`${root}docs/images/freshcart.svg`, svg);
writeOutput(`${root}docs/images/freshcart.png`, await svgToPng(svg, { scale: 1 }));
console.log("wrote docs/images/freshcart.svg and docs/images/freshcart.png");
