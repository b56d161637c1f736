/**
 * Undirected articulation points (Hopcroft & Tarjan 1973, lowpoint method, iterative): nodes whose
 * removal disconnects the graph when every edge is read without direction. This is what Neo4j GDS
 * offers, and it is *not* a SPOF analysis: it ignores alternatives and AND/OR logic and never flags
 * a leaf sole supplier. Offered only as a secondary "fragility" lens, labelled as such.
 */
import type { CompactGraph } from "./compact";

/** Articulation points as node indices, ascending. */
export function articulationPointIndices(g: CompactGraph): Int32Array {
  const n = g.nodeCount;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const children = new Int32Array(n);
  const isCut = new Uint8Array(n);
  // Neighbour iteration state: which of the 8 adjacency lists (4 kinds × 2 directions), and where.
  const listOf = new Int32Array(n);
  const posOf = new Int32Array(n);
  const skippedParent = new Uint8Array(n);
  const lists = [...g.out, ...g.in];
  const stack = new Int32Array(n);
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] >= 0) continue;
    let top = 0;
    stack[0] = root;
    disc[root] = low[root] = time++;
    listOf[root] = 0;
    posOf[root] = lists[0]!.offsets[root];
    while (top >= 0) {
      const v = stack[top];
      let w = -1;
      while (listOf[v] < lists.length) {
        const csr = lists[listOf[v]]!;
        if (posOf[v] < csr.offsets[v + 1]) {
          w = csr.targets[posOf[v]++];
          break;
        }
        listOf[v]++;
        if (listOf[v] < lists.length) posOf[v] = lists[listOf[v]]!.offsets[v];
      }
      if (w < 0) {
        top--;
        const p = parent[v];
        if (p >= 0) {
          if (low[v] < low[p]) low[p] = low[v];
          if (parent[p] >= 0 && low[v] >= disc[p]) isCut[p] = 1;
        }
        continue;
      }
      // The tree edge back to the parent is skipped once; a parallel edge counts as a cycle.
      if (w === parent[v] && skippedParent[v] === 0) {
        skippedParent[v] = 1;
        continue;
      }
      if (disc[w] < 0) {
        parent[w] = v;
        children[v]++;
        disc[w] = low[w] = time++;
        listOf[w] = 0;
        posOf[w] = lists[0]!.offsets[w];
        stack[++top] = w;
      } else if (disc[w] < low[v]) {
        low[v] = disc[w];
      }
    }
    if (children[root] > 1) isCut[root] = 1;
  }
  const out: number[] = [];
  for (let v = 0; v < n; v++) if (isCut[v] === 1) out.push(v);
  return Int32Array.from(out);
}

/** Articulation point ids, sorted. */
export function articulationPoints(g: CompactGraph): string[] {
  return Array.from(articulationPointIndices(g), (v) => g.ids[v]!).sort();
}
