// Statuses brought back from the issue tracker written into a map's YAML text: only the `status` of the
// opportunity objects named by id changes (or is added after their id), every other byte, comments and
// formatting included, stays as it was, as `lint --fix` writes.
import { isMap, isScalar, isSeq, parseDocument, visit, type YAMLMap } from "yaml";
import { JourneymapError } from "../errors.js";
import { applyEdits } from "../lint/fix/edits.js";
import type { Edit } from "../lint/fix/types.js";
import type { OpportunityStatus } from "./types.js";

export interface StatusEdit {
  id: string;
  to: OpportunityStatus;
}

/** The objects of every `opportunities` list of the map, with a scalar id. */
function opportunityObjects(text: string): { id: string; node: YAMLMap }[] {
  const document = parseDocument(text);
  if (document.errors.length > 0)
    throw new JourneymapError(
      `the map is not valid YAML (${document.errors[0]!.message.split("\n")[0]}): no status written`,
    );
  const found: { id: string; node: YAMLMap }[] = [];
  visit(document, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || pair.key.value !== "opportunities" || !isSeq(pair.value)) return;
      for (const item of pair.value.items) {
        if (!isMap(item)) continue;
        const id = item.get("id", true);
        if (isScalar(id) && typeof id.value === "string") found.push({ id: id.value, node: item });
      }
    },
  });
  return found;
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
  const wanted = new Map(changes.map((change) => [change.id, change.to]));
  const edits: Edit[] = [];
  const applied = new Set<string>();
  for (const { id, node } of opportunityObjects(text)) {
    const to = wanted.get(id);
    if (to === undefined) continue;
    const statusPair = node.items.find((pair) => isScalar(pair.key) && pair.key.value === "status");
    const value = statusPair?.value as { range?: [number, number, number] } | null | undefined;
    if (statusPair && value?.range) {
      edits.push({ start: value.range[0], end: value.range[1], replacement: to });
    } else {
      const idPair = node.items.find((pair) => isScalar(pair.key) && pair.key.value === "id")!;
      const key = (idPair.key as { range: [number, number, number] }).range;
      const valueEnd = (idPair.value as { range: [number, number, number] }).range[1];
      if (node.flow) {
        edits.push({ start: valueEnd, end: valueEnd, replacement: `, status: ${to}` });
      } else {
        const lineStart = text.lastIndexOf("\n", key[0]) + 1;
        const end = lineEnd(text, valueEnd);
        const ending = text[end] === "\r" ? "\r\n" : "\n";
        edits.push({ start: end, end, replacement: `${ending}${" ".repeat(key[0] - lineStart)}status: ${to}` });
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
