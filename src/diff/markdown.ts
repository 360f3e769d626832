// The markdown output: a pull-request comment (GitHub Flavored Markdown). Per map: a one-line summary,
// a table of the notable changes, emotion changes per persona, the rest folded in <details>. Map text
// is escaped, so it renders as the text it is: never markup, HTML, a link or a mention.
import { markdownText } from "./escape.js";
import type { DiffFormatter } from "./formats.js";
import { emotionText, notesOf, summaryLine, type Sign } from "./notes.js";
import type { JourneyDiff } from "./types.js";

/** Words beside the sign: the table never relies on colour or an emoji alone. */
const SIGN_WORDS: Record<Sign, string> = { "+": "➕ added", "-": "➖ removed", "~": "✏️ changed" };

export const markdown: DiffFormatter = (diffs) => {
  const out: string[] = [];
  // The Action's comment step recognises this exact text: it posts no comment when nothing changed.
  if (diffs.length === 0) return "## Journey map changes\n\nNo journey map changed.\n";
  if (diffs.length !== 1) {
    const changed = diffs.filter((diff) => summaryLine(diff) !== "no changes").length;
    out.push("## Journey map changes", "", `${changed} of ${diffs.length} maps changed.`, "");
  }
  for (const diff of diffs) out.push(...section(diff, diffs.length === 1 ? "##" : "###"));
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
  const notable = notes.filter((note) => note.notable && !note.change.startsWith("emotion of "));
  if (notable.length) {
    out.push("| Change | What | Detail |", "|---|---|---|");
    for (const note of notable)
      out.push(`| ${SIGN_WORDS[note.sign]} | ${markdownText(note.element)} | ${markdownText(note.change)} |`);
    out.push("");
  }
  const emotions = diff.touchpoints.changed.flatMap((change) =>
    change.emotions.map((emotion) => ({
      touchpoint: change.new.name,
      emotion,
      // A new pain point at the same touchpoint is the usual explanation of a drop: shown beside it.
      painPoints: change.lists.painPoints?.added ?? [],
    })),
  );
  if (emotions.length) {
    // Two versions with one title (the usual case) get column names that tell them apart.
    const columns = diff.old.label === diff.new.label ? ["Before", "After"] : [diff.old.label, diff.new.label];
    out.push(
      "**Emotion changes**",
      "",
      `| Touchpoint | Persona | ${columns.map(markdownText).join(" | ")} | Change | New pain points |`,
      "|---|---|---|---|---|---|",
    );
    for (const { touchpoint, emotion, painPoints } of emotions) {
      const change =
        emotion.direction === "down"
          ? `📉 ${emotionText(emotion)}`
          : emotion.direction === "up"
            ? `📈 ${emotionText(emotion)}`
            : emotion.direction;
      out.push(
        `| ${markdownText(touchpoint)} | ${markdownText(emotion.personaName)} | ${emotion.old ?? "–"} | ${emotion.new ?? "–"} | ${markdownText(change)} | ${painPoints.map(markdownText).join("; ") || "–"} |`,
      );
    }
    out.push("");
  }
  const rest = notes.filter((note) => !note.notable);
  if (rest.length) {
    out.push(`<details><summary>${rest.length} more change${rest.length === 1 ? "" : "s"}</summary>`, "");
    for (const note of rest)
      out.push(`- ${SIGN_WORDS[note.sign]}: ${markdownText(note.element)}: ${markdownText(note.change)}`);
    out.push("", "</details>", "");
  }
  return out;
}

/** The versions' labels in bold: one when both versions have the same (the usual case of one title). */
function labelsOf(diff: JourneyDiff): string {
  const bold = (label: string) => `**${markdownText(label)}**`;
  return diff.old.label === diff.new.label ? bold(diff.new.label) : `${bold(diff.old.label)} → ${bold(diff.new.label)}`;
}
