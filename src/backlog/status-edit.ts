// Statuses and issue addresses brought back from the issue tracker written into a map's YAML text: only the
// `status` and `issue` of the opportunity objects named by id change (or are added after their id), every
// other byte, comments and formatting included, stays as it was, as `lint --fix` writes.
import { isMap, isScalar, isSeq, parseDocument, visit, type YAMLMap } from "yaml";
import { JourneymapError } from "../errors.js";
import { applyEdits } from "../lint/fix/edits.js";
import type { Edit } from "../lint/fix/types.js";
import type { OpportunityStatus } from "./types.js";

export interface StatusEdit {
  id: string;
  to: OpportunityStatus;
}

/** What to set on one opportunity object: its status, the address of the issue that carries it, or both. */
export interface OpportunityEdit {
  id: string;
  status?: OpportunityStatus;
  issue?: string;
}

/** A value as YAML writes it on one line: plain when it cannot be read otherwise (a status, most URLs),
 * else double-quoted (JSON's quoting is YAML's). */
function scalarText(value: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9:/._~%?&=+@-]*$/.test(value) && !/:$/.test(value) ? value : JSON.stringify(value);
}

/** The object of every `opportunities` list of the map with a scalar id, one per id: the first with a title
 * (the opportunity's definition; an object with only an id names one defined elsewhere and takes no
 * status), else the first. */
function opportunityObjects(text: string): { id: string; node: YAMLMap }[] {
  const document = parseDocument(text);
  if (document.errors.length > 0)
    throw new JourneymapError(
      `the map is not valid YAML (${document.errors[0]!.message.split("\n")[0]}): no status written`,
    );
  const found = new Map<string, YAMLMap>();
  visit(document, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || pair.key.value !== "opportunities" || !isSeq(pair.value)) return;
      for (const item of pair.value.items) {
        if (!isMap(item)) continue;
        const id = item.get("id", true);
        if (!isScalar(id) || typeof id.value !== "string") continue;
        if (!found.has(id.value) || (item.has("title") && !found.get(id.value)!.has("title")))
          found.set(id.value, item);
      }
    },
  });
  return [...found].map(([id, node]) => ({ id, node }));
}

/** Where a line ends (before its "\r\n" or "\n"), from an offset on it. */
function lineEnd(text: string, offset: number): number {
  const next = text.indexOf("\n", offset);
  if (next === -1) return text.length;
  return text[next - 1] === "\r" ? next - 1 : next;
}

/** The map text with each named opportunity's status set; `applied` lists the ids found, `missing` the others. */
export function writeStatuses(
  text: string,
  changes: readonly StatusEdit[],
): { text: string; applied: string[]; missing: string[] } {
  return writeOpportunityFields(
    text,
    changes.map((change) => ({ id: change.id, status: change.to })),
  );
}

/** The map text with each named opportunity's `status` and `issue` set where given; `applied` lists the ids
 * found, `missing` the others. */
export function writeOpportunityFields(
  text: string,
  changes: readonly OpportunityEdit[],
): { text: string; applied: string[]; missing: string[] } {
  const wanted = new Map(changes.map((change) => [change.id, change]));
  const edits: Edit[] = [];
  const applied = new Set<string>();
  for (const { id, node } of opportunityObjects(text)) {
    const change = wanted.get(id);
    if (change === undefined) continue;
    const added: string[] = [];
    for (const key of ["status", "issue"] as const) {
      const value = change[key];
      if (value === undefined) continue;
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      const range = (pair?.value as { range?: [number, number, number] } | null | undefined)?.range;
      if (pair && range) edits.push({ start: range[0], end: range[1], replacement: scalarText(value) });
      else added.push(`${key}: ${scalarText(value)}`);
    }
    if (added.length > 0) {
      const idPair = node.items.find((pair) => isScalar(pair.key) && pair.key.value === "id")!;
      const key = (idPair.key as { range: [number, number, number] }).range;
      const valueEnd = (idPair.value as { range: [number, number, number] }).range[1];
      if (node.flow) {
        edits.push({ start: valueEnd, end: valueEnd, replacement: added.map((line) => `, ${line}`).join("") });
      } else {
        const lineStart = text.lastIndexOf("\n", key[0]) + 1;
        const end = lineEnd(text, valueEnd);
        const ending = text[end] === "\r" ? "\r\n" : "\n";
        const indent = " ".repeat(key[0] - lineStart);
        edits.push({ start: end, end, replacement: added.map((line) => `${ending}${indent}${line}`).join("") });
      }
    }
    applied.add(id);
  }
  edits.sort((a, b) => a.start - b.start);
  return {
    text: applyEdits(text, edits),
    applied: [...applied],
    missing: changes.map((change) => change.id).filter((id) => !applied.has(id)),
  };
}
