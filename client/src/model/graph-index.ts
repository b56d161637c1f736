import type { GraphData, MapEdge, MapNode } from "./types";

/**
 * Adjacency built once per loaded graph. Every edge points from the dependent to what it depends
 * on (item → requirement or source, supplier → region, region → enclosing region), so "what it
 * needs" follows `out` and "who needs it" follows `in`.
 */
export interface GraphIndex {
  readonly data: GraphData;
  readonly byId: ReadonlyMap<string, MapNode>;
  readonly out: ReadonlyMap<string, readonly MapEdge[]>;
  readonly in: ReadonlyMap<string, readonly MapEdge[]>;
  readonly edgeById: ReadonlyMap<string, MapEdge>;
}

const NONE: readonly MapEdge[] = [];

export function indexGraph(data: GraphData): GraphIndex {
  const byId = new Map<string, MapNode>();
  for (const n of data.nodes) byId.set(n.id, n);
  const out = new Map<string, MapEdge[]>();
  const inc = new Map<string, MapEdge[]>();
  const edgeById = new Map<string, MapEdge>();
  for (const e of data.edges) {
    if (!byId.has(e.from) || !byId.has(e.to)) continue;
    edgeById.set(e.id, e);
    let o = out.get(e.from);
    if (!o) out.set(e.from, (o = []));
    o.push(e);
    let i = inc.get(e.to);
    if (!i) inc.set(e.to, (i = []));
    i.push(e);
  }
  return { data, byId, out, in: inc, edgeById };
}

export function outEdges(index: GraphIndex, id: string): readonly MapEdge[] {
  return index.out.get(id) ?? NONE;
}

export function inEdges(index: GraphIndex, id: string): readonly MapEdge[] {
  return index.in.get(id) ?? NONE;
}

/** Every node reachable from `start` along `direction`, start included. Iterative, so deep chains
 *  and REQUIRES cycles (reported by the server, still present in the data) cannot loop or overflow. */
export function reach(index: GraphIndex, start: Iterable<string>, direction: "out" | "in", stopAt?: ReadonlySet<string>): Set<string> {
  const seen = new Set<string>();
  const stack: string[] = [];
  for (const s of start) {
    if (index.byId.has(s) && !seen.has(s)) {
      seen.add(s);
      stack.push(s);
    }
  }
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (stopAt?.has(id)) continue;
    const edges = direction === "out" ? outEdges(index, id) : inEdges(index, id);
    for (const e of edges) {
      const next = direction === "out" ? e.to : e.from;
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

/** A node and its dependency cone: everything it needs and everything that needs it. */
export function cone(index: GraphIndex, id: string): Set<string> {
  const down = reach(index, [id], "out");
  for (const up of reach(index, [id], "in")) down.add(up);
  return down;
}

/** Edges that realise a chain of ids (an explanation or proof path: product → … → failed node). */
export function chainEdges(index: GraphIndex, chain: readonly string[]): string[] {
  const ids: string[] = [];
  for (let i = 0; i + 1 < chain.length; i++) {
    const a = chain[i]!;
    const b = chain[i + 1]!;
    for (const e of outEdges(index, a)) if (e.to === b) ids.push(e.id);
  }
  return ids;
}
