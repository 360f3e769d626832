// The stylish output, for a terminal: per map, one line per change with its sign (+, -, ~), coloured
// as lint's report is, then a one-line summary. Map text is escaped: it cannot drive the terminal.
import { terminalText } from "./escape.js";
import type { DiffFormatter } from "./formats.js";
import { MAX_NOTES_SHOWN, moreChanges, notesOf, summaryLine, type Sign } from "./notes.js";
import { painter } from "../report/paint.js";

export const stylish: DiffFormatter = (diffs, context) => {
  const paint = painter(context.color);
  const signColor: Record<Sign, (text: string) => string> = { "+": paint.green, "-": paint.red, "~": paint.yellow };
  const out: string[] = [];
  for (const diff of diffs) {
    const files = diff.old.file === diff.new.file ? diff.new.file : `${diff.old.file} → ${diff.new.file}`;
    const labels = diff.old.label === diff.new.label ? diff.new.label : `${diff.old.label} → ${diff.new.label}`;
    out.push(`${paint.underline(terminalText(files))}  ${paint.dim(terminalText(labels))}`);
    // Consecutive notes about one element share a header line, as lint groups findings by file.
    const all = notesOf(diff);
    const notes = all.length > MAX_NOTES_SHOWN ? all.slice(0, MAX_NOTES_SHOWN) : all;
    for (let i = 0; i < notes.length;) {
      let end = i + 1;
      while (end < notes.length && notes[end]!.element === notes[i]!.element && notes[end]!.at === notes[i]!.at) end++;
      const first = notes[i]!;
      const position = first.at
        ? `  ${paint.dim(`${first.at.side} ${first.at.range.line}:${first.at.range.column}`)}`
        : "";
      if (end - i === 1) {
        out.push(
          `  ${signColor[first.sign](first.sign)} ${terminalText(first.element)}: ${terminalText(first.change)}${position}`,
        );
      } else {
        out.push(`  ${paint.yellow("~")} ${terminalText(first.element)}${position}`);
        for (const note of notes.slice(i, end))
          out.push(`      ${signColor[note.sign](note.sign)} ${terminalText(note.change)}`);
      }
      i = end;
    }
    if (all.length > notes.length) out.push(`  ${paint.dim(moreChanges(all.length - notes.length))}`);
    out.push(`  ${paint.bold(terminalText(summaryLine(diff)))}`, "");
  }
  const changed = diffs.filter((diff) => summaryLine(diff) !== "no changes").length;
  out.push(
    changed === 0
      ? paint.green(`✔ ${diffs.length === 1 ? "1 map" : `${diffs.length} maps`} compared, no changes`)
      : paint.bold(`${changed} of ${diffs.length === 1 ? "1 map" : `${diffs.length} maps`} changed`),
  );
  return `${out.join("\n")}\n`;
};
