// In-file suppressions written as YAML comments (journeymap-disable-next-line, -line, -file), and
// the unused-disable findings for comments that suppress nothing.
import { Lexer } from "yaml";
import type { Diagnostic, Range, Severity } from "../diagnostic.js";
import type { SuppressedDiagnostic } from "../diagnostic.js";
import { Suggester, SuggestionBudget } from "../journey/suggest.js";

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
 * scalar is text, which is why this lexes the file instead of matching lines (or, given the
 * loader's `comments` offsets, reads just those). */
export function parseDirectives(text: string, comments?: readonly number[]): Directive[] {
  if (!text.includes("journeymap-")) return [];
  const directives: Directive[] = [];
  const lines = text.split("\n");
  // The next line with content after each line, computed once backwards: stacked comments cost
  // linear time, not a forward scan per comment (issue 8).
  const nextContent = new Array<number>(lines.length + 2);
  nextContent[lines.length + 1] = lines.length + 1;
  for (let n = lines.length; n >= 1; n--)
    nextContent[n] = BLANK_OR_COMMENT.test(lines[n - 1]!) ? nextContent[n + 1]! : n;
  if (comments) {
    let line = 1;
    let lineStart = 0;
    let scanned = 0;
    for (let i = 0; i < comments.length; i += 2) {
      const start = comments[i]!;
      for (let at = text.indexOf("\n", scanned); at !== -1 && at < start; at = text.indexOf("\n", at + 1)) {
        line++;
        lineStart = at + 1;
      }
      scanned = start;
      const comment = text.slice(start, comments[i + 1]).trimEnd();
      const match = DIRECTIVE.exec(comment);
      if (!match) continue;
      const column = start - lineStart + 1;
      const range = { line, column, endLine: line, endColumn: column + comment.length };
      directives.push(directiveOf(match[1]!, match[2]!, range, nextContent));
    }
    return directives;
  }
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
        directives.push(directiveOf(match[1]!, match[2]!, range, nextContent));
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

function directiveOf(word: string, rest: string, range: Range, nextContent: number[]): Directive {
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
    directive.target = nextContent[range.line + 1] ?? range.line + 1;
  }
  return directive;
}

export interface SuppressOptions {
  file: string;
  /** Every rule id journeymap knows, to report misspelt ids in comments. */
  knownRules: readonly string[];
  /** The budget for "did you mean" of the map's lint run (its own, in proportion to the comments, by default). */
  suggestions?: SuggestionBudget;
  /** The severity of unused-disable, or "off" to report nothing. */
  unusedSeverity: Severity | "off";
}

export interface Suppressed {
  /** The findings no directive silenced, plus the unused-disable findings. */
  kept: Diagnostic[];
  /** The findings a directive silenced, with the first matching comment's reason. */
  suppressed: SuppressedDiagnostic[];
}

/** The findings the directives leave (plus an unused-disable finding for each comment that suppressed
 * nothing or names an unknown rule), and what they silenced. Linear in findings plus directives: every
 * lookup is by line or by rule id, never a scan of all directives per finding (issue 8). */
export function splitSuppressed(findings: Diagnostic[], directives: Directive[], options: SuppressOptions): Suppressed {
  if (directives.length === 0) return { kept: findings, suppressed: [] };
  const active = directives.filter((directive) => !directive.unknownKind);
  const byLine = new Map<number, Directive[]>();
  const forFile = new Scope();
  for (const directive of active) {
    if (directive.kind === "disable-file") {
      forFile.add(directive);
      continue;
    }
    const list = byLine.get(directive.target!);
    if (list) list.push(directive);
    else byLine.set(directive.target!, [directive]);
  }
  const lineScopes = new Map<number, Scope>();
  for (const [line, list] of byLine) {
    const scope = new Scope();
    for (const directive of list) scope.add(directive);
    lineScopes.set(line, scope);
  }

  const kept: Diagnostic[] = [];
  const suppressed: SuppressedDiagnostic[] = [];
  // Which rules had a silenced finding, per line and in the file: a directive was used when a rule
  // it names (or any rule, for a bare directive) was silenced where it applies.
  const hitOnLine = new Map<number, Set<string>>();
  const hitInFile = new Set<string>();
  for (const finding of findings) {
    const line = lineScopes.get(finding.line);
    const onLine = line?.matches(finding.ruleId) ?? false;
    const inFile = forFile.matches(finding.ruleId);
    if (!onLine && !inFile) {
      kept.push(finding);
      continue;
    }
    if (onLine) {
      const hits = hitOnLine.get(finding.line);
      if (hits) hits.add(finding.ruleId);
      else hitOnLine.set(finding.line, new Set([finding.ruleId]));
    }
    if (inFile) hitInFile.add(finding.ruleId);
    const justification = (onLine ? line!.reasonFor(finding.ruleId) : undefined) ?? forFile.reasonFor(finding.ruleId);
    suppressed.push(justification ? { ...finding, justification } : { ...finding });
  }
  if (options.unusedSeverity === "off") return { kept, suppressed };

  const report = (directive: Directive, rule: string, message: string) =>
    kept.push({
      file: options.file,
      ruleId: "unused-disable",
      severity: options.unusedSeverity as Severity,
      message,
      ...directive.range,
      subject: `comment:${directive.range.line}/${rule}`,
    });
  const known = new Set(options.knownRules);
  const budget = options.suggestions ?? SuggestionBudget.for(directives.length * 64);
  let kinds: Suggester | undefined;
  let rules: Suggester | undefined;
  for (const directive of directives) {
    if (directive.unknownKind) {
      kinds ??= new Suggester(
        KINDS.map((kind) => `journeymap-${kind}`),
        budget,
      );
      const guess = kinds.closest(directive.unknownKind);
      report(
        directive,
        directive.unknownKind,
        `unknown comment directive "${directive.unknownKind}"${guess ? ` (did you mean "${guess}"?)` : ""}: use journeymap-disable-next-line, journeymap-disable-line or journeymap-disable-file`,
      );
      continue;
    }
    const name = `journeymap-${directive.kind}`;
    const where = directive.kind === "disable-file" ? "in this file" : `on line ${directive.target}`;
    const hits = directive.kind === "disable-file" ? hitInFile : (hitOnLine.get(directive.target!) ?? EMPTY);
    if (directive.rules.length === 0) {
      if (hits.size === 0)
        report(directive, "*", `unused ${name} comment: no finding ${where} to suppress; remove the comment`);
      continue;
    }
    for (const id of directive.rules) {
      if (!known.has(id)) {
        rules ??= new Suggester(options.knownRules, budget);
        const guess = rules.closest(id);
        report(
          directive,
          id,
          `${name} names unknown rule "${id}"${guess ? ` (did you mean "${guess}"?)` : ""}: run "journeymap rules" for the list`,
        );
      } else if (!hits.has(id)) {
        report(
          directive,
          id,
          `unused ${name} comment: no "${id}" finding ${where} to suppress; remove "${id}" from the comment`,
        );
      }
    }
  }
  return { kept, suppressed };
}

const EMPTY: ReadonlySet<string> = new Set();

/** The directives that apply to one line (or the whole file), indexed by rule id. */
class Scope {
  private all = false;
  private allReason: string | undefined;
  private readonly rules = new Map<string, string | undefined>();

  add(directive: Directive): void {
    if (directive.rules.length === 0) {
      this.all = true;
      this.allReason ??= directive.reason;
      return;
    }
    for (const id of directive.rules) {
      if (!this.rules.has(id) || this.rules.get(id) === undefined) this.rules.set(id, directive.reason);
    }
  }

  matches(ruleId: string): boolean {
    return this.all || this.rules.has(ruleId);
  }

  reasonFor(ruleId: string): string | undefined {
    return this.rules.get(ruleId) ?? (this.all ? this.allReason : undefined);
  }
}

/** Splits directives into those the per-map pass applies and those naming repository rules, which the
 * repository pass applies once its findings are known (a bare directive stays with the map's rules). */
export function deferDirectives(
  directives: readonly Directive[],
  deferredRules: ReadonlySet<string>,
): { now: Directive[]; later: Directive[] } {
  const now: Directive[] = [];
  const later: Directive[] = [];
  for (const directive of directives) {
    const deferred = directive.rules.filter((id) => deferredRules.has(id));
    if (deferred.length === 0) {
      now.push(directive);
      continue;
    }
    later.push({ ...directive, rules: deferred });
    const own = directive.rules.filter((id) => !deferredRules.has(id));
    if (own.length > 0) now.push({ ...directive, rules: own });
  }
  return { now, later };
}
