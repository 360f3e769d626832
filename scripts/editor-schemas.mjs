// The editor schemas (schemas/editor/, written at build time, not committed): the published schemas of
// schemas/ with the YAML language server's own keywords added, a `markdownDescription` beside every
// `description` and the snippets of scripts/editor-schema-hints.json. The published schemas keep to
// standard keywords because strict validators (Ajv's default, ajv-cli) refuse unknown ones; `init`'s
// modeline names the editor schema, which no strict validator needs to read.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const SCHEMA_FILES = [
  "journeymap.schema.json",
  "journeymap.shared.schema.json",
  "journeymap.config.schema.json",
];

/** Where the repository's files are shown, at the version the schema comes from. */
const blobBase = (version) => `https://github.com/journeymap/journeymap/blob/v${version}/`;

/** Markdown special characters in plain text, escaped. */
const escaped = (text) => text.replace(/[\\`*_[\]<>#|~!]/g, "\\$&");

/** A plain-text description as Markdown: file names, options, commands, formats and `{…}` shapes as code,
 * docs pages and rule ids as links to their page at this version; everything else escaped. */
export function markdownOf(description, { version, ruleIds }) {
  const rules = ruleIds.length > 0 ? `\\b(?:${ruleIds.join("|")})\\b|` : "";
  const token = new RegExp(
    `${rules}docs/[\\w-]+\\.md|journeymap data pull|(?:render|lint) --[\\w-]+|--[\\w-]+|\\{[^{}]*\\}|` +
      `(?:\\*|[\\w-]+)?\\.journey\\.yaml|[\\w-]+\\.shared\\.yaml|YYYY-MM-DD|YYYYMMDD|#rrggbb|"[^"\\s]{0,3}"`,
    "g",
  );
  let markdown = "";
  let from = 0;
  for (const match of description.matchAll(token)) {
    const [text] = match;
    markdown += escaped(description.slice(from, match.index));
    if (text.startsWith("docs/")) markdown += `[${text}](${blobBase(version)}${text})`;
    else if (ruleIds.includes(text)) markdown += `[${text}](${blobBase(version)}docs/rules/${text}.md)`;
    else markdown += `\`${text}\``;
    from = match.index + text.length;
  }
  return markdown + escaped(description.slice(from));
}

/** Follows a JSON pointer; throws when a hint names a place the schema does not have. */
function at(schema, pointer, file) {
  let node = schema;
  for (const part of pointer.split("/").slice(1)) {
    node = node?.[part.replace(/~1/g, "/").replace(/~0/g, "~")];
    if (node === undefined) throw new Error(`editor-schema-hints.json: ${file} has no ${pointer}`);
  }
  return node;
}

/** The editor schema of one published schema: its $id under schemas/editor/, markdownDescription beside
 * each description (of schemas, not of properties named "description"), and the hints merged in. */
export function editorSchemaOf(schema, file, { version, ruleIds, hints }) {
  const withMarkdown = (node, isSchema) => {
    if (Array.isArray(node)) return node.map((item) => withMarkdown(item, isSchema));
    if (typeof node !== "object" || node === null) return node;
    const out = {};
    for (const [key, value] of Object.entries(node)) {
      const holdsSchemas = ["properties", "patternProperties", "definitions", "$defs"].includes(key);
      if (!isSchema)
        out[key] = withMarkdown(value, true); // a map of names to schemas
      else if (holdsSchemas) out[key] = withMarkdown(value, false);
      else if (["examples", "default", "const", "enum", "defaultSnippets"].includes(key)) out[key] = value;
      else out[key] = withMarkdown(value, true);
      if (isSchema && key === "description" && typeof value === "string")
        out.markdownDescription = markdownOf(value, { version, ruleIds });
    }
    return out;
  };
  const editor = withMarkdown(schema, true);
  editor.$id = schema.$id.replace(/\/schemas\/([^/]+)$/, "/schemas/editor/$1");
  for (const [pointer, keywords] of Object.entries(hints[file] ?? {}))
    Object.assign(at(editor, pointer, file), keywords);
  return editor;
}

/** Writes schemas/editor/ from schemas/ under `root`. */
export function writeEditorSchemas(root) {
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const ruleIds = readdirSync(join(root, "docs/rules"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => name.slice(0, -3))
    .sort((a, b) => b.length - a.length); // the longest first: unused-shared-definition before unused-…
  const hints = JSON.parse(readFileSync(join(root, "scripts/editor-schema-hints.json"), "utf8"));
  mkdirSync(join(root, "schemas/editor"), { recursive: true });
  for (const file of SCHEMA_FILES) {
    const schema = JSON.parse(readFileSync(join(root, "schemas", file), "utf8"));
    const editor = editorSchemaOf(schema, file, { version, ruleIds, hints });
    writeFileSync(join(root, "schemas/editor", file), `${JSON.stringify(editor, null, 2)}\n`);
  }
}
