// The lanes and tracked-work format in the deck and the diagrams: the PowerPoint deck's stage tables show
// each opportunity's status and owner beside its title, a stage's declared lanes get tables of their own
// (fail points and waits marked), the title slide says blueprint, state and review date; LibreOffice
// Impress opens the deck and prints them. The draw.io and Visio drawings hold what the picture draws.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { renderPptx } from "../../src/render/export/pptx.js";
import { loadJourney } from "../../src/journey/load.js";
import type { Journey } from "../../src/journey/model.js";
import { runCli } from "../helpers/cli.js";
import { generateLanedMap } from "../../bench/generate-lanes.mjs";

const FIXTURE = "test/fixtures/export/lanes-and-work.journey.yaml";
const map = loadJourney(readFileSync(FIXTURE), { file: FIXTURE }).journey!;
const folder = mkdtempSync(join(tmpdir(), "journeymap-lanes-office-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const parser = new XMLParser({ ignoreAttributes: true, htmlEntities: true, isArray: () => true });

/** Every text run of an element, in document order. */
function runsOf(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const child of node) runsOf(child, found);
  else if (node !== null && typeof node === "object")
    for (const [name, child] of Object.entries(node)) {
      if (name === "a:t") for (const text of child as unknown[]) found.push(String(text));
      else runsOf(child, found);
    }
  return found;
}

/** Each slide's title (its first run) and the rows of its table, each row's cells as their runs joined. */
async function slidesOf(journey: Journey): Promise<Array<{ title: string; rows: string[][]; text: string[] }>> {
  const zip = await JSZip.loadAsync(await renderPptx(journey));
  const names = Object.keys(zip.files)
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  const slides = [];
  for (const name of names) {
    const xml = parser.parse(await zip.file(name)!.async("string")) as Record<string, unknown>;
    const text = runsOf(xml);
    const rows: string[][] = [];
    const collectRows = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collectRows);
      else if (node !== null && typeof node === "object")
        for (const [key, child] of Object.entries(node)) {
          if (key === "a:tr")
            for (const row of child as unknown[])
              rows.push(((row as Record<string, unknown>)["a:tc"] as unknown[]).map((cell) => runsOf(cell).join("\n")));
          else collectRows(child);
        }
    };
    collectRows(xml);
    slides.push({ title: text[0] ?? "", rows, text });
  }
  return slides;
}

describe("PowerPoint: lanes and tracked work", () => {
  it("shows each opportunity's status and owner beside its title, a referenced one as written elsewhere", async () => {
    const slides = await slidesOf(map);
    const stage = slides.find((slide) => slide.title === "Stage 1: Arrival")!;
    expect(stage.rows[0]).toEqual(["Touchpoint", "Pain points", "Opportunities"]);
    expect(stage.rows[1]![2]).toBe(
      "• Show the queue on the app\n• Mobile key in the app — planned, digital\n• Live room status — in progress",
    );
    expect(stage.rows[2]![2]).toBe("• Live room status — in progress");
    expect(slides[0]!.text).toContain("Service blueprint · future state · reviewed 2026-11-30");
  });

  it("gives a stage's declared lanes tables of their own, three lanes a table, in the lanes' order", async () => {
    const slides = await slidesOf(map);
    const lanes = slides.filter((slide) => slide.title === "Stage 1: Arrival, lanes");
    expect(lanes.map((slide) => slide.rows[0])).toEqual([
      ["Touchpoint", "Policies", "Back office", "Systems"],
      ["Touchpoint", "Front desk", '=HYPERLINK("http://x")'],
    ]);
    expect(lanes[0]!.rows.slice(1)).toEqual([
      ["The whole stage", "• Rooms ready by 15:00", "• Prepares keys [wait 1 h]", ""],
      [
        "Checks in at the desk",
        "",
        "• Looks up the booking [fail point: Booking not found (front-office)]\n• +cmd",
        "• Property management system\n• CRM",
      ],
      ["Goes to the room", "• Lift to every floor", "", ""],
    ]);
    expect(lanes[1]!.rows[1]).toEqual([
      "Checks in at the desk",
      "• Greets and finds the booking [wait 5 min]\n• Hands over the key",
      "• @SUM(A1)\n• -1",
    ]);
    expect(slides.find((slide) => slide.title === "Stage 2: Stay, lanes")!.rows).toEqual([
      ["Touchpoint", "Systems"],
      ["The whole stage", "• Door locks"],
    ]);
  });

  it("adds no lane slide to a map that declares no lanes", async () => {
    const hotel = loadJourney(readFileSync("docs/examples/hotel.journey.yaml"), { file: "hotel" }).journey!;
    const slides = await slidesOf(hotel);
    expect(slides.filter((slide) => slide.title.endsWith(", lanes"))).toEqual([]);
  });

  it("gives the lanes at most 30 slides, after every other slide, and says which stages' lanes it leaves out", async () => {
    const big = loadJourney(generateLanedMap({ touchpoints: 1000, stages: 10 })).journey!;
    const titles = (await slidesOf(big)).map((slide) => slide.title);
    const lanes = titles.filter((title) => /^Stage \d+: .*, lanes( \(\d+ of \d+\))?$/.test(title));
    expect(lanes.length).toBeGreaterThan(10);
    expect(lanes.length).toBeLessThanOrEqual(30);
    expect(titles.indexOf(lanes[0]!)).toBeGreaterThan(titles.lastIndexOf("Pain points with no opportunity yet"));
    for (let stage = 1; stage <= 10; stage++)
      expect(titles.some((title) => title.startsWith(`Stage ${stage}: `))).toBe(true);
    expect(titles.at(-1)).toMatch(/^Not in this deck: the lanes of \d+ more stages$/);
  });

  const ready = ["soffice", "pdftotext"].every(
    (command) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0,
  );
  it.runIf(ready || process.env.CI === "true")(
    "LibreOffice Impress opens the deck and prints the lanes and the statuses",
    () => {
      const deck = join(folder, "lanes.pptx");
      expect(runCli(["render", FIXTURE, "-o", deck]).code).toBe(0);
      const converted = spawnSync(
        "soffice",
        [
          `-env:UserInstallation=file://${folder}/profile`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          folder,
          deck,
        ],
        { encoding: "utf8", timeout: 120_000 },
      );
      expect(converted.status, converted.stderr).toBe(0);
      const text = spawnSync("pdftotext", [join(folder, "lanes.pdf"), "-"], { encoding: "utf8" }).stdout.replace(
        /\s+/g,
        " ",
      );
      for (const expected of [
        "Mobile key in the app — planned, digital",
        "Back office",
        "Front desk",
        "Prepares keys [wait 1 h]",
        '=HYPERLINK("http://x")',
      ])
        expect(text).toContain(expected);
    },
    180_000,
  );
});

describe("draw.io and Visio: a map with lanes and tracked work", () => {
  it.each([".drawio", ".drawio.svg", ".vsdx"])("exports to %s with the opportunities' titles", async (extension) => {
    const output = join(folder, `lanes${extension}`);
    const run = runCli(["render", FIXTURE, "-o", output]);
    expect(run.code, run.stderr).toBe(0);
    const text =
      extension === ".vsdx"
        ? await (await JSZip.loadAsync(readFileSync(output))).file("visio/pages/page1.xml")!.async("string")
        : readFileSync(output, "utf8");
    expect(text).toContain("Mobile key in the app");
  });
});
