/**
 * Undirected articulation points against a brute-force oracle: v is one iff removing v (and its
 * edges) leaves the other nodes of its connected component in two or more components, with every
 * edge kind read without direction. Checked on seeded random supply graphs (through `compact`), on
 * random multigraphs built straight as CSRs (parallel edges of different kinds, self-loops, hubs
 * with more neighbours than fit in a node's slot, several components), and on hand cases.
 */
import type { GraphEdge, GraphNode } from "@chokepoint/graph-schema";
import { compact, type CompactGraph } from "../../server/src/analysis";
import { articulationPointIndices, articulationPoints } from "../../server/src/analysis/articulation";
import type { Csr, Csr4 } from "../../server/src/analysis/csr";
import { edge, mulberry32, node, randomGraph } from "./random-graph";

/** Undirected neighbour lists from the out-CSRs only (each edge once), so that an implementation
 *  that forgot the in-CSRs would disagree. */
function neighbours(g: CompactGraph): number[][] {
  const adj = Array.from({ length: g.nodeCount }, (): number[] => []);
  for (const csr of g.out) {
    for (let v = 0; v < g.nodeCount; v++) {
      for (let s = csr.offsets[v]; s < csr.offsets[v + 1]; s++) {
        const w = csr.targets[s];
        adj[v].push(w);
        adj[w].push(v);
      }
    }
  }
  return adj;
}

/** Connected components among the nodes of `within` other than `removed`. */
function componentCount(adj: number[][], within: readonly number[], removed: number): number {
  const seen = new Set<number>([removed]);
  let count = 0;
  for (const start of within) {
    if (seen.has(start)) continue;
    count++;
    seen.add(start);
    const queue = [start];
    while (queue.length > 0) {
      for (const w of adj[queue.pop()!]) {
        if (!seen.has(w)) {
          seen.add(w);
          queue.push(w);
        }
      }
    }
  }
  return count;
}

function bruteForce(g: CompactGraph): number[] {
  const adj = neighbours(g);
  const componentOf = new Int32Array(g.nodeCount).fill(-1);
  const members: number[][] = [];
  for (let v = 0; v < g.nodeCount; v++) {
    if (componentOf[v] !== -1) continue;
    const nodes = [v];
    componentOf[v] = members.length;
    for (let i = 0; i < nodes.length; i++) {
      for (const w of adj[nodes[i]]) {
        if (componentOf[w] === -1) {
          componentOf[w] = members.length;
          nodes.push(w);
        }
      }
    }
    members.push(nodes);
  }
  const cut: number[] = [];
  for (let v = 0; v < g.nodeCount; v++) if (componentCount(adj, members[componentOf[v]], v) > 1) cut.push(v);
  return cut;
}

/** A compact graph given straight as directed edges `[from, to, kind]`: only what the
 *  articulation search reads (node count, ids, out- and in-CSRs) is filled in. */
function csrGraph(nodeCount: number, edges: readonly (readonly [number, number, number])[]): CompactGraph {
  const build = (from: (e: readonly [number, number, number]) => number, to: (e: readonly [number, number, number]) => number): Csr4 =>
    [0, 1, 2, 3].map((kind) => {
      const mine = edges.map((e, i) => ({ e, i })).filter(({ e }) => e[2] === kind);
      const offsets = new Int32Array(nodeCount + 1);
      for (const { e } of mine) offsets[from(e) + 1]++;
      for (let v = 0; v < nodeCount; v++) offsets[v + 1] += offsets[v];
      const fill = offsets.slice(0, nodeCount);
      const targets = new Int32Array(mine.length);
      const slots = new Int32Array(mine.length);
      for (const { e, i } of mine) {
        const s = fill[from(e)]++;
        targets[s] = to(e);
        slots[s] = i;
      }
      const csr: Csr = { offsets, targets, edges: slots };
      return csr;
    }) as Csr4;
  const graph = {
    nodeCount,
    ids: Array.from({ length: nodeCount }, (_, v) => `n${v}`),
    out: build((e) => e[0], (e) => e[1]),
    in: build((e) => e[1], (e) => e[0]),
  };
  return graph as unknown as CompactGraph;
}

/** A random multigraph: a few hubs with many neighbours, parallel edges of the same or different
 *  kinds, self-loops and isolated nodes. */
