// Regenerates the README's picture, docs/images/freshcart.svg and .png, from
// examples/freshcart.journey.yaml with the native renderer. Run after `npm run build`:
//   node scripts/render-readme-picture.mjs
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const { loadJourney } = await import(`${root}dist/journey/load.js`);
const { renderSvg } = await import(`${root}dist/render/svg/index.js`);
const { svgToPng } = await import(`${root}dist/render/png.js`);
const { writeAtomic } = await import(`${root}dist/io/write-atomic.js`);

const source = "examples/freshcart.journey.yaml";
const loaded = loadJourney(readFileSync(`${root}${source}`, "utf8"), { file: source });
if (!loaded.journey) {
  console.error(
    `${source} is not a valid map:\n${loaded.diagnostics.map((d) => `  ${d.line}:${d.column} ${d.message}`).join("\n")}`,
  );
  process.exit(1);
}
const svg = renderSvg(loaded.journey, { theme: "light" });
mkdirSync(`${root}docs/images`, { recursive: true });
writeAtomic(`${root}docs/images/freshcart.svg`, svg);
writeAtomic(`${root}docs/images/freshcart.png`, await svgToPng(svg, { scale: 1 }));
console.log("wrote docs/images/freshcart.svg and docs/images/freshcart.png");
