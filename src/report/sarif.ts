// The sarif report: SARIF 2.1.0 for code scanning (GitHub and others), one run, repo-relative URIs,
// within code scanning's limits (at most 25,000 results, see shown.ts; a note in the run says what was cut).
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import type { Diagnostic, Severity } from "../diagnostic.js";
import { isValidationCheck } from "../journey/checks.js";
import { findingIdentities } from "./fingerprint.js";
import { count, cutNote, MAX_FINDINGS, overflowNote, textCutter, shownFindings } from "./shown.js";
import {
  repoRelativePath,
  type Formatter,
  type ReportContext,
  type RuleDescriptor,
  type SuppressedDiagnostic,
} from "./types.js";
import { inertJson } from "../text/visible.js";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };
const INFORMATION_URI = "https://www.npmjs.com/package/journeymap";
/** Versioned, so a change to what identifies a finding starts a new series instead of mismatching. */
const FINGERPRINT_KEY = "journeymapFindingHash/v1";

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
  // Kept and silenced findings are listed (and capped) together: both are results to code scanning.
  const cut = textCutter();
  const shown = shownFindings(results, (result) => [...result.messages, ...(result.suppressed ?? [])]);
  const sarifResults: Array<Record<string, unknown>> = [];
  const notes: Array<Record<string, unknown>> = [];
  if (context.failure !== undefined) notes.push({ level: "error", message: { text: context.failure } });
  for (const { result, findings, cuts } of shown.files) {
    const file = repoRelativePath(result.filePath, context) ?? result.filePath;
    const artifactLocation = artifactOf(result.filePath, context);
    const silenced = new Set<Diagnostic>(result.suppressed ?? []);
    // Identities over kept and silenced findings together, so silencing one never renames another.
    const identities = findingIdentities(findings, file);
    findings.forEach((message, i) => {
      const entry: Record<string, unknown> = resultOf(message, artifactLocation, ruleIndex(message.ruleId), cut);
      entry.partialFingerprints = { [FINGERPRINT_KEY]: identities[i]! };
      if (silenced.has(message)) {
        const { justification } = message as SuppressedDiagnostic;
        entry.suppressions = [{ kind: "inSource", ...(justification ? { justification } : {}) }];
      }
      sarifResults.push(entry);
    });
    for (const ruleCut of cuts) {
      notes.push({
        level: "warning",
        message: { text: cutNote(ruleCut) },
        locations: [{ physicalLocation: { artifactLocation } }],
        associatedRule: { id: ruleCut.ruleId, index: ruleIndex(ruleCut.ruleId) },
      });
    }
  }
  if (shown.overflow > 0)
    notes.push({
      level: "warning",
      message: {
        text: overflowNote(
          shown,
          `GitHub code scanning accepts at most ${count(MAX_FINDINGS)} results per run (a report lists fewer when paths and messages are long)`,
        ),
      },
    });
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
        invocations: [
          {
            executionSuccessful: context.failure === undefined,
            ...(notes.length === 0 ? {} : { toolExecutionNotifications: notes }),
          },
        ],
        columnKind: "utf16CodeUnits",
        results: sarifResults,
      },
    ],
  };
  return `${inertJson(JSON.stringify(log, null, 2))}\n`;
};

function ruleOf(rule: RuleDescriptor) {
  const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
  const short = sentence(rule.description.charAt(0).toUpperCase() + rule.description.slice(1));
  const full = rule.rationale ? `${short} ${sentence(rule.rationale)}` : short;
  const docs = rule.docsUrl ? ` Documentation: ${rule.docsUrl}` : "";
  const name = rule.name ?? rule.id.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
  return {
    id: rule.id,
    // SARIF1001: a name that only differs from the id in case is no name (the Multitool warns).
    ...(name.toLowerCase() === rule.id.toLowerCase() ? {} : { name }),
    shortDescription: { text: short },
    fullDescription: { text: full },
    help: { text: `${full}${docs}`, ...(rule.docsUrl ? { markdown: `${full} [Documentation](${rule.docsUrl})` } : {}) },
    ...(rule.docsUrl ? { helpUri: rule.docsUrl } : {}),
    defaultConfiguration: rule.defaultSeverity === "off" ? { enabled: false } : { level: LEVEL[rule.defaultSeverity] },
    // Code scanning filters alerts by tag: every check is a journey-map one, of one of two kinds.
    properties: { tags: ["journey-map", isValidationCheck(rule.id) ? "validation" : "lint"] },
  };
}

function artifactOf(filePath: string, context: ReportContext) {
  const relativePath = repoRelativePath(filePath, context);
  return relativePath === undefined
    ? { uri: pathToFileURL(resolve(context.cwd ?? ".", filePath)).href }
    : {
        uri: relativePath.split("/").map(encodeURIComponent).join("/"),
        ...(context.root ? { uriBaseId: "%SRCROOT%" } : {}),
      };
}

function resultOf(
  message: Diagnostic,
  artifactLocation: ReturnType<typeof artifactOf>,
  ruleIndex: number,
  cut: (text: string) => string,
) {
  return {
    ruleId: message.ruleId,
    ruleIndex,
    level: LEVEL[message.severity],
    message: { text: cut(message.message) },
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
