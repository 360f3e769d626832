// Regenerates the picture of docs/lanes.md with the native renderer: docs/images/lanes.svg and .png from
// docs/examples/lanes.journey.yaml (an insurance claim with the lanes a claims team declared). Run after
// `npm run build`:
//   node scripts/render-lanes-picture.mjs
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const { loadMapFile } = await import(`${root}dist/workspace/load.js`);
const { renderSvg } = await import(`${root}dist/render/svg/index.js`);
const { svgToPng } = await import(`${root}dist/render/png.js`);
const { writeOutput } = await import(`${root}dist/io/write-output.js`);

const source = "docs/examples/lanes.journey.yaml";
const loaded = loadMapFile(`${root}${source}`, { shown: source, cwd: root });
if (!loaded.journey) {
  console.error(
    `${source} is not a valid map:\n${loaded.diagnostics.map((d) => `  ${d.line}:${d.column} ${d.message}`).join("\n")}`,
  );
  process.exit(1);
}
const svg = renderSvg(loaded.journey, { theme: "light" });
mkdirSync(`${root}docs/images`, { recursive: true });
writeOutput(`${root}docs/images/lanes.svg`, svg);
writeOutput(`${root}docs/images/lanes.png`, await svgToPng(svg, { scale: 1 }));
console.log("wrote docs/images/lanes.svg and docs/images/lanes.png");
