// In-file suppressions written as YAML comments (journeymap-disable-next-line, -line, -file), and
// the unused-disable findings for comments that suppress nothing.
import { Lexer } from "yaml";
import type { Diagnostic, Range, Severity } from "../diagnostic.js";
import { closest } from "../journey/suggest.js";

export type DirectiveKind = "disable-next-line" | "disable-line" | "disable-file";

const KINDS: readonly DirectiveKind[] = ["disable-next-line", "disable-line", "disable-file"];

export interface Directive {
  kind: DirectiveKind;
  /** The rule ids it names; empty means every rule. */
  rules: string[];
  /** The text after " -- ", why the finding is accepted. */
  reason?: string;
  /** Where the comment is. */
  range: Range;
  /** The line whose findings it suppresses (next-line and line directives). */
  target?: number;
  /** The directive word as written, when it is not one journeymap knows (reported, never applied). */
  unknownKind?: string;
}

/** yaml's lexer marks document starts, scalars and flow ends with zero-width control characters. */
const ZERO_WIDTH = new Set(["\x02", "\x18", "\x1f"]);
const DIRECTIVE = /^#\s*journeymap-([a-z-]+)(.*)$/;
const BLANK_OR_COMMENT = /^\s*(#.*)?$/;

/** Every journeymap directive in the text. Real YAML comments only: a "#" inside a quoted or block
 * scalar is text, which is why this lexes the file instead of matching lines. */
export function parseDirectives(text: string): Directive[] {
  if (!text.includes("journeymap-")) return [];
  const directives: Directive[] = [];
  const lines = text.split("\n");
  let line = 1;
  let lineStart = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token.length === 1 && ZERO_WIDTH.has(token)) continue;
    if (token.startsWith("#")) {
      const match = DIRECTIVE.exec(token.trimEnd());
      if (match) {
        const column = offset - lineStart + 1;
        const range = { line, column, endLine: line, endColumn: column + token.trimEnd().length };
        directives.push(directiveOf(match[1]!, match[2]!, range, lines));
      }
    }
    for (let i = token.indexOf("\n"); i !== -1; i = token.indexOf("\n", i + 1)) {
      line++;
      lineStart = offset + i + 1;
    }
    offset += token.length;
  }
  return directives;
}

function directiveOf(word: string, rest: string, range: Range, lines: string[]): Directive {
  const separator = rest.indexOf("--");
  // A second "#" starts a note about the comment, not more rule ids.
  const list = (separator === -1 ? rest : rest.slice(0, separator)).split("#")[0]!;
  const reason = separator === -1 ? undefined : rest.slice(separator + 2).trim() || undefined;
  const rules = list.split(/[\s,]+/).filter(Boolean);
  const kind = KINDS.find((known) => known === word);
  const directive: Directive = { kind: kind ?? "disable-line", rules, range, ...(reason ? { reason } : {}) };
  if (!kind) directive.unknownKind = `journeymap-${word}`;
  if (kind === "disable-line") directive.target = range.line;
  if (kind === "disable-next-line") {
    // The next line with content: stacked comments and blank lines in between are skipped.
    let target = range.line + 1;
    while (target <= lines.length && BLANK_OR_COMMENT.test(lines[target - 1]!)) target++;
    directive.target = target;
  }
  return directive;
}

export interface SuppressOptions {
  file: string;
  /** Every rule id journeymap knows, to report misspelt ids in comments. */
  knownRules: readonly string[];
  /** The severity of unused-disable, or "off" to report nothing. */
  unusedSeverity: Severity | "off";
}

/** The findings the directives leave, plus an unused-disable finding for each comment that suppressed
 * nothing or names an unknown rule. */
export function applySuppressions(
  findings: Diagnostic[],
  directives: Directive[],
  options: SuppressOptions,
): Diagnostic[] {
  if (directives.length === 0) return findings;
  const active = directives.filter((directive) => !directive.unknownKind);
  const used = new Map<Directive, Set<string>>(active.map((directive) => [directive, new Set()]));
  const byLine = new Map<number, Directive[]>();
  const forFile: Directive[] = [];
  for (const directive of active) {
    if (directive.kind === "disable-file") forFile.push(directive);
    else byLine.set(directive.target!, [...(byLine.get(directive.target!) ?? []), directive]);
  }
  const kept = findings.filter((finding) => {
    const matching = [...(byLine.get(finding.line) ?? []), ...forFile].filter(
      (directive) => directive.rules.length === 0 || directive.rules.includes(finding.ruleId),
    );
    for (const directive of matching) used.get(directive)!.add(finding.ruleId);
    return matching.length === 0;
  });
  if (options.unusedSeverity === "off") return kept;

  const report = (directive: Directive, message: string) =>
    kept.push({
      file: options.file,
      ruleId: "unused-disable",
      severity: options.unusedSeverity as Severity,
      message,
      ...directive.range,
    });
  const known = new Set(options.knownRules);
  for (const directive of directives) {
    if (directive.unknownKind) {
      const guess = closest(
        directive.unknownKind,
        KINDS.map((kind) => `journeymap-${kind}`),
      );
      report(
        directive,
        `unknown comment directive "${directive.unknownKind}"${guess ? ` (did you mean "${guess}"?)` : ""}: use journeymap-disable-next-line, journeymap-disable-line or journeymap-disable-file`,
      );
      continue;
    }
    const name = `journeymap-${directive.kind}`;
    const where = directive.kind === "disable-file" ? "in this file" : `on line ${directive.target}`;
    const hits = used.get(directive)!;
    if (directive.rules.length === 0) {
      if (hits.size === 0)
        report(directive, `unused ${name} comment: no finding ${where} to suppress; remove the comment`);
      continue;
    }
    for (const id of directive.rules) {
      if (!known.has(id)) {
        const guess = closest(id, options.knownRules);
        report(
          directive,
          `${name} names unknown rule "${id}"${guess ? ` (did you mean "${guess}"?)` : ""}: run "journeymap rules" for the list`,
        );
      } else if (!hits.has(id)) {
        report(
          directive,
          `unused ${name} comment: no "${id}" finding ${where} to suppress; remove "${id}" from the comment`,
        );
      }
    }
  }
  return kept;
}
