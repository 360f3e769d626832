// `journeymap diff` on the new format: declared lanes compared entry by entry, opportunities tracked as
// work matched by id (status moves, owners, scores), the map's type, status, review date and lanes. The
// built CLI's outputs read back: json parsed, the Markdown comment through markdown-it, the SVG parsed.
import MarkdownIt from "markdown-it";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { JourneyDiff } from "../../src/diff/index.js";
import { diffJourneys, diffPicture, isEmptyDiff } from "../../src/diff/index.js";
import { loadJourney } from "../../src/journey/load.js";
import { runCli } from "../helpers/cli.js";

const PAIR = "test/fixtures/diff/blueprint-lanes";
const OLD = `${PAIR}/old.journey.yaml`;
const NEW = `${PAIR}/new.journey.yaml`;
const gfm = new MarkdownIt({ html: true, linkify: true });

function jsonDiff(...args: string[]): JourneyDiff {
  const run = runCli(["diff", OLD, NEW, "--format", "json", ...args]);
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as JourneyDiff[])[0]!;
}

describe("diff of declared lanes and tracked opportunities", () => {
  it("says each change in one sentence a reviewer reads (stylish)", () => {
    const run = runCli(["diff", OLD, NEW]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const lines = run.stdout.split("\n");
    for (const line of [
      "  ~ map",
      '      ~ type "journey" → "blueprint"',
      '      ~ reviewed "2026-06-30" → "2026-11-30"',
      '  + lane "KPIs": added  new 17:5',
      '  ~ lane systems: relabelled "Systems" → "IT systems"  new 15:5',
      '  ~ stage "Arrival": Policies: "Rooms ready by 15:00" → "Rooms ready by 14:00"  new 19:5',
      '  ~ touchpoint "Checks in at the desk"  new 23:9',
      '      ~ opportunity "Show the queue on the app": now tracked as work (id "queue-app", idea, owner "digital")',
      '      ~ opportunity "Mobile key in the app": planned → in progress',
      '      ~ opportunity "Mobile key in the app": owner "digital" → "front-office"',
      '      ~ opportunity "Mobile key in the app": value 4 → 5; issue (none) → "https://github.com/acme/app/issues/7"',
      '      ~ Front desk: "Greets the guest" → "Greets the guest and finds the booking"',
      '      ~ Front desk "Greets the guest and finds the booking": wait "5 min" → "10 min"',
      '      + Back office "Looks up the booking": now served by "crm"',
      '      + Back office "Looks up the booking": fail point added (risk "Booking not found", owner "front-office", opportunity "mobile-key")',
      '      + IT systems: added "CRM"',
      '      - IT systems: removed "Key encoder"',
      '      + KPIs: added "Check-in under 2 min"',
      // The map became a blueprint, so the blueprint rules now apply to it: the diff says what they find.
      '  + warning unserved-frontstage: new: frontstage action "Greets the guest and finds the booking" of touchpoint "Checks in at the desk" is served by no backstage action or support process: give the ones that make it happen an id and name them under servedBy  new 41:19',
      "  touchpoints: 1 changed; lanes changed in 1 stage; 4 map-level changes; 1 new warning",
    ])
      expect(lines).toContain(line);
  });

  it("json: additive keys, lanes by id with their labels, opportunities by id, one change for text → object", () => {
    const diff = jsonDiff();
    expect(diff.version).toBe(2);
    expect(diff.map).toEqual({
      type: { old: "journey", new: "blueprint" },
      reviewed: { old: "2026-06-30", new: "2026-11-30" },
    });
    expect(diff.lanes!.added.map((lane) => [lane.id, lane.name])).toEqual([["kpis", "KPIs"]]);
    expect(diff.lanes!.renamed.map(({ old, new: renamed }) => [old.name, renamed.name])).toEqual([
      ["Systems", "IT systems"],
    ]);
    expect(diff.stages.changed).toEqual([
      {
        stage: expect.objectContaining({ id: "arrival", name: "Arrival" }) as unknown,
        lanes: [
          {
            lane: "policies",
            label: "Policies",
            added: [],
            removed: [],
            changed: [{ text: "Rooms ready by 14:00", oldText: "Rooms ready by 15:00" }],
          },
        ],
      },
    ]);
    const [change] = diff.touchpoints.changed;
    // The text that became tracked work is neither removed nor added.
    expect(change!.lists.opportunities).toBeUndefined();
    expect(change!.opportunities).toEqual([
      {
        id: "queue-app",
        title: "Show the queue on the app",
        became: "tracked",
        fields: { status: { new: "idea" }, owner: { new: "digital" } },
      },
      {
        id: "mobile-key",
        title: "Mobile key in the app",
        fields: {
          status: { old: "planned", new: "in-progress" },
          owner: { old: "digital", new: "front-office" },
          value: { old: 4, new: 5 },
          issue: { new: "https://github.com/acme/app/issues/7" },
        },
      },
    ]);
    expect(change!.lanes!.map((lane) => lane.label)).toEqual(["Front desk", "Back office", "IT systems", "KPIs"]);
    expect(change!.lanes![1]!.changed).toEqual([
      {
        id: "lookup",
        text: "Looks up the booking",
        servedBy: { added: ["crm"], removed: [] },
        fail: { new: { risk: "Booking not found", owner: "front-office", opportunity: "mobile-key" } },
      },
    ]);
  });

  it("markdown: status moves in a table of their own, the notable changes in the main table", () => {
    const run = runCli(["diff", OLD, NEW, "--format", "markdown"]);
    expect(run.code).toBe(0);
    const html = gfm.render(run.stdout);
    const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, table]) =>
      [...table!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
        [...row!.matchAll(/<t[hd]>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) => cell!.replace(/&quot;/g, '"')),
      ),
    );
    expect(tables[1]).toEqual([
      ["Opportunity", "Touchpoint", "Before", "After"],
      ["Mobile key in the app", "Checks in at the desk", "planned", "<strong>in progress</strong>"],
    ]);
    expect(tables[0]).toContainEqual([
      "➕ added",
      'touchpoint "Checks in at the desk"',
      'Back office "Looks up the booking": fail point added (risk "Booking not found", owner "front-office", opportunity "mobile-key")',
    ]);
    expect(tables[0]).toContainEqual(["✏️ changed", "map", 'type "journey" → "blueprint"']);
    // The status move is not repeated in the main table.
    expect(tables[0]!.some((row) => row[2]!.includes("planned → in progress"))).toBe(false);
    expect(html).toContain("IT systems: added &quot;CRM&quot;");
  });

  it("the picture marks the changed card and says what its lanes and opportunities were", () => {
    const run = runCli(["diff", OLD, NEW, "--format", "svg"]);
    expect(run.code).toBe(0);
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(run.stdout) as unknown;
    const texts: string[] = [];
    const walk = (node: unknown): void => {
      if (typeof node === "string") texts.push(node);
      else if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object")
        for (const [key, value] of Object.entries(node))
          if (key === "#text") texts.push(String(value));
          else if (!key.startsWith("@_")) walk(value);
    };
    walk(parsed);
    // A card wraps its notes: its lines joined with spaces read as written.
    const all = texts.join(" ");
    expect(all).toContain("Opportunity “Mobile key in the app”: planned → in");
    expect(all).toContain("IT systems removed: “Key encoder”");
    expect(all).toContain("Policies was “Rooms ready by 15:00”");
    expect(run.stdout).toMatch(/data-mark="changed"/);
  });

  it("the picture draws the map's declared lanes and highlights each changed entry where its lane draws it", () => {
    const run = runCli(["diff", OLD, NEW, "--format", "svg"]);
    expect(run.code).toBe(0);
    // Every element of the parsed SVG with its tag, in document order.
    type Node = Record<string, unknown>;
    const elements: Array<[string, Node]> = [];
    const walk = (tag: string, node: unknown): void => {
      if (Array.isArray(node)) return node.forEach((item) => walk(tag, item));
      if (!node || typeof node !== "object") return;
      elements.push([tag, node as Node]);
      for (const [key, value] of Object.entries(node)) if (!key.startsWith("@_") && key !== "#text") walk(key, value);
    };
    walk("", new XMLParser({ ignoreAttributes: false }).parse(run.stdout));
    const texts = elements
      .filter(([tag]) => tag === "text")
      .map(([, node]) => ({ in: String(node["@_data-in"]), y: Number(node["@_y"]), text: String(node["#text"]) }));
    const textIn = (box: string) =>
      texts
        .filter((line) => line.in === box)
        .map((line) => line.text)
        .join(" ");
    // The declared lanes, under their labels, in the map's order.
    expect([1, 2, 3, 4, 5].map((k) => textIn(`lane-declared-${k}`))).toEqual([
      "Front desk",
      "Back office",
      "IT systems",
      "Policies",
      "KPIs",
    ]);
    const highlights = elements
      .filter(([tag, node]) => tag === "g" && node["@_data-highlight"] !== undefined)
      .map(([, node]) => {
        const rect = (node.rect as Node[])[0]!;
        const top = Number(rect["@_y"]);
        return {
          field: String(node["@_data-highlight"]),
          in: String(node["@_data-in"]),
          top,
          bottom: top + Number(rect["@_height"]),
        };
      });
    const declared = highlights.filter((line) => line.field.startsWith("lane:"));
    // One highlight per changed entry: a touchpoint's list card, its chip (CRM, not the unchanged PMS),
    // the stage's text card, a lane the new version added.
    expect(declared.map((line) => [line.field, line.in, textIn(line.in)])).toEqual([
      ["lane:frontstage#1", "t1-declared-1", "Greets the guest and finds the booking Wait: 10 min"],
      ["lane:backstage#1", "t1-declared-2", "Looks up the booking ⚠ Can fail: Booking not found"],
      ["lane:systems#2", "t1-declared-3-2", "CRM"],
      ["lane:policies#1", "s1-declared-4", "Rooms ready by 14:00"],
      ["lane:kpis#1", "t1-declared-5", "Check-in under 2 min"],
    ]);
    // Each highlight lies behind its entry's lines (the wait and fail point included).
    for (const line of declared)
      for (const text of texts.filter((other) => other.in === line.in)) {
        expect(text.y).toBeGreaterThan(line.top);
        expect(text.y).toBeLessThan(line.bottom);
      }
    expect(highlights.some((line) => line.in === "t1-declared-3-1")).toBe(false);
  });

  it("the picture draws at most 50 entries of a declared lane and marks a change past them on the count", () => {
    const map = (changed: string) =>
      loadJourney(
        JSON.stringify({
          journeymap: 1,
          title: "T",
          personas: [],
          lanes: [{ id: "constructor", label: "Ctor" }],
          stages: [
            {
              id: "s",
              name: "S",
              lanes: { constructor: Array.from({ length: 60 }, (_, i) => (i === 55 ? changed : `s${i}`)) },
              touchpoints: [
                {
                  name: "Pays",
                  lanes: { constructor: Array.from({ length: 60 }, (_, i) => (i === 55 ? changed : `t${i}`)) },
                },
              ],
            },
          ],
        }),
        { file: "m.journey.yaml" },
      );
    const picture = diffPicture(map("old").journey, map("new").journey, { old: "a", new: "b" });
    const [stage] = picture.journey.stages;
    for (const holder of [stage!, stage!.touchpoints![0]!]) {
      const value = Object.entries(holder.lanes!);
      expect(value.map(([id, entries]) => [id, entries.length, entries.at(-1)])).toEqual([
        ["constructor", 51, "… and 10 more"],
      ]);
    }
    expect(picture.marks.stages.get(0)!.lanes).toEqual(new Map([["constructor", new Set([50])]]));
    expect(picture.marks.touchpoints.get(0)!.lanes).toEqual(new Map([["constructor", new Set([50])]]));
  });

  it("a status move marks the opportunity's line; an unchanged tracked list is no change", () => {
    const base = (status: string) => ({
      journeymap: 1,
      title: "T",
      personas: [{ id: "p", name: "P" }],
      stages: [
        {
          id: "s",
          name: "S",
          touchpoints: [
            { name: "Pays", opportunities: ["Keep", { id: "o", title: "Show the next free slot", status }] },
          ],
        },
      ],
    });
    const load = (status: string) => loadJourney(JSON.stringify(base(status)), { file: `${status}.journey.yaml` });
    expect(isEmptyDiff(diffJourneys(load("planned"), load("planned"), { lint: false }))).toBe(true);
    const diff = diffJourneys(load("planned"), load("in-progress"), { lint: false });
    expect(diff.touchpoints.changed[0]!.opportunities).toEqual([
      { id: "o", title: "Show the next free slot", fields: { status: { old: "planned", new: "in-progress" } } },
    ]);
    const picture = diffPicture(load("planned").journey, load("in-progress").journey, { old: "a", new: "b" });
    const marks = picture.marks.touchpoints.get(0)!;
    expect(marks.entries?.opportunities).toEqual(new Set([1]));
    expect(marks.notes).toEqual(["Opportunity “Show the next free slot”: planned → in progress"]);
  });

  it("entries without ids pair by text, entries with different ids never do; a lane only one side fills", () => {
    const map = (lanes: Record<string, unknown>) =>
      loadJourney(
        JSON.stringify({
          journeymap: 1,
          title: "T",
          personas: [],
          lanes: [{ id: "constructor", label: "Ctor" }],
          stages: [{ id: "s", name: "S", touchpoints: [{ name: "Pays", lanes }] }],
        }),
        { file: "m.journey.yaml" },
      );
    const diff = diffJourneys(
      map({ prototype: [{ id: "a", text: "Same" }, "Plain"] }),
      map({
        prototype: [
          { id: "b", text: "Same" },
          { id: "c", text: "Plain" },
        ],
        constructor: "x",
      }),
      { lint: false },
    );
    // `prototype` is no declared lane (lint says so): it is named by its id; `__proto__` is refused by the schema.
    expect(diff.touchpoints.changed[0]!.lanes).toEqual([
      { lane: "prototype", label: "prototype", added: ["Same"], removed: ["Same"], changed: [] },
      { lane: "constructor", label: "Ctor", added: ["x"], removed: [], changed: [] },
    ]);
  });
});
