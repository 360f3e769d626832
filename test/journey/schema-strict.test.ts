// The published schemas (schemas/*.json: the package's journeymap/schema.json and its siblings) as strict
// validators read them: Ajv with its default options (strict mode, as ajv-cli uses it) compiles all three
// and checks the repository's own maps, shared files and configurations with them. The editor schemas
// (schemas/editor/) add the YAML language server's keywords, which strict Ajv refuses: that is why they
// are separate files, named by init's modeline.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import AjvModule from "ajv";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../helpers/cli.js";

const Ajv = AjvModule.default;
const FILES = ["journeymap.schema.json", "journeymap.shared.schema.json", "journeymap.config.schema.json"];
type Schema = Record<string, unknown> & { $id: string };
const read = (path: string) => JSON.parse(readFileSync(join(ROOT, path), "utf8")) as Schema;

/** Ajv exactly as a user would make it: no options. Union types are logged (strictTypes: "log"), not refused. */
function defaultAjv(schemas: Schema[]) {
  const logged: unknown[][] = [];
  const ajv = new Ajv({ logger: { log: () => {}, warn: (...args: unknown[]) => logged.push(args), error: () => {} } });
  for (const schema of schemas) ajv.addSchema(schema);
  return { ajv, logged };
}

/** Every file under `dir` whose name ends with `suffix`. */
function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .map((name) => join(dir, name))
    .filter((path) => path.endsWith(suffix) && statSync(join(ROOT, path)).isFile());
}

describe("the published schemas under Ajv's default (strict) options", () => {
  const schemas = FILES.map((file) => read(`schemas/${file}`));

  it("compile, all three, without an option or a registered keyword", () => {
    const { ajv } = defaultAjv(schemas);
    for (const schema of schemas) expect(() => ajv.compile(schema), schema.$id).not.toThrow();
  });

  it("check the repository's own maps, shared files and configurations, and refuse a misspelt key", () => {
    const { ajv } = defaultAjv(schemas);
    const cases: [string, string][] = [
      ...["examples", "docs/examples"].flatMap((dir) =>
        filesUnder(dir, ".journey.yaml").map((path): [string, string] => [path, schemas[0]!.$id]),
      ),
      ...filesUnder("examples", "journeymap.shared.yaml").map((path): [string, string] => [path, schemas[1]!.$id]),
      ...["examples", "docs/examples"].flatMap((dir) =>
        filesUnder(dir, "journeymap.config.yaml").map((path): [string, string] => [path, schemas[2]!.$id]),
      ),
    ];
    expect(cases.length).toBeGreaterThan(8);
    for (const [path, id] of cases) {
      const validate = ajv.getSchema(id)!;
      expect(
        validate(parse(readFileSync(join(ROOT, path), "utf8"))),
        `${path}: ${ajv.errorsText(validate.errors)}`,
      ).toBe(true);
    }
    const validate = ajv.getSchema(schemas[0]!.$id)!;
    expect(
      validate({
        journeymap: 1,
        title: "T",
        stages: [{ id: "buy", name: "Buy", touchpoints: [{ name: "Pays", ownr: "web" }] }],
      }),
    ).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({
      keyword: "additionalProperties",
      params: { additionalProperty: "ownr" },
    });
  });

  it("hold only standard keywords: no editor-only ones", () => {
    const text = FILES.map((file) => readFileSync(join(ROOT, "schemas", file), "utf8")).join("\n");
    expect(text).not.toMatch(/"(markdownDescription|defaultSnippets|doNotSuggest|markdownEnumDescriptions)"/);
  });
});

describe("the editor schemas (schemas/editor/, written by the build)", () => {
  const published = FILES.map((file) => read(`schemas/${file}`));
  const editor = FILES.map((file) => read(`schemas/editor/${file}`));

  /** The schema without the editor's additions, to compare with the published one. */
  const withoutEditorKeywords = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(withoutEditorKeywords);
    if (typeof node !== "object" || node === null) return node;
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key]) => key !== "markdownDescription" && key !== "defaultSnippets")
        .map(([key, value]) => [key, withoutEditorKeywords(value)]),
    );
  };

  it("are the published schemas with markdownDescription and snippets added, under their own $id", () => {
    editor.forEach((schema, index) => {
      const original = published[index]!;
      expect(schema.$id).toBe(original.$id.replace("/schemas/", "/schemas/editor/"));
      expect({ ...(withoutEditorKeywords(schema) as Schema), $id: original.$id }).toEqual(original);
    });
  });

  it("are refused by strict Ajv, which is why the published schemas do without their keywords", () => {
    const { ajv } = defaultAjv(editor);
    expect(() => ajv.compile(editor[0]!)).toThrow('strict mode: unknown keyword: "markdownDescription"');
  });

  it("carry a markdownDescription beside every description, with code and links a Markdown parser reads", () => {
    const markdown = new MarkdownIt();
    const pairs: { description: string; markdownDescription: string }[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (typeof node !== "object" || node === null) return;
      const record = node as Record<string, unknown>;
      if (typeof record.description === "string" && !("body" in record)) {
        expect(typeof record.markdownDescription, record.description).toBe("string");
        pairs.push(record as { description: string; markdownDescription: string });
      }
      Object.entries(record).forEach(([key, value]) => key !== "defaultSnippets" && visit(value));
    };
    editor.forEach(visit);
    expect(pairs.length).toBeGreaterThan(100);
    const links = new Set<string>();
    for (const { description, markdownDescription } of pairs) {
      const html = markdown.renderInline(markdownDescription);
      // The same words as the plain description once the Markdown is read: nothing lost or added.
      const text = html
        .replace(/<[^>]+>/g, "")
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&");
      expect(text).toBe(description);
      for (const [, href] of html.matchAll(/href="([^"]+)"/g)) links.add(href!);
    }
    const map = pairs.find((pair) => pair.description.startsWith("A customer journey map as code"))!;
    expect(markdown.renderInline(map.markdownDescription)).toContain("<code>*.journey.yaml</code>");
    // Every link is a page of this repository at the package's version, and the page exists.
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    const base = `https://github.com/journeymap/journeymap/blob/v${version}/`;
    expect(links.size).toBeGreaterThan(2);
    for (const link of links) {
      expect(link.startsWith(base), link).toBe(true);
      expect(statSync(join(ROOT, relative(base, link).replace(/^(\.\.\/)+/, ""))).isFile(), link).toBe(true);
    }
  });
});