function randomMultigraph(seed: number): CompactGraph {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const n = int(1, 40);
  const edges: [number, number, number][] = [];
  const count = int(0, Math.round(n * (0.5 + rnd() * 1.5)));
  for (let i = 0; i < count; i++) edges.push([int(0, n - 1), int(0, n - 1), int(0, 3)]);
  const hubs = rnd() < 0.4 ? int(1, 2) : 0;
  for (let h = 0; h < hubs; h++) {
    const hub = int(0, n - 1);
    const spokes = int(10, 25);
    for (let i = 0; i < spokes; i++) edges.push(rnd() < 0.5 ? [hub, int(0, n - 1), int(0, 3)] : [int(0, n - 1), hub, int(0, 3)]);
  }
  for (let i = 0; i < edges.length && rnd() < 0.3; i++) {
    const [a, b] = edges[int(0, edges.length - 1)];
    edges.push([b, a, int(0, 3)]);
  }
  return csrGraph(n, edges);
}

const idsOf = (g: CompactGraph, cut: Int32Array) => Array.from(cut, (v) => g.ids[v]);

describe("articulationPointIndices against brute force", () => {
  it("agrees on 600 random supply graphs", () => {
    const mismatches: string[] = [];
    let points = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const g = compact(randomGraph(seed));
      const got = Array.from(articulationPointIndices(g));
      const want = bruteForce(g);
      points += want.length;
      if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`seed ${seed}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    }
    expect(mismatches).toEqual([]);
    // The graphs must actually exercise the search.
    expect(points).toBeGreaterThan(600);
  });

  it("agrees on 600 random multigraphs with parallel edges, self-loops and hubs", () => {
    const mismatches: string[] = [];
    for (let seed = 1; seed <= 600; seed++) {
      const g = randomMultigraph(seed);
      const got = Array.from(articulationPointIndices(g));
      const want = bruteForce(g);
      if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`seed ${seed}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("gives the same answer when called again (buffers are reused)", () => {
    const big = randomMultigraph(7);
    const small = csrGraph(3, [[0, 1, 0], [1, 2, 0]]);
    const first = Array.from(articulationPointIndices(big));
    expect(Array.from(articulationPointIndices(small))).toEqual([1]);
    expect(Array.from(articulationPointIndices(big))).toEqual(first);
  });
});

describe("articulation points, hand cases", () => {
  const supply = (nodes: GraphNode[], edges: GraphEdge[]) => compact({ nodes, edges });

  it("path a-b-c: b", () => {
    const g = supply([node("a", "Product"), node("b", "Component"), node("c", "Component")], [edge("a", "REQUIRES", "b"), edge("b", "REQUIRES", "c")]);
    expect(idsOf(g, articulationPointIndices(g))).toEqual(["b"]);
    expect(articulationPoints(g)).toEqual(["b"]);
  });

  it("triangle: none", () => {
    const g = supply(
      [node("a", "Product"), node("b", "Component"), node("c", "Component")],
      [edge("a", "REQUIRES", "b"), edge("a", "REQUIRES", "c"), edge("b", "REQUIRES", "c")],
    );
    expect(Array.from(articulationPointIndices(g))).toEqual([]);
  });

  it("two nodes joined by two parallel edges of different kinds: none; with a tail, the middle one", () => {
    expect(Array.from(articulationPointIndices(csrGraph(2, [[0, 1, 0], [1, 0, 2]])))).toEqual([]);
    expect(Array.from(articulationPointIndices(csrGraph(3, [[0, 1, 1], [0, 1, 3], [1, 2, 0]])))).toEqual([1]);
  });

  it("star: the centre, also with more spokes than fit in a node's slot", () => {
    const star = (spokes: number) =>
      supply(
        [node("r", "Region"), ...Array.from({ length: spokes }, (_, i) => node(`s${i}`, "Supplier"))],
        Array.from({ length: spokes }, (_, i) => edge(`s${i}`, "LOCATED_IN", "r")),
      );
    for (const spokes of [3, 14, 15, 40]) {
      const g = star(spokes);
      expect(idsOf(g, articulationPointIndices(g))).toEqual(["r"]);
    }
    expect(Array.from(articulationPointIndices(star(1)))).toEqual([]);
  });

  it("no nodes, isolated nodes, self-loops: none", () => {
    expect(Array.from(articulationPointIndices(csrGraph(0, [])))).toEqual([]);
    expect(Array.from(articulationPointIndices(csrGraph(4, [[1, 1, 0], [2, 3, 1], [3, 3, 2]])))).toEqual([]);
  });

  it("a path of 300 000 nodes (far deeper than any call stack): every inner node", () => {
    const n = 300_000;
    const g = csrGraph(
      n,
      Array.from({ length: n - 1 }, (_, i) => [i, i + 1, i % 4] as const),
    );
    const cut = articulationPointIndices(g);
    expect(cut.length).toBe(n - 2);
    expect(cut[0]).toBe(1);
    expect(cut[n - 3]).toBe(n - 2);
  });
});
