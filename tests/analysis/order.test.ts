/**
 * The topological order `compact` gives: regions, then suppliers, then items, each layer sorted by
 * (wave, index), where a node's wave is one more than the latest wave among its dependencies along
 * the layer's edge kind (WITHIN for regions, REQUIRES for items). The order must be the same
 * whichever way it is found: in one pass when the file lists dependencies first, or last, and by
 * Kahn's queue otherwise.
 */
import type { GraphNode } from "@chokepoint/graph-schema";
import { compact, type CompactGraph } from "../../server/src/analysis";
import { REGION, REQUIRES, SUPPLIER, WITHIN } from "../../server/src/analysis/kind-codes";
import { randomGraph } from "./random-graph";

/** The order by its definition, computed from the (cycle-free) adjacency `compact` kept. */
function expectedOrder(g: CompactGraph): number[] {
  const waves = new Map<number, number>();
  const wave = (v: number, kind: number): number => {
    const known = waves.get(v);
    if (known !== undefined) return known;
    const { offsets, targets } = g.out[kind]!;
    let w = 0;
    for (let s = offsets[v]!; s < offsets[v + 1]!; s++) w = Math.max(w, wave(targets[s]!, kind) + 1);
    waves.set(v, w);
    return w;
  };
  const layer = (member: (k: number) => boolean, kind: number | undefined): number[] => {
    const nodes = [...g.kind.keys()].filter((v) => member(g.kind[v]!));
    if (kind === undefined) return nodes;
    return nodes.sort((a, b) => wave(a, kind) - wave(b, kind) || a - b);
  };
  return [...layer((k) => k === REGION, WITHIN), ...layer((k) => k === SUPPLIER, undefined), ...layer((k) => k < SUPPLIER, REQUIRES)];
}

/** The nodes listed in the order given by `rankOf` (ascending). */
function listed(nodes: readonly GraphNode[], rankOf: (id: string) => number): GraphNode[] {
  return [...nodes].sort((a, b) => rankOf(a.id) - rankOf(b.id));
}

describe("topological order", () => {
  it("is the (wave, index) order, for files listed in any order, dependencies first or last", () => {
    let dependencyFirst = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const { nodes, edges } = randomGraph(seed);
      const g = compact({ nodes, edges });
      // The same graph listed dependencies first (the order just found) and dependencies last.
      const rank = (id: string) => g.rank[g.index.get(id)!]!;
      const variants = [nodes, listed(nodes, rank), listed(nodes, (id) => -rank(id))];
      for (const list of variants) {
        const h = compact({ nodes: list, edges });
        expect(Array.from(h.order)).toEqual(expectedOrder(h));
        // Every kept edge goes from a higher rank to a lower one; `rank` inverts `order`.
        for (let v = 0; v < h.nodeCount; v++) {
          expect(h.order[h.rank[v]!]).toBe(v);
          for (const csr of h.out) for (let s = csr.offsets[v]!; s < csr.offsets[v + 1]!; s++) expect(h.rank[csr.targets[s]!]!).toBeLessThan(h.rank[v]!);
        }
      }
      if (g.findings.length === 0) dependencyFirst++;
    }
    // Most graphs have no cycle, so their reordered lists really are in dependency order.
    expect(dependencyFirst).toBeGreaterThan(200);
  });
});
