// Shared definitions: the kind registry agrees with the shared file's schema, a shared file's errors
// have positions, and a map resolves its lists and references against a scope.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFINITION_KIND_NAMES, DEFINITION_KINDS } from "../../src/journey/definitions.js";
import { loadJourney } from "../../src/journey/load.js";
import { loadSharedFile } from "../../src/journey/shared.js";
import { scopeOf } from "../../src/workspace/scope.js";

interface SharedSchema {
  properties: Record<string, { items?: { $ref?: string } }>;
}

const SHARED = `journeymap: 1
personas:
  - id: parent
    name: Dana, working parent
  - id: student
    name: Sam
teams:
  - id: app
    name: App team
`;

describe("the definition kinds", () => {
  it("are exactly the lists of the shared schema, each entry the map's own definition", () => {
    const schema = JSON.parse(readFileSync("schemas/journeymap.shared.schema.json", "utf8")) as SharedSchema;
    const lists = Object.entries(schema.properties).filter(([, property]) => property.items?.$ref);
    expect(lists.map(([key]) => key)).toEqual(DEFINITION_KIND_NAMES.map((kind) => DEFINITION_KINDS[kind].list));
    for (const [, property] of lists) expect(property.items!.$ref).toMatch(/^journeymap\.schema\.json#\/definitions\//);
  });
});

describe("a shared-definitions file", () => {
  it("gives every definition with its position", () => {
    const shared = loadSharedFile(SHARED, "journeymap.shared.yaml");
    expect(shared.diagnostics).toEqual([]);
    expect(shared.definitions.map((d) => [d.kind, d.value.id, d.range?.line, d.range?.column])).toEqual([
      ["persona", "parent", 3, 5],
      ["persona", "student", 5, 5],
      ["team", "app", 8, 5],
    ]);
  });

  it("is checked by its own schema, with positions and the map's messages for a persona", () => {
    const shared = loadSharedFile(
      "journeymap: 1\npersonas:\n  - id: Parent\n  - name: Sam\nstages: []\n",
      "journeymap.shared.yaml",
    );
    expect(shared.definitions).toEqual([]);
    expect(shared.diagnostics.map((d) => [d.ruleId, d.line, d.column, d.message])).toEqual([
      ["schema", 3, 5, 'persona "Parent" is missing "name"'],
      ["schema", 3, 9, 'persona "Parent" has id "Parent": ids are lowercase kebab-case, like "parent"'],
      ["schema", 4, 5, 'persona "Sam" is missing "id"'],
      [
        "schema",
        5,
        1,
        expect.stringMatching(
          /^unknown key "stages" in the map: use one of "journeymap", "description", "personas", "teams"/,
        ),
      ],
    ]);
  });

  it("is refused as a map would be when it is hostile: an alias bomb, tags, an empty file", () => {
    const bomb = `journeymap: 1\npersonas:\n  - &a {id: a, name: "${"x".repeat(100)}"}\n${Array.from(
      { length: 12 },
      (_, i) =>
        `x-${i}: &b${i} [${Array(20)
          .fill(i ? `*b${i - 1}` : "*a")
          .join(", ")}]`,
    ).join("\n")}\n`;
    expect(loadSharedFile(bomb, "s.yaml").diagnostics[0]?.message).toMatch(/alias bomb/);
    expect(loadSharedFile("journeymap: 1\npersonas: !!binary aGVsbG8=\n", "s.yaml").diagnostics[0]?.message).toMatch(
      /^tag !!binary is not allowed/,
    );
    expect(loadSharedFile("", "s.yaml").diagnostics[0]?.message).toBe(
      'the file is empty: a shared-definitions file starts with "journeymap: 1", then lists personas, teams and metrics',
    );
  });
});

describe("a map with shared definitions in scope", () => {
  const scope = scopeOf([loadSharedFile(SHARED, "journeymap.shared.yaml")]);

  it("resolves listed ids and the personas and owners its touchpoints name, local ones first", () => {
    const loaded = loadJourney(
      `journeymap: 1
title: T
personas: [{id: local, name: Lou}, parent]
stages:
  - id: awareness
    name: Awareness
    touchpoints:
      - name: Sees an ad
        owner: app
        emotion: {student: 3, local: 4}
`,
      { shared: scope },
    );
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.journey!.personas.map((persona) => persona.name)).toEqual(["Lou", "Dana, working parent", "Sam"]);
    expect(loaded.journey!.teams?.map((team) => team.name)).toEqual(["App team"]);
    const { definitions } = loaded;
    expect(definitions!.isShared(loaded.journey!.personas[0]!)).toBe(false);
    expect(definitions!.isShared(loaded.journey!.personas[1]!)).toBe(true);
    expect(definitions!.pulled.map((d) => d.value.id)).toEqual(["student", "app"]);
  });

  it("leaves a map that defines everything itself as written, but for the shared teams that now check its owners", () => {
    const text = "journeymap: 1\ntitle: T\npersonas: [{id: a, name: A}]\nstages: [{id: s, name: S}]\n";
    const alone = loadJourney(text);
    const inScope = loadJourney(text, { shared: scope });
    expect(inScope.journey).toEqual({ ...alone.journey, teams: [] });
    expect(alone.journey!.personas).toBe(alone.source.valueAt(["personas"]));
  });

  it("without a scope, a listed id resolves to nothing and the map still loads (lint reports it)", () => {
    const loaded = loadJourney("journeymap: 1\ntitle: T\npersonas: [parent]\nstages: [{id: s, name: S}]\n");
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.journey!.personas).toEqual([]);
    expect(loaded.definitions!.entries.map((entry) => [entry.id, entry.shared])).toEqual([["parent", undefined]]);
  });
});

