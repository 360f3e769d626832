// The sarif report: SARIF 2.1.0 for code scanning (GitHub and others), one run, repo-relative URIs.
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import type { Diagnostic, Severity } from "../diagnostic.js";
import { repoRelativePath, type Formatter, type ReportContext, type RuleDescriptor } from "./types.js";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };
const INFORMATION_URI = "https://www.npmjs.com/package/journeymap";

export const sarif: Formatter = (results, context) => {
  const descriptors = [...context.rules];
  const index = new Map(descriptors.map((rule, i) => [rule.id, i]));
  const ruleIndex = (id: string): number => {
    // A finding from a check the context did not describe (yaml-syntax, schema) still gets a rule entry.
    if (!index.has(id)) {
      index.set(id, descriptors.length);
      descriptors.push({ id, description: id, defaultSeverity: "error" });
    }
    return index.get(id)!;
  };
  const sarifResults = results.flatMap((result) =>
    result.messages.map((message) => resultOf(message, result.filePath, ruleIndex(message.ruleId), context)),
  );
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "journeymap",
            ...(context.version ? { version: context.version, semanticVersion: context.version } : {}),
            informationUri: INFORMATION_URI,
            rules: descriptors.map(ruleOf),
          },
        },
        ...(context.root ? { originalUriBaseIds: { "%SRCROOT%": { uri: directoryUri(context.root) } } } : {}),
        columnKind: "utf16CodeUnits",
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function ruleOf(rule: RuleDescriptor) {
  const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
  const short = sentence(rule.description.charAt(0).toUpperCase() + rule.description.slice(1));
  const full = rule.rationale ? `${short} ${sentence(rule.rationale)}` : short;
  const docs = rule.docsUrl ? ` Documentation: ${rule.docsUrl}` : "";
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase()),
    shortDescription: { text: short },
    fullDescription: { text: full },
    help: { text: `${full}${docs}`, ...(rule.docsUrl ? { markdown: `${full} [Documentation](${rule.docsUrl})` } : {}) },
    ...(rule.docsUrl ? { helpUri: rule.docsUrl } : {}),
    defaultConfiguration: rule.defaultSeverity === "off" ? { enabled: false } : { level: LEVEL[rule.defaultSeverity] },
  };
}

function resultOf(message: Diagnostic, filePath: string, ruleIndex: number, context: ReportContext) {
  const relativePath = repoRelativePath(filePath, context);
  const artifactLocation =
    relativePath === undefined
      ? { uri: pathToFileURL(resolve(context.cwd ?? ".", filePath)).href }
      : {
          uri: relativePath.split("/").map(encodeURIComponent).join("/"),
          ...(context.root ? { uriBaseId: "%SRCROOT%" } : {}),
        };
  return {
    ruleId: message.ruleId,
    ruleIndex,
    level: LEVEL[message.severity],
    message: { text: message.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation,
          region: {
            startLine: message.line,
            startColumn: message.column,
            endLine: message.endLine,
            endColumn: message.endColumn,
          },
        },
      },
    ],
  };
}

function directoryUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith("/") ? href : `${href}/`;
}
