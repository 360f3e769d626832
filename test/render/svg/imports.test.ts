// The picture's modules import one another one way: no cycle in src/render/svg/ (type imports count: a
// reader follows them too), and a lane's module depends on the lane contract and the layout primitives,
// never on another lane, the registry that orders them or the layout that stacks them.
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const FOLDER = "src/render/svg";

/** Every .ts file under `folder`, and the files of the same folder tree it imports or re-exports from. */
function importGraph(folder: string): Map<string, string[]> {
  const files = readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => join(folder, file));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const targets = [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+"(\.{1,2}\/[^"]+)\.js";/gms)]
      .map((match) => join(file, "..", `${match[1]!}.ts`))
      .filter((target) => files.includes(target));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The import cycles of a graph, each as the files around it (depth-first search, each cycle once). */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    path.push(file);
    for (const target of graph.get(file) ?? []) {
      if (state.get(target) === "open") cycles.push([...path.slice(path.indexOf(target)), target]);
      else if (!state.has(target)) visit(target);
    }
    path.pop();
    state.set(file, "done");
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles.map((cycle) => cycle.map((file) => relative(FOLDER, file)));
}

describe("the picture's imports", () => {
  const graph = importGraph(FOLDER);

  it("finds a cycle where there is one (the check works)", () => {
    const looped = new Map([
      ["src/render/svg/a.ts", ["src/render/svg/b.ts"]],
      ["src/render/svg/b.ts", ["src/render/svg/c.ts"]],
      ["src/render/svg/c.ts", ["src/render/svg/a.ts"]],
    ]);
    expect(cyclesOf(looped)).toEqual([["a.ts", "b.ts", "c.ts", "a.ts"]]);
    expect(graph.get("src/render/svg/lanes.ts")).toContain("src/render/svg/emotion.ts");
  });

  it("have no cycle in src/render/svg/", () => {
    expect(cyclesOf(graph)).toEqual([]);
  });

  it("let a lane's module depend on the lane contract and the layout primitives only", () => {
    const lanes = [
      ...["emotion.ts", "metrics.ts", "list-lane.ts", "chip-lane.ts", "touchpoint-card.ts"],
      // What the lanes build on is held to the same rule.
      ...["stage-span.ts", "card.ts"],
    ];
    // Not the marks of a change (marks.ts, marks-layer.ts): they are a layer over the lanes (issue 22).
    const allowed = new Set([
      ...["lane.ts", "geometry.ts", "column.ts", "card.ts", "text.ts", "markup.ts", "cast.ts", "stage-span.ts"],
    ]);
    for (const lane of lanes) {
      const imports = graph.get(join(FOLDER, lane))!.map((file) => relative(FOLDER, file));
      expect(
        imports.filter((file) => !allowed.has(file)),
        lane,
      ).toEqual([]);
    }
  });
});
