// The fix --fix always applies: an id for every touchpoint without one, made from its name, so that
// diffs, SARIF fingerprints and links can follow the touchpoint when its name or position changes.
import { isScalar } from "yaml";
import { touchpointsOf } from "../../journey/model.js";
import { flowScalar, pairOf, touchpointNodes } from "./touchpoint-nodes.js";
import type { FixContext, ProposedFix } from "./types.js";

export const TOUCHPOINT_ID = "touchpoint-id";

/** Ids stay readable in a diff; the name keeps the detail. */
export const MAX_ID_LENGTH = 40;
const FALLBACK_ID = "touchpoint";

/** Letters that Unicode decomposition does not fold to ASCII. */
const FOLDS: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", đ: "d", ð: "d", ł: "l", þ: "th", ı: "i" };

/** A lowercase kebab-case id from a touchpoint name: ASCII-folded, every run of other characters one
 * "-", at most MAX_ID_LENGTH characters, cut at a word boundary when there is one. */
export function idFromName(name: string): string {
  // Only the start of a long name can reach the id: folding the rest would cost time for nothing.
  const folded = name
    .slice(0, MAX_ID_LENGTH * 4)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßæœøđðłþı]/g, (letter) => FOLDS[letter] ?? "");
  const words = folded.split(/[^a-z0-9]+/).filter(Boolean);
  let id = "";
  for (const word of words) {
    const next = id ? `${id}-${word}` : word;
    if (next.length > MAX_ID_LENGTH) {
      if (!id) id = word.slice(0, MAX_ID_LENGTH);
      break;
    }
    id = next;
  }
  return id || FALLBACK_ID;
}

/** Unique ids for several names, avoiding the ids already taken (suffixes -2, -3...). Linear: each
 * base remembers the last suffix it tried. */
export class IdAllocator {
  readonly #next = new Map<string, number>();

  constructor(private readonly taken: Set<string>) {}

  allocate(base: string): string {
    let id = base;
    if (this.taken.has(id)) {
      let suffix = this.#next.get(base) ?? 2;
      while (this.taken.has(`${base}-${suffix}`)) suffix++;
      id = `${base}-${suffix}`;
      this.#next.set(base, suffix + 1);
    }
    this.taken.add(id);
    return id;
  }
}

/** A plain scalar that YAML reads back as this very string (not a number, boolean or null). */
export function plainOrQuoted(id: string): string {
  return /^[a-z][a-z0-9-]*$/.test(id) && !/^(true|false|null|yes|no|on|off|y|n)$/.test(id) ? id : JSON.stringify(id);
}

export function touchpointIds(context: FixContext): ProposedFix[] {
  const { loaded, lines, text } = context;
  const taken = new Set<string>();
  let missing = false;
  for (const { touchpoint } of touchpointsOf(loaded.journey)) {
    if (touchpoint.id !== undefined) taken.add(touchpoint.id);
    else missing = true;
  }
  if (!missing) return [];
  const { document, directives } = context;
  const ids = new IdAllocator(taken);
  // Lines whose findings a comment suppresses: moving their content to another line would unsuppress
  // it; a disable-line comment would move with its line, away from the touchpoint's first line.
  const targeted = new Set(directives.flatMap((directive) => (directive.target ? [directive.target] : [])));
  const commentedLines = new Set(
    directives.flatMap((directive) => (directive.kind === "disable-line" ? [directive.range.line] : [])),
  );
  const fixes: ProposedFix[] = [];
  for (const { node, shared } of touchpointNodes(document)) {
    if (shared || pairOf(node, "id")) continue;
    const name = flowScalar(pairOf(node, "name")?.value);
    const first = node.items[0]?.key;
    if (!name || typeof name.value !== "string" || !isScalar(first) || !first.range) continue;
    const keyStart = first.range[0];
    const line = lines.lineAt(keyStart);
    const lineStart = lines.starts[line]!;
    let id: string;
    let replacement: string;
    if (node.flow) {
      // `{name: x}` becomes `{id: x, name: x}`: nothing moves to another line.
      let before = keyStart - 1;
      while (before >= 0 && /\s/.test(text[before]!)) before--;
      if (text[before] !== "{") continue;
      id = ids.allocate(idFromName(name.value));
      replacement = `id: ${plainOrQuoted(id)}, `;
    } else {
      // Only a key after indentation and a "- " can take a sibling in front of it; anchors, tags
      // and explicit keys ("? name") are left alone.
      if (!/^ *(- +)?$/.test(text.slice(lineStart, keyStart))) continue;
      if (commentedLines.has(line + 1) || (first.value !== "name" && targeted.has(line + 1))) continue;
      id = ids.allocate(idFromName(name.value));
      replacement = `id: ${plainOrQuoted(id)}${lines.endingAt(line)}${" ".repeat(keyStart - lineStart)}`;
    }
    fixes.push({
      edit: { start: keyStart, end: keyStart, replacement },
      message: `added id "${id}" to touchpoint "${name.value}"`,
    });
  }
  return fixes;
}
