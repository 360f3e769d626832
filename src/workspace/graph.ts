// The link graph of a portfolio: which map details which (a stage or touchpoint's `details`), each
// map's parents and children, the roots, breadcrumbs and the cycles. Built from MapFacts in linear
// time; every walk is iterative and guarded, so a cycle or a deep chain cannot hang or overflow it.
import type { MapFacts, MapLink, RepositoryFacts } from "./facts.js";

export interface MapGraph<Map extends RepositoryFacts = MapFacts> {
  /** Maps by id; with two maps of one id the first (in facts order) is the one links reach. */
  byId: ReadonlyMap<string, Map>;
  /** For each map id, the ids of the maps that link to it, in facts order, each once. */
  parents: ReadonlyMap<string, readonly string[]>;
  /** For each map id, its links to known maps, in map order. */
  children: ReadonlyMap<string, readonly MapLink[]>;
  /** Map ids that no known map links to (and the first map of a cycle that has no way in), in facts order. */
  roots: readonly string[];
  /** Every cycle of links, each as the ids around it (the first id again at the end), found once. */
  cycles: readonly string[][];
}

export function buildGraph<Facts extends RepositoryFacts = MapFacts>(maps: readonly Facts[]): MapGraph<Facts> {
  const byId = new Map<string, Facts>();
  for (const map of maps) if (!byId.has(map.id)) byId.set(map.id, map);
  const parents = new Map<string, string[]>();
  const children = new Map<string, MapLink[]>();
  for (const map of byId.values()) {
    const own: MapLink[] = [];
    for (const link of map.links) {
      if (!byId.has(link.target)) continue;
      own.push(link);
      const list = parents.get(link.target) ?? [];
      // A map's links are added together, so it can only be the last parent listed: no scan of the list.
      if (list[list.length - 1] !== map.id) list.push(map.id);
      parents.set(link.target, list);
    }
    children.set(map.id, own);
  }
  const cycles = findCycles(byId, children);
  const inCycle = new Set(cycles.flat());
  const roots = [...byId.keys()].filter((id) => !parents.has(id));
  // A cycle no map outside it links into would be invisible in the tree: its first map becomes a root.
  const reached = reachable(roots, children);
  for (const id of byId.keys()) {
    if (reached.has(id) || !inCycle.has(id)) continue;
    roots.push(id);
    for (const found of reachable([id], children)) reached.add(found);
  }
  return { byId, parents, children, roots, cycles };
}

function reachable(from: readonly string[], children: ReadonlyMap<string, readonly MapLink[]>): Set<string> {
  const seen = new Set<string>(from);
  const stack = [...from];
  while (stack.length > 0) {
    for (const link of children.get(stack.pop()!) ?? []) {
      if (seen.has(link.target)) continue;
      seen.add(link.target);
      stack.push(link.target);
    }
  }
  return seen;
}

/** Tarjan's strongly connected components, iteratively; each component with a loop is one cycle. */
function findCycles(
  byId: ReadonlyMap<string, RepositoryFacts>,
  children: ReadonlyMap<string, readonly MapLink[]>,
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  for (const start of byId.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ id: string; next: number }> = [{ id: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const links = children.get(frame.id) ?? [];
      if (frame.next < links.length) {
        const target = links[frame.next++]!.target;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ id: target, next: 0 });
        } else if (onStack.has(target)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(target)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.id;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.id)!));
      }
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.id);
      const selfLoop = component.length === 1 && links.some((link) => link.target === frame.id);
      if (component.length > 1 || selfLoop) cycles.push(cycleThrough(component, children));
    }
  }
  return cycles;
}

