/**
 * Undirected articulation points (Hopcroft & Tarjan 1973, lowpoint method, iterative): nodes whose
 * removal disconnects the graph when every edge is read without direction. This is what Neo4j GDS
 * offers, and it is *not* a SPOF analysis: it ignores alternatives and AND/OR logic and never flags
 * a leaf sole supplier. Offered only as a secondary "fragility" lens, labelled as such.
 */
import type { CompactGraph } from "./compact";

/** All edges without direction, as one CSR (each edge appears at both ends). */
function undirected(g: CompactGraph): { offsets: Int32Array; targets: Int32Array } {
  const n = g.nodeCount;
  const offsets = new Int32Array(n + 1);
  const lists = [...g.out, ...g.in];
  for (const csr of lists) for (let v = 0; v < n; v++) offsets[v + 1] += csr.offsets[v + 1] - csr.offsets[v];
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  const targets = new Int32Array(offsets[n]);
  const fill = offsets.slice(0, n);
  for (const csr of lists) for (let v = 0; v < n; v++) for (let s = csr.offsets[v]; s < csr.offsets[v + 1]; s++) targets[fill[v]++] = csr.targets[s];
  return { offsets, targets };
}

/** Articulation points as node indices, ascending. */
export function articulationPointIndices(g: CompactGraph): Int32Array {
  const n = g.nodeCount;
  const { offsets, targets } = undirected(g);
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const children = new Int32Array(n);
  const isCut = new Uint8Array(n);
  const pos = new Int32Array(n);
  const skippedParent = new Uint8Array(n);
  const stack = new Int32Array(n);
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] >= 0) continue;
    let top = 0;
    stack[0] = root;
    disc[root] = low[root] = time++;
    pos[root] = offsets[root];
    while (top >= 0) {
      const v = stack[top];
      if (pos[v] === offsets[v + 1]) {
        top--;
        const p = parent[v];
        if (p >= 0) {
          if (low[v] < low[p]) low[p] = low[v];
          if (parent[p] >= 0 && low[v] >= disc[p]) isCut[p] = 1;
        }
        continue;
      }
      const w = targets[pos[v]++];
      // The tree edge back to the parent is skipped once; a parallel edge counts as a cycle.
      if (w === parent[v] && skippedParent[v] === 0) {
        skippedParent[v] = 1;
        continue;
      }
      if (disc[w] < 0) {
        parent[w] = v;
        children[v]++;
        disc[w] = low[w] = time++;
        pos[w] = offsets[w];
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
