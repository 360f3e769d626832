// What a report lists: at most 1,000 findings of one rule in one map and 25,000 in all (fewer when their
// paths and messages are long), each message at most 1,000 characters. A 990 KB map can give 270,000 findings (and a long name quoted by each of them
// gigabytes of text); nobody reads that many, GitHub code scanning refuses more than 25,000 results per
// run, and building every report in memory must stay within the run's budget (docs/ci.md). What is left
// out is counted, and each report closes with a note saying so and how to see the rest.
import type { Diagnostic, FileResult } from "../diagnostic.js";

/** Findings of one rule listed per map: a rule that fires everywhere leaves room for the others. */
export const MAX_PER_RULE = 1_000;
/** Findings listed per report: GitHub code scanning's limit on results in one SARIF run. */
export const MAX_FINDINGS = 25_000;
/** Characters of one message: real messages are a line or two; a longer one quotes a huge name. */
export const MAX_MESSAGE = 1_000;
/** Characters a report's findings may take in all (path, message and subject, plus what every format
 * adds): 25,000 ordinary findings take about 12 million, but each repeats its map's path, and paths
 * may be 4,000 characters long (25,000 findings in such maps wrote 200 MB of JUnit). */
export const MAX_REPORT_TEXT = 20_000_000;
/** What a format writes around one finding, at most (SARIF's pretty-printed result). */
const FINDING_FRAME = 400;

export interface RuleCut {
  ruleId: string;
  /** This map's findings of the rule beyond MAX_PER_RULE. */
  count: number;
}

export interface ShownFile {
  result: FileResult;
  /** The findings to list, in the map's order (the objects of the run, not copies). */
  findings: Diagnostic[];
  /** Rules whose findings in this map were cut at MAX_PER_RULE, in the order they were met. */
  cuts: RuleCut[];
  /** This map's findings left out because the report already listed MAX_FINDINGS. */
  overflow: number;
}

export interface Shown {
  files: ShownFile[];
  /** Findings left out because the report was full, and the maps they are in. */
  overflow: number;
  overflowMaps: number;
}

/** The findings a report lists, file by file. `findingsOf` picks what a format lists of a file (SARIF
 * adds the silenced findings). What is kept is a prefix of each rule's findings in each file and a prefix
 * of the whole report, so fingerprints counted over the kept findings equal those over all of them. */
export function shownFindings(
  results: readonly FileResult[],
  findingsOf: (result: FileResult) => readonly Diagnostic[] = (result) => result.messages,
): Shown {
  let listed = 0;
  let text = 0;
  let overflow = 0;
  let overflowMaps = 0;
  const files = results.map((result): ShownFile => {
    const perRule = new Map<string, number>();
    const cuts = new Map<string, number>();
    const findings: Diagnostic[] = [];
    let fileOverflow = 0;
    for (const finding of findingsOf(result)) {
      const seen = (perRule.get(finding.ruleId) ?? 0) + 1;
      perRule.set(finding.ruleId, seen);
      if (seen > MAX_PER_RULE) {
        cuts.set(finding.ruleId, (cuts.get(finding.ruleId) ?? 0) + 1);
        continue;
      }
      // Lengths only: reading a long message here would cost what textCutter avoids.
      const size =
        FINDING_FRAME +
        result.filePath.length +
        Math.min(finding.message.length, MAX_MESSAGE) +
        Math.min(finding.subject?.length ?? 0, MAX_MESSAGE);
      if (listed >= MAX_FINDINGS || text + size > MAX_REPORT_TEXT) fileOverflow++;
      else {
        findings.push(finding);
        listed++;
        text += size;
      }
    }
    overflow += fileOverflow;
    if (fileOverflow > 0) overflowMaps++;
    return { result, findings, cuts: [...cuts].map(([ruleId, count]) => ({ ruleId, count })), overflow: fileOverflow };
  });
  return { files, overflow, overflowMaps };
}

/** "1,234": counts in notes, grouped as people read them. */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ",");
}

/** The note for one rule cut in one map. */
export function cutNote({ ruleId, count: left }: RuleCut): string {
  return `${count(left)} more "${ruleId}" finding${left === 1 ? "" : "s"} in this map left out: a report lists at most ${count(MAX_PER_RULE)} per rule and map; fix these (or turn the rule off) and run again to see the rest`;
}

/** The note for the findings left out because the report was full; `limit` says who sets the bound. */
export function overflowNote(
  shown: Pick<Shown, "overflow" | "overflowMaps">,
  limit = `a report lists at most ${count(MAX_FINDINGS)} (fewer when paths and messages are long)`,
): string {
  const maps = shown.overflowMaps === 1 ? "1 map" : `${count(shown.overflowMaps)} maps`;
  return `${count(shown.overflow)} more finding${shown.overflow === 1 ? "" : "s"} in ${maps} left out: ${limit}; fix the ones shown and run again to see the rest`;
}

/** Characters of long texts (over MAX_MESSAGE) one report reads in all: see textCutter. */
export const MAX_LONG_TEXT = 4_000_000;

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** A text over MAX_MESSAGE characters as reports write it: its start and its end (a message's "what to
 * do") around a count of what is left out, never splitting a surrogate pair. */
export function shortMessage(text: string): string {
  if (text.length <= MAX_MESSAGE) return text;
  let head = Math.floor(MAX_MESSAGE * 0.6);
  let tail = text.length - Math.floor(MAX_MESSAGE * 0.35);
  if (isHigh(text.charCodeAt(head - 1))) head--;
  if (isLow(text.charCodeAt(tail))) tail++;
  return `${text.slice(0, head)}…(${count(tail - head)} characters left out)…${text.slice(tail)}`;
}

/** One report's way to write messages and subjects. A message that quotes a name is built by joining
 * strings, which V8 keeps as a tree; reading any character of it turns the whole into one string that
 * lives as long as the finding, so 1,000 findings quoting a 400 KB name would cost 400 MB when first
 * read. A report reads long texts up to MAX_LONG_TEXT characters in all, then gives only their length. */
export function textCutter(): (text: string) => string {
  let budget = MAX_LONG_TEXT;
  return (text) => {
    if (text.length <= MAX_MESSAGE) return text;
    if (text.length > budget)
      return `(${count(text.length)} characters left out: this report already shows ${count(MAX_LONG_TEXT)} characters of long texts)`;
    budget -= text.length;
    return shortMessage(text);
  };
}
