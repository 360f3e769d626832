// Regenerates the README's pictures with the native renderer: docs/images/freshcart.svg and .png from
// examples/freshcart.journey.yaml, and docs/images/hotel-diff.svg, the picture of the change of the
// as-is → to-be pair in test/fixtures/diff/. Run after `npm run build`:
//   node scripts/render-readme-picture.mjs
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const { loadMapFile } = await import(`${root}dist/workspace/load.js`);
const { renderSvg } = await import(`${root}dist/render/svg/index.js`);
const { svgToPng } = await import(`${root}dist/render/png.js`);
const { writeOutput } = await import(`${root}dist/io/write-output.js`);
const { diffFormats, diffJourneys } = await import(`${root}dist/diff/index.js`);

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

const pair = (side) => {
  const file = `test/fixtures/diff/as-is-to-be/${side}.journey.yaml`;
  return loadMapFile(`${root}${file}`, { shown: file, cwd: root });
};
const [before, after] = [pair("old"), pair("new")];
const diff = diffJourneys(before, after, { labels: ["As-is", "To-be"], lint: false });
const change = await diffFormats.svg.draw({ diff, old: before.journey, new: after.journey }, { color: false });
writeOutput(`${root}docs/images/hotel-diff.svg`, change);
console.log("wrote docs/images/freshcart.svg, docs/images/freshcart.png and docs/images/hotel-diff.svg");
