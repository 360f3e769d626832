// @vitest-environment happy-dom
// renderMermaid read back by Mermaid's own parser: title, accessibility text, sections, tasks,
// scores and actors must equal the map's, however much Mermaid syntax the map's text contains.
import { readFileSync } from "node:fs";
import type { Mermaid } from "mermaid";
import { beforeAll, describe, expect, it } from "vitest";
import { loadJourney } from "../../src/journey/load.js";
import { personasAt, type Journey } from "../../src/journey/model.js";
import { NO_EMOTION_MARK, NO_EMOTION_SCORE, renderMermaid, taskLinesOf } from "../../src/render/mermaid.js";

interface ParsedTask {
  section: string;
  task: string;
  score: number;
  people: string[];
}
interface Parsed {
  title: string;
  accTitle: string;
  accDescr: string;
  sections: string[];
  tasks: ParsedTask[];
  actors: string[];
}

/** The journey diagram's db: Mermaid types it as the generic DiagramDB, without the journey's getters. */
interface JourneyDb {
  getDiagramTitle(): string;
  getAccTitle(): string;
  getAccDescription(): string;
  getSections(): string[];
  getTasks(): ParsedTask[];
  getActors(): string[];
}

let mermaid: Mermaid;

beforeAll(async () => {
  mermaid = (await import("mermaid")).default;
  mermaid.initialize({ startOnLoad: false });
});

/**
 * Mermaid replaces its entity codes by placeholders before parsing (`#35;` → `ﬂ°°35¶ß`) and only
 * turns them into HTML entities (`&#35;`) in the SVG it writes, where the browser resolves them.
 * The parsed db therefore holds placeholders: decode them the way Mermaid's renderer does
 * (its decodeEntities), then resolve the numeric references the way the browser does.
 */
function decodeLikeMermaid(text: string): string {
  const html = text.replace(/ﬂ°°/g, "&#").replace(/ﬂ°/g, "&").replace(/¶ß/g, ";");
  return html.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}

async function parse(text: string): Promise<Parsed> {
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const db = diagram.db as unknown as JourneyDb;
  // getTasks() appends on every call: read it once.
  const tasks = db.getTasks().map((task) => ({
    section: decodeLikeMermaid(task.section),
    task: decodeLikeMermaid(task.task),
    score: task.score,
    people: task.people.map(decodeLikeMermaid),
  }));
  return {
    title: decodeLikeMermaid(db.getDiagramTitle()),
    accTitle: decodeLikeMermaid(db.getAccTitle()),
    accDescr: decodeLikeMermaid(db.getAccDescription()),
    sections: db.getSections().map(decodeLikeMermaid),
    tasks,
    actors: db.getActors().map(decodeLikeMermaid),
  };
}

function load(path: string): Journey {
  const loaded = loadJourney(readFileSync(path, "utf8"), { file: path });
  expect(loaded.diagnostics).toEqual([]);
  return loaded.journey!;
}

/** What the diagram should say, computed from the map without Mermaid: one task per distinct score. */
function expectedTasks(journey: Journey): ParsedTask[] {
  return journey.stages.flatMap((stage) =>
    (stage.touchpoints ?? []).flatMap((touchpoint) =>
      taskLinesOf(journey, touchpoint).map((line) => ({
        section: stage.name,
        task: line.score === undefined ? `${touchpoint.name}${NO_EMOTION_MARK}` : touchpoint.name,
        score: line.score ?? NO_EMOTION_SCORE,
        people: line.personas.map((persona) => persona.name),
      })),
    ),
  );
}

const MAPS = [
  "examples/freshcart.journey.yaml",
  "docs/examples/hotel.journey.yaml",
  "docs/examples/bank-account.journey.yaml",
  "test/fixtures/render/tricky.journey.yaml",
];

