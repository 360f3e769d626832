// Text edits by source offset: applying a set of them in one linear pass, mapping offsets of the
// edited text back to the input, and turning offsets into 1-based lines and columns.
import type { Edit } from "./types.js";

/** Line starts of a text, for offset → line/column in O(log lines). */
export class LineIndex {
  readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  /** The 0-based line that holds an offset. */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** 1-based line and column, as Diagnostics count them. */
  position(offset: number): { line: number; column: number } {
    const line = this.lineAt(offset);
    return { line: line + 1, column: offset - this.starts[line]! + 1 };
  }

  /** The offset of a 1-based line and column. */
  offset(line: number, column: number): number {
    return (this.starts[line - 1] ?? this.text.length) + column - 1;
  }

  /** Where a 0-based line's content ends (before its "\r\n" or "\n"). */
  contentEnd(line: number): number {
    const next = this.starts[line + 1];
    if (next === undefined) return this.text.length;
    return this.text[next - 2] === "\r" ? next - 2 : next - 1;
  }

  /** The line ending the text uses at a 0-based line ("\n" on the last line of a file without one). */
  endingAt(line: number): string {
    const next = this.starts[line + 1];
    return next !== undefined && this.text[next - 2] === "\r" ? "\r\n" : "\n";
  }
}

/** Keeps the edits that do not overlap an earlier one (by start), in order: the input of applyEdits. */
export function withoutOverlaps<T extends { edit: Edit }>(fixes: readonly T[]): T[] {
  const sorted = [...fixes].sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end);
  const kept: T[] = [];
  let reached = -1;
  let insertedAt = -1;
  for (const fix of sorted) {
    const { start, end } = fix.edit;
    if (start < reached) continue;
    // Two insertions at one offset would depend on their order: the second waits for the next run.
    if (start === end && start === insertedAt) continue;
    kept.push(fix);
    reached = end;
    if (start === end) insertedAt = start;
  }
  return kept;
}

/** The text with sorted, non-overlapping edits applied, built in one pass. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const edit of edits) {
    parts.push(text.slice(at, edit.start), edit.replacement);
    at = edit.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

/** Maps offsets of an edited text back to the text before the edits (an offset inside a
 * replacement maps to the replaced text's start). */
export class OffsetMap {
  readonly #outputStarts: number[] = [];

  constructor(private readonly edits: readonly Edit[]) {
    let delta = 0;
    for (const edit of edits) {
      this.#outputStarts.push(edit.start + delta);
      delta += edit.replacement.length - (edit.end - edit.start);
    }
  }

  toInput(offset: number): number {
    let low = 0;
    let high = this.edits.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.#outputStarts[mid]! <= offset) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    if (found === -1) return offset;
    const edit = this.edits[found]!;
    const outputStart = this.#outputStarts[found]!;
    if (offset < outputStart + edit.replacement.length) return edit.start;
    return edit.end + (offset - outputStart - edit.replacement.length);
  }
}