describe("shared metrics", () => {
  const SHARED_METRICS = `journeymap: 1
metrics:
  - {id: csat, name: CSAT, unit: percent, better: higher, target: 80}
  - id: effort
    name: Effort
  - {id: nps, name: NPS}
  - {id: unused, name: Unused}
`;
  const shared = loadSharedFile(SHARED_METRICS, "journeymap.shared.yaml");
  const scope = scopeOf([shared]);

  it("are read from the shared file with their positions", () => {
    expect(shared.diagnostics).toEqual([]);
    expect(shared.definitions.map((d) => [d.kind, d.value.id, d.range?.line, d.range?.column])).toEqual([
      ["metric", "csat", 3, 5],
      ["metric", "effort", 4, 5],
      ["metric", "nps", 6, 5],
      ["metric", "unused", 7, 5],
    ]);
  });

  it("resolve listed ids, then the ones sources fill, then the ones values name; the map's own first", () => {
    const loaded = loadJourney(
      `journeymap: 1
title: T
personas: [{id: p, name: P}]
metrics: [{id: own, name: Own}, csat]
sources:
  - {file: a.csv, stage: {id: s}, metrics: [{metric: effort, aggregate: count}]}
stages:
  - id: s
    name: S
    metrics: {nps: 30, csat: 70, own: 1}
`,
      { shared: scope },
    );
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.journey!.metrics!.map((metric) => metric.name)).toEqual(["Own", "CSAT", "Effort", "NPS"]);
    expect(loaded.definitions!.pulled.map((d) => d.value.id)).toEqual(["effort", "nps"]);
    expect(loaded.definitions!.isShared(loaded.journey!.metrics![1]!)).toBe(true);
    expect(loaded.definitions!.isShared(loaded.journey!.metrics![0]!)).toBe(false);
  });

  it("leave a map without metrics with an empty list, and one without a scope as written", () => {
    const text = "journeymap: 1\ntitle: T\npersonas: [{id: a, name: A}]\nstages: [{id: s, name: S}]\n";
    expect(loadJourney(text, { shared: scope }).journey!.metrics).toEqual([]);
    expect(loadJourney(text).journey!.metrics).toBeUndefined();
  });

  it("are named in a map's metrics list by a kebab-case id, checked by the map's schema", () => {
    const { diagnostics } = loadJourney(
      "journeymap: 1\ntitle: T\npersonas: [{id: p, name: P}]\nmetrics: [csat, CSAT, 3]\nstages: [{id: s, name: S}]\n",
    );
    expect(diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [4, 17, '"metrics" has id "CSAT": ids are lowercase kebab-case, like "csat"'],
      [4, 23, "metric must be a mapping (got 3)"],
    ]);
  });
});

describe("links between maps in the schema", () => {
  it("refuses a details value that is not a map id, at the value, saying what it should be", () => {
    const { diagnostics } = loadJourney(
      'journeymap: 1\ntitle: T\npersonas: [{id: p, name: P}]\nstages:\n  - id: s\n    name: Buys\n    details: "javascript:alert(1)"\n',
    );
    expect(diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [
        7,
        14,
        'stage "Buys" details "javascript:alert(1)": name the map by its id, in lowercase kebab-case, like "javascript-alert-1"',
      ],
    ]);
  });
});
