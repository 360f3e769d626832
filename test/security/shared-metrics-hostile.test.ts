// A journeymap.shared.yaml whose metric names are hostile (terminal controls, CI log commands after a
// line break, HTML, bidi controls): the built CLI's stylish report and the picture keep them data.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { expectInertInLog, svgProblems } from "../helpers/oracles.js";
import { makeRepository } from "../helpers/repository.js";
import { XMLParser } from "fast-xml-parser";

// YAML escapes: ESC, BEL, line feeds, bidi overrides.
const CSAT = String.raw`\e]0;pwned\a\e[2J\n::error file=a,line=1::forged\n##[error]x <script>alert(1)</script> \u202eevil\u202c`;
const UNUSED = String.raw`\n::warning::forged\e[31m<img src=x onerror=alert(1)>`;

const SHARED = `journeymap: 1
personas:
  - id: buyer
    name: Buyer
metrics:
  - {id: csat, name: "${CSAT}", unit: percent, better: higher, target: 80}
  - {id: unused, name: "${UNUSED}"}
`;

const MAP = `journeymap: 1
title: Checkout
personas: [buyer]
stages:
  - id: decision
    name: Decision
    touchpoints:
      - id: pay
        name: Pays
        metrics: {csat: 72}
`;

let repo: string;
beforeAll(() => {
  repo = makeRepository("shared-hostile", { "journeymap.shared.yaml": SHARED, "checkout.journey.yaml": MAP });
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("hostile shared metric names", () => {
  it("are escaped in the stylish report of the map's finding and of the shared file's", () => {
    const run = runCli(["lint", "."], { cwd: repo });
    expect(run.code).toBe(0);
    expectInertInLog(run.stdout);
    expect(run.stdout).toContain(
      '  10:25  warning  \\x1b]0;pwned\\x07\\x1b[2J\\x0a::error file=a,line=1::forged\\x0a#\u200b#[error]x <script>alert(1)</script> \\u202eevil\\u202c at touchpoint "Pays" is 72% against a target of 80%',
    );
    expect(run.stdout).toContain(
      '  7:5  info     no map uses the shared metric "\\x0a::warning::forged\\x1b[31m<img src=x onerror=alert(1)>": give "unused" values',
    );
  });

  it("are text in a well-formed picture without scripts, with the shared target beside them", () => {
    const run = runCli(["render", "checkout.journey.yaml", "--format", "svg"], { cwd: repo });
    expect(run.code).toBe(0);
    expect(svgProblems(run.stdout)).toEqual([]);
    // Read as a browser reads it: character references resolved.
    const svg = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
      htmlEntities: true,
      parseTagValue: false,
    }).parse(run.stdout) as { svg: unknown };
    const card: string[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node && typeof node === "object") {
        const element = node as Record<string, unknown>;
        if (element["data-in"] === "t1-metrics" && typeof element["#text"] === "string") card.push(element["#text"]);
        Object.values(element).forEach(visit);
      }
    };
    visit(svg.svg);
    // Controls XML cannot hold are shown as U+FFFD; everything else is the name as written.
    expect(card.join("").replace(/\s+/g, "")).toBe(
      "\ufffd]0;pwned\ufffd\ufffd[2J::errorfile=a,line=1::forged##[error]x<script>alert(1)</script>\u202eevil\u202c:72%✗offtarget(target80%)",
    );
  });
});
