// formatFixDiff: the unified diff that `lint --fix-dry-run` prints. A line diff of its own, linear in
// the text: equal lines are skipped pairwise and, at a difference, the nearest resynchronisation
// within a small window is taken, which is exact for the local edits fixes make.
import { breakLogCommands, escapeInvisible, visible } from "../../text/visible.js";

/** How far a difference may reach before it is shown as lines replaced one for one. */
const WINDOW = 16;
const CONTEXT = 3;

interface Operation {
  kind: " " | "-" | "+";
  line: string;
  /** 0-based positions in the old and new text when the operation happens. */
  old: number;
  new: number;
}

/** Lines with their endings, so a change of ending or of the final newline is a change. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Map text is data in a terminal and a CI log: control, bidi and line-separator characters are
 * shown escaped, nothing starts a workflow command; a CRLF ending is not shown. */
export function escapeLine(line: string): string {
  return breakLogCommands(escapeInvisible(line.replace(/\r$/, "")));
}

function operations(a: string[], b: string[]): Operation[] {
  const ops: Operation[] = [];
  const same = (i: number, j: number) => (i === a.length && j === b.length) || (i < a.length && a[i] === b[j]);
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: " ", line: a[i]!, old: i++, new: j++ });
      continue;
    }
    let skip: [number, number] | undefined;
    for (let sum = 1; sum <= 2 * WINDOW && !skip; sum++) {
      for (let da = Math.max(0, sum - WINDOW); da <= Math.min(sum, WINDOW); da++) {
        const db = sum - da;
        if (i + da <= a.length && j + db <= b.length && same(i + da, j + db)) {
          skip = [da, db];
          break;
        }
      }
    }
    const [deleted, inserted] = skip ?? [i < a.length ? 1 : 0, j < b.length ? 1 : 0];
    for (let k = 0; k < deleted; k++) ops.push({ kind: "-", line: a[i]!, old: i++, new: j });
    for (let k = 0; k < inserted; k++) ops.push({ kind: "+", line: b[j]!, old: i, new: j++ });
  }
  return ops;
}

function printed(op: Operation): string {
  const ending = op.line.endsWith("\n") ? "" : "\n\\ No newline at end of file";
  return `${op.kind}${escapeLine(op.line.replace(/\n$/, ""))}${ending}\n`;
}

/** A unified diff from `before` to `after` with three lines of context, headed by the file name
 * (escaped); the empty string when the texts are equal. */
export function formatFixDiff(file: string, before: string, after: string): string {
  if (before === after) return "";
  const ops = operations(linesOf(before), linesOf(after));
  const changes = ops.flatMap((op, index) => (op.kind === " " ? [] : [index]));
  const name = visible(file);
  const out = [`--- ${name}\n+++ ${name}\n`];
  let c = 0;
  while (c < changes.length) {
    // A hunk runs while the next change is within two contexts of the last one.
    let last = c;
    while (last + 1 < changes.length && changes[last + 1]! - changes[last]! <= 2 * CONTEXT + 1) last++;
    const from = Math.max(0, changes[c]! - CONTEXT);
    const to = Math.min(ops.length - 1, changes[last]! + CONTEXT);
    const hunk = ops.slice(from, to + 1);
    const oldCount = hunk.filter((op) => op.kind !== "+").length;
    const newCount = hunk.filter((op) => op.kind !== "-").length;
    // An empty side is numbered by the line before it, as diff(1) does.
    const oldStart = oldCount === 0 ? hunk[0]!.old : hunk[0]!.old + 1;
    const newStart = newCount === 0 ? hunk[0]!.new : hunk[0]!.new + 1;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n`, ...hunk.map(printed));
    c = last + 1;
  }
  return out.join("");
}