describe("renderMermaid read back by Mermaid's parser", () => {
  for (const path of MAPS) {
    it(`${path}: title, sections, tasks, scores and actors equal the map's`, async () => {
      const journey = load(path);
      const parsed = await parse(renderMermaid(journey));
      expect(parsed.title).toBe(journey.title);
      expect(parsed.accTitle).toBe(journey.title);
      expect(parsed.sections).toEqual(journey.stages.map((stage) => stage.name));
      expect(parsed.tasks).toEqual(expectedTasks(journey));
      const named = new Set(
        journey.stages.flatMap((stage) =>
          (stage.touchpoints ?? []).flatMap((touchpoint) =>
            personasAt(journey, touchpoint).map((persona) => persona.name),
          ),
        ),
      );
      expect(parsed.actors).toEqual([...named].sort());
      if (journey.description) expect(parsed.accDescr.startsWith(journey.description.trim())).toBe(true);
    });
  }

  it("keeps quotes, colons, semicolons, hashes, commas, angle brackets, ampersands, emoji and RTL text intact", async () => {
    const journey = load("test/fixtures/render/tricky.journey.yaml");
    const parsed = await parse(renderMermaid(journey));
    expect(parsed.title).toBe('Ticket #35; "quotes" & <b>bold</b>: 50% off %% now | pipes');
    expect(parsed.sections).toEqual(["Awareness: #1; 50% & <more>", "السداد", "section"]);
    expect(parsed.tasks[0]).toEqual({
      section: "Awareness: #1; 50% & <more>",
      task: 'Sees an ad: "Save 20%"; #deal, today',
      score: 4,
      people: ["Dana, working parent: #1 fan; <admin>", "Émile 🚀 (early adopter)"],
    });
    expect(parsed.tasks.map((task) => task.task)).toContain("&lt;escaped&gt; &#35; stays literal");
    expect(parsed.tasks.map((task) => task.task)).toContain("Leading and trailing\u00a0no-break space\u00a0");
    expect(parsed.actors).toContain("مريم، مسافرة");
    // The accessible description keeps the map's multi-line description, line breaks included.
    expect(parsed.accDescr).toContain(
      'Line one with <script>alert("x")</script> & &amp; entity\n# not a heading\n- not a list',
    );
  });

  it("shows personas who feel differently as one task line per score, never an average", async () => {
    const journey = load("docs/examples/hotel.journey.yaml");
    const parsed = await parse(renderMermaid(journey));
    expect(parsed.tasks.filter((task) => task.task === "Books a room")).toEqual([
      { section: "Booking", task: "Books a room", score: 4, people: ["Priya, business traveller"] },
      { section: "Booking", task: "Books a room", score: 2, people: ["The Okafors, family of four"] },
    ]);
    expect(parsed.tasks.filter((task) => task.task === "Has breakfast")).toEqual([
      {
        section: "The stay",
        task: "Has breakfast",
        score: 4,
        people: ["Priya, business traveller", "The Okafors, family of four"],
      },
    ]);
  });

  it("draws a touchpoint without an emotion on the neutral line, marked, so the diagram still parses", async () => {
    const journey = load("test/fixtures/render/tricky.journey.yaml");
    const parsed = await parse(renderMermaid(journey));
    expect(parsed.tasks).toContainEqual({
      section: "Awareness: #1; 50% & <more>",
      task: "title of a touchpoint starting with a keyword (no emotion recorded)",
      score: 3,
      people: ["Dana, working parent: #1 fan; <admin>"],
    });
    // A persona without a score where others have one gets its own marked line.
    expect(
      parsed.tasks
        .filter((task) => task.section === "section")
        .map((task) => [task.score, task.people, task.task.endsWith(NO_EMOTION_MARK)]),
    ).toEqual([
      [3, ["Dana, working parent: #1 fan; <admin>", "Émile 🚀 (early adopter)"], true],
      [3, ["مريم، مسافرة"], false],
    ]);
  });

  it("passes Mermaid's config through as front matter, and --theme dark as Mermaid's dark theme", async () => {
    const journey = load("examples/freshcart.journey.yaml");
    const text = renderMermaid(journey, { config: { theme: "forest", journey: { diagramMarginX: 60 } } });
    expect(text.startsWith("---\nconfig:\n  theme: forest\n  journey:\n    diagramMarginX: 60\n---\njourney\n")).toBe(
      true,
    );
    const { config } = await mermaid.parse(text);
    expect(config).toMatchObject({ theme: "forest", journey: { diagramMarginX: 60 } });
    expect((await parse(text)).title).toBe(journey.title);
    expect(renderMermaid(journey, { theme: "dark" })).toMatch(/^---\nconfig:\n {2}theme: dark\n---\n/);
    expect(renderMermaid(journey, { theme: "dark", config: { theme: "neutral" } })).toMatch(
      /^---\nconfig:\n {2}theme: neutral\n---\n/,
    );
  });

  it("is pure: the same map gives the same text", () => {
    const journey = load("docs/examples/hotel.journey.yaml");
    expect(renderMermaid(journey)).toBe(renderMermaid(structuredClone(journey)));
  });
});