/** One loop through a component, from its first map in facts order, following links inside it. */
function cycleThrough(component: string[], children: ReadonlyMap<string, readonly MapLink[]>): string[] {
  const members = new Set(component);
  const order = [...component].reverse();
  const path = [order[0]!];
  const seen = new Map<string, number>([[order[0]!, 0]]);
  for (;;) {
    const next = (children.get(path[path.length - 1]!) ?? []).find((link) => members.has(link.target))!.target;
    const at = seen.get(next);
    if (at !== undefined) return [...path.slice(at), next];
    seen.set(next, path.length);
    path.push(next);
  }
}

/** The maps above one, from the root down to its parent, following each map's first parent; a cycle
 * ends the walk where it would come back. */
export function breadcrumbsOf(graph: MapGraph<RepositoryFacts>, id: string): string[] {
  const trail: string[] = [];
  const seen = new Set([id]);
  for (let current = graph.parents.get(id)?.[0]; current !== undefined; current = graph.parents.get(current)?.[0]) {
    if (seen.has(current)) break;
    seen.add(current);
    trail.push(current);
  }
  return trail.reverse();
}

/** The breadcrumbs a page shows: the root of the map's chain of first parents, then (after a gap, when
 * maps are left out) its `nearest` parents, root first. */
export interface Breadcrumbs {
  /** The chain's root, when it is not among `near` and the chain has one (a cycle has none). */
  top: string[];
  /** True when maps between `top` and `near` are left out. */
  gap: boolean;
  /** The nearest parents, the parent last. */
  near: string[];
}

/** Each map's root (the end of its chain of first parents; null for a chain that ends in a cycle),
 * worked out once per graph: every page of a site asks, and each chain is walked once in all. */
const roots = new WeakMap<object, Map<string, string | null>>();

function rootOf(graph: MapGraph<RepositoryFacts>, start: string): string | null {
  let known = roots.get(graph);
  if (!known) roots.set(graph, (known = new Map<string, string | null>()));
  const path: string[] = [];
  const onPath = new Set<string>();
  let root: string | null;
  for (let current = start; ;) {
    const found = known.get(current);
    if (found !== undefined) {
      root = found;
      break;
    }
    if (onPath.has(current)) {
      root = null;
      break;
    }
    onPath.add(current);
    path.push(current);
    const parent = graph.parents.get(current)?.[0];
    if (parent === undefined) {
      root = current;
      break;
    }
    current = parent;
  }
  for (const id of path) known.set(id, root);
  return root;
}

/** breadcrumbsOf with at most `nearest` parents and the root: a page of a chain of thousands of maps
 * names a few, so that a site is linear in its maps (every page naming every map above it is not). */
export function boundedBreadcrumbsOf(graph: MapGraph<RepositoryFacts>, id: string, nearest: number): Breadcrumbs {
  const up: string[] = [];
  const seen = new Set([id]);
  let current = graph.parents.get(id)?.[0];
  while (current !== undefined && !seen.has(current) && up.length <= nearest) {
    seen.add(current);
    up.push(current);
    current = graph.parents.get(current)?.[0];
  }
  if (current === undefined || seen.has(current)) return { top: [], gap: false, near: up.reverse() };
  const root = rootOf(graph, current);
  return { top: root === null ? [] : [root], gap: true, near: up.slice(0, nearest).reverse() };
}

/** Map ids in hierarchy order: each root, then what it details, depth first, each id once; then any
 * map not reached. The order the portfolio lists maps in. */
export function hierarchyOrder(graph: MapGraph): Array<{ id: string; depth: number }> {
  const order: Array<{ id: string; depth: number }> = [];
  const shown = new Set<string>();
  for (const root of [...graph.roots, ...graph.byId.keys()]) {
    const stack = [{ id: root, depth: 0 }];
    while (stack.length > 0) {
      const entry = stack.pop()!;
      if (shown.has(entry.id)) continue;
      shown.add(entry.id);
      order.push(entry);
      const children = graph.children.get(entry.id) ?? [];
      for (let i = children.length - 1; i >= 0; i--) stack.push({ id: children[i]!.target, depth: entry.depth + 1 });
    }
  }
  return order;
}
