// The YAML nodes of a valid map's touchpoints, in journey order, for fixers that edit them by offset.
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap } from "yaml";

export interface TouchpointNode {
  node: YAMLMap;
  /** Reached through an alias as well: an edit would change several touchpoints at once. */
  shared: boolean;
}

function resolved(document: Document.Parsed, node: unknown): unknown {
  return isAlias(node) ? node.resolve(document) : node;
}

/** The pair of a mapping node whose key is `key`. */
export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
}

/** A scalar written in the flow style (plain or quoted), which a fixer can rewrite in place. */
export function flowScalar(node: unknown): (Scalar & { range: [number, number, number] }) | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  const type = node.type;
  if (type !== "PLAIN" && type !== "QUOTE_DOUBLE" && type !== "QUOTE_SINGLE") return undefined;
  return node as Scalar & { range: [number, number, number] };
}

export function touchpointNodes(document: Document.Parsed): TouchpointNode[] {
  const found: TouchpointNode[] = [];
  const seen = new Map<Node, TouchpointNode>();
  const root = resolved(document, document.contents);
  if (!isMap(root)) return found;
  const stages = resolved(document, pairOf(root, "stages")?.value);
  if (!isSeq(stages)) return found;
  for (const stageItem of stages.items) {
    const stage = resolved(document, stageItem);
    if (!isMap(stage)) continue;
    const touchpoints = resolved(document, pairOf(stage, "touchpoints")?.value);
    if (!isSeq(touchpoints)) continue;
    for (const item of touchpoints.items) {
      const viaAlias = isAlias(item) || isAlias(stageItem) || isAlias(pairOf(stage, "touchpoints")?.value);
      const node = resolved(document, item);
      if (!isMap(node)) continue;
      const earlier = seen.get(node);
      if (earlier) {
        earlier.shared = true;
        continue;
      }
      const entry = { node, shared: viaAlias };
      seen.set(node, entry);
      found.push(entry);
    }
  }
  return found;
}
