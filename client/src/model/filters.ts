import { cone, inEdges, reach, type GraphIndex } from "./graph-index";
import type { Filters } from "./view-state";
import type { MapNode } from "./types";

/**
 * Filter semantics (one predicate per filter, AND across filters, OR inside one):
 * - kind, flag, risk: the node's own fields;
 * - category: products of the category and everything they depend on (components have no
 *   category of their own, and an analyst filtering "treatment" wants its supply chain);
 * - region: the API's meaning of `nodes(region)` — the region, regions within it, suppliers located
 *   there, and items sourced from any of those.
 */
export type NodePredicate = (n: MapNode) => boolean;

export function filterPredicate(index: GraphIndex, f: Filters): NodePredicate {
  const tests: NodePredicate[] = [];
  if (f.kinds.length > 0) {
    const kinds = new Set<string>(f.kinds);
    tests.push((n) => kinds.has(n.kind));
  }
  if (f.flags.length > 0) {
    const flags = new Set<string>(f.flags);
    tests.push((n) => n.flags.some((x) => flags.has(x)));
  }
  if (f.riskMin > 0 || f.riskMax < 1) {
    tests.push((n) => n.risk >= f.riskMin - 1e-9 && n.risk <= f.riskMax + 1e-9);
  }
  if (f.categories.length > 0) {
    const members = categoryMembers(index, f.categories);
    tests.push((n) => members.has(n.id));
  }
  if (f.regions.length > 0) {
    const members = regionMembers(index, f.regions);
    tests.push((n) => members.has(n.id));
  }
  return (n) => tests.every((t) => t(n));
}

export function categoryMembers(index: GraphIndex, categories: readonly string[]): Set<string> {
  const wanted = new Set(categories);
  const roots = index.data.nodes.filter((n) => n.category !== null && wanted.has(n.category)).map((n) => n.id);
  return reach(index, roots, "out");
}

export function regionMembers(index: GraphIndex, regions: readonly string[]): Set<string> {
  const places = new Set<string>();
  const stack = regions.filter((r) => index.byId.get(r)?.kind === "Region");
  for (const r of stack) places.add(r);
  // Regions WITHIN a selected one point at it, so walk WITHIN edges backwards.
  while (stack.length > 0) {
    const r = stack.pop()!;
    for (const e of inEdges(index, r)) {
      if (e.kind === "WITHIN" && !places.has(e.from)) {
        places.add(e.from);
        stack.push(e.from);
      }
    }
  }
  const members = new Set(places);
  for (const r of places) {
    for (const e of inEdges(index, r)) if (e.kind === "LOCATED_IN") members.add(e.from);
  }
  for (const s of [...members]) {
    for (const e of inEdges(index, s)) if (e.kind === "SOURCED_FROM") members.add(e.from);
  }
  return members;
}

/** The ids the view starts from: the focus cone, or the whole graph. */
export function baseIds(index: GraphIndex, focus: string | null): Iterable<string> {
  if (focus !== null && index.byId.has(focus)) return cone(index, focus);
  return index.byId.keys();
}
