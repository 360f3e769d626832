// unused-disable fixes: a journeymap-disable comment that suppresses nothing is removed (its whole
// line when it is alone on it); one that names some rules it does not use loses just those names.
// Comments naming unknown rules or directives are left alone: they are typos to correct, not remove.
import type { Diagnostic } from "../../diagnostic.js";
import { ruleIds } from "../rules/index.js";
import type { Directive } from "../suppressions.js";
import type { FixContext, ProposedFix } from "./types.js";

const COMMENT = /^(#\s*journeymap-[a-z-]+)(.*)$/s;

/** Which rules each line's findings (and the whole file's) come from, to decide use in O(1). */
function usage(findings: readonly Diagnostic[]) {
  const byLine = new Map<number, Set<string>>();
  const all = new Set<string>();
  for (const finding of findings) {
    all.add(finding.ruleId);
    const rules = byLine.get(finding.line) ?? new Set<string>();
    rules.add(finding.ruleId);
    byLine.set(finding.line, rules);
  }
  return (directive: Directive): Set<string> =>
    directive.kind === "disable-file" ? all : (byLine.get(directive.target!) ?? new Set<string>());
}

/** The comment with the listed rule names removed, keeping its other names, separators and reason. */
export function withoutRules(comment: string, unused: ReadonlySet<string>): string {
  const match = COMMENT.exec(comment);
  if (!match) return comment;
  const [, head, rest] = match as unknown as [string, string, string];
  const dashes = rest.indexOf("--");
  const hash = rest.indexOf("#");
  const listEnd = Math.min(dashes === -1 ? rest.length : dashes, hash === -1 ? rest.length : hash);
  const list = rest.slice(0, listEnd);
  const names = [...list.matchAll(/[^\s,]+/g)].map((name) => ({
    name: name[0],
    start: name.index,
    end: name.index + name[0].length,
  }));
  let rebuilt = "";
  let kept = 0;
  names.forEach((name, i) => {
    if (unused.has(name.name)) return;
    // Each kept name keeps the separator written before it; the first keeps the list's opening.
    rebuilt += (kept++ === 0 ? list.slice(0, names[0]!.start) : list.slice(names[i - 1]!.end, name.start)) + name.name;
  });
  if (kept === 0) return "";
  return head + rebuilt + list.slice(names[names.length - 1]!.end) + rest.slice(listEnd);
}

export function unusedDisableFixes(context: FixContext): ProposedFix[] {
  const { text, lines, findings } = context;
  const reported = new Set(
    findings.filter((finding) => finding.ruleId === "unused-disable").map((f) => `${f.line}:${f.column}`),
  );
  if (reported.size === 0) return [];
  const candidates = context.directives.filter(
    (directive) => !directive.unknownKind && reported.has(`${directive.range.line}:${directive.range.column}`),
  );
  if (candidates.length === 0) return [];
  const unsuppressed = context.unsuppressedFindings();
  if (!unsuppressed) return [];
  const usedAt = usage(unsuppressed);
  const known = new Set(ruleIds);
  const fixes: ProposedFix[] = [];
  for (const directive of candidates) {
    const used = usedAt(directive);
    const start = lines.offset(directive.range.line, directive.range.column);
    const end = lines.offset(directive.range.endLine, directive.range.endColumn);
    const comment = text.slice(start, end);
    const name = `journeymap-${directive.kind}`;
    let unused: string[];
    if (directive.rules.length === 0) {
      if (used.size > 0) continue;
      unused = [];
    } else {
      unused = directive.rules.filter((rule) => known.has(rule) && !used.has(rule));
      if (unused.length === 0) continue;
    }
    const rebuilt = directive.rules.length === 0 ? "" : withoutRules(comment, new Set(unused));
    if (rebuilt) {
      fixes.push({
        edit: { start, end, replacement: rebuilt },
        message: `removed ${unused.map((rule) => `"${rule}"`).join(", ")} from the ${name} comment: it suppresses no such finding`,
      });
      continue;
    }
    const line = directive.range.line - 1;
    const lineStart = lines.starts[line]!;
    const lineEnd = lines.contentEnd(line);
    const alone = text.slice(lineStart, start).trim() === "" && text.slice(end, lineEnd).trim() === "";
    let edit;
    if (!alone) {
      let from = start;
      while (from > lineStart && (text[from - 1] === " " || text[from - 1] === "\t")) from--;
      edit = { start: from, end, replacement: "" };
    } else if (lines.starts[line + 1] !== undefined) {
      edit = { start: lineStart, end: lines.starts[line + 1]!, replacement: "" };
    } else {
      // The last line, with no line ending: the ending before it goes with it.
      edit = { start: line > 0 ? lines.contentEnd(line - 1) : 0, end: text.length, replacement: "" };
    }
    fixes.push({ edit, message: `removed the unused ${name} comment: it suppresses nothing` });
  }
  return fixes;
}
