// The markdown output: a pull-request comment (GitHub Flavored Markdown). Per map: a one-line summary,
// a table of the notable changes, emotion changes per persona, the rest folded in <details>. Map text
// is escaped, so it renders as the text it is: never markup, HTML, a link or a mention.
import { markdownText } from "./escape.js";
import type { DiffFormatter } from "./formats.js";
import {
  emotionText,
  MAX_NOTES_SHOWN,
  moreChanges,
  notesOf,
  personasText,
  statusWords,
  summaryLine,
  type Sign,
} from "./notes.js";
import { shorten } from "../text/shorten.js";
import { MAX_SHOWN_TEXT } from "./shown.js";
import type { EmotionChange, JourneyDiff } from "./types.js";

/** Words beside the sign: the table never relies on colour or an emoji alone. */
const SIGN_WORDS: Record<Sign, string> = { "+": "➕ added", "-": "➖ removed", "~": "✏️ changed" };

/** New pain points shown beside an emotion change (the rest are in the table of notable changes). */
const PAIN_POINTS_SHOWN = 3;

export const markdown: DiffFormatter = (diffs) => {
  const out: string[] = [];
  // The Action's comment step recognises this exact text: it posts no comment when nothing changed.
  if (diffs.length === 0) return "## Journey map changes\n\nNo journey map changed.\n";
  if (diffs.length !== 1) {
    const changed = diffs.filter((diff) => summaryLine(diff) !== "no changes").length;
    out.push("## Journey map changes", "", `${changed} of ${diffs.length} maps changed.`, "");
  }
  // Line by line: spreading a section of thousands of lines into push() overflows the stack.
  for (const diff of diffs) for (const line of section(diff, diffs.length === 1 ? "##" : "###")) out.push(line);
  return `${out.join("\n").trimEnd()}\n`;
};

function section(diff: JourneyDiff, heading: string): string[] {
  const files = diff.old.file === diff.new.file ? diff.new.file : `${diff.old.file} → ${diff.new.file}`;
  const out = [
    `${heading} Journey diff: ${markdownText(files)}`,
    "",
    `${labelsOf(diff)}: ${markdownText(summaryLine(diff))}`,
    "",
  ];
  const notes = notesOf(diff);
  const notable = notes.filter((note) => note.notable && !note.statusMove && !note.change.startsWith("emotion of "));
  if (notable.length) {
    out.push("| Change | What | Detail |", "|---|---|---|");
    for (const note of notable.slice(0, MAX_NOTES_SHOWN))
      out.push(`| ${SIGN_WORDS[note.sign]} | ${markdownText(note.element)} | ${markdownText(note.change)} |`);
    out.push("");
    if (notable.length > MAX_NOTES_SHOWN) out.push(markdownText(moreChanges(notable.length - MAX_NOTES_SHOWN)), "");
  }
  const emotions: Array<{ touchpoint: string; emotion: EmotionChange; painPoints: string }> = [];
  for (const change of diff.touchpoints.changed) {
    if (change.emotions.length === 0) continue;
    // A new pain point at the same touchpoint is the usual explanation of a drop: shown beside it.
    const added = change.lists.painPoints?.added ?? [];
    const shown = added.slice(0, PAIN_POINTS_SHOWN).map((text) => markdownText(shorten(text, MAX_SHOWN_TEXT)));
    if (added.length > PAIN_POINTS_SHOWN) shown.push(`and ${added.length - PAIN_POINTS_SHOWN} more`);
    const painPoints = shown.join("; ") || "–";
    const touchpoint = shorten(change.new.name, MAX_SHOWN_TEXT);
    for (const emotion of change.emotions) emotions.push({ touchpoint, emotion, painPoints });
  }
  if (emotions.length) {
    // Two versions with one title (the usual case) get column names that tell them apart.
    const columns = diff.old.label === diff.new.label ? ["Before", "After"] : [diff.old.label, diff.new.label];
    out.push(
      "**Emotion changes**",
      "",
      `| Touchpoint | Persona | ${columns.map(markdownText).join(" | ")} | Change | New pain points |`,
      "|---|---|---|---|---|---|",
    );
    for (const { touchpoint, emotion, painPoints } of emotions.slice(0, MAX_NOTES_SHOWN)) {
      const change =
        emotion.direction === "down"
          ? `📉 ${emotionText(emotion)}`
          : emotion.direction === "up"
            ? `📈 ${emotionText(emotion)}`
            : emotion.direction;
      out.push(
        `| ${markdownText(touchpoint)} | ${markdownText(personasText(emotion))} | ${emotion.old ?? "–"} | ${emotion.new ?? "–"} | ${markdownText(change)} | ${painPoints} |`,
      );
    }
    out.push("");
    if (emotions.length > MAX_NOTES_SHOWN) out.push(markdownText(moreChanges(emotions.length - MAX_NOTES_SHOWN)), "");
  }
  for (const line of statusTable(diff)) out.push(line);
  const rest = notes.filter((note) => !note.notable);
  if (rest.length) {
    out.push(`<details><summary>${rest.length} more change${rest.length === 1 ? "" : "s"}</summary>`, "");
    for (const note of rest.slice(0, MAX_NOTES_SHOWN))
      out.push(`- ${SIGN_WORDS[note.sign]}: ${markdownText(note.element)}: ${markdownText(note.change)}`);
    if (rest.length > MAX_NOTES_SHOWN) out.push(`- ${markdownText(moreChanges(rest.length - MAX_NOTES_SHOWN))}`);
    out.push("", "</details>", "");
  }
  return out;
}

/** The opportunities whose status moved, as a table of their own: the moves reviewers look for. */
function statusTable(diff: JourneyDiff): string[] {
  const moves: string[] = [];
  // Two versions with one title (the usual case) get column names that tell them apart.
  const columns = diff.old.label === diff.new.label ? ["Before", "After"] : [diff.old.label, diff.new.label];
  for (const change of diff.touchpoints.changed)
    for (const opportunity of change.opportunities ?? []) {
      const status = opportunity.became ? undefined : opportunity.fields.status;
      if (!status) continue;
      const cells = [opportunity.title, change.new.name].map((text) => markdownText(shorten(text, MAX_SHOWN_TEXT)));
      cells.push(markdownText(statusWords(status.old)), `**${markdownText(statusWords(status.new))}**`);
      moves.push(`| ${cells.join(" | ")} |`);
    }
  if (!moves.length) return [];
  const out = [
    "**Opportunity status**",
    "",
    `| Opportunity | Touchpoint | ${columns.map(markdownText).join(" | ")} |`,
    "|---|---|---|---|",
    ...moves.slice(0, MAX_NOTES_SHOWN),
    "",
  ];
  if (moves.length > MAX_NOTES_SHOWN) out.push(markdownText(moreChanges(moves.length - MAX_NOTES_SHOWN)), "");
  return out;
}

/** The versions' labels in bold: one when both versions have the same (the usual case of one title). */
function labelsOf(diff: JourneyDiff): string {
  const bold = (label: string) => `**${markdownText(label)}**`;
  return diff.old.label === diff.new.label ? bold(diff.new.label) : `${bold(diff.old.label)} → ${bold(diff.new.label)}`;
}
