/**
 * Undirected articulation points (Hopcroft & Tarjan 1973, lowpoint method, iterative): nodes whose
 * removal disconnects the graph when every edge is read without direction. This is what Neo4j GDS
 * offers, and it is *not* a SPOF analysis: it ignores alternatives and AND/OR logic and never flags
 * a leaf sole supplier. Offered only as a secondary "fragility" lens, labelled as such.
 */
import type { CompactGraph } from "./compact";
import { scratchInt32, scratchUint8 } from "./scratch";

/** All edges without direction, as one CSR (each edge appears at both ends). */
function undirected(g: CompactGraph): { offsets: Int32Array; targets: Int32Array } {
  const n = g.nodeCount;
  const offsets = scratchInt32("articulation.offsets", n + 1, true);
  const lists = [...g.out, ...g.in];
  for (const csr of lists) for (let v = 0; v < n; v++) offsets[v + 1] += csr.offsets[v + 1] - csr.offsets[v];
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  const targets = scratchInt32("articulation.targets", offsets[n]);
  const fill = scratchInt32("articulation.fill", n);
  fill.set(offsets.subarray(0, n));
  for (const csr of lists) for (let v = 0; v < n; v++) for (let s = csr.offsets[v]; s < csr.offsets[v + 1]; s++) targets[fill[v]++] = csr.targets[s];
  return { offsets, targets };
}

// Per-node DFS state interleaved in one array (one cache line per node instead of five).
const DISC = 0;
const LOW = 1;
const PARENT = 2;
const POS = 3;

/** Articulation points as node indices, ascending. */
export function articulationPointIndices(g: CompactGraph): Int32Array {
  const n = g.nodeCount;
  const { offsets, targets } = undirected(g);
  const st = scratchInt32("articulation.state", 4 * n);
  for (let v = 0; v < n; v++) {
    st[4 * v + DISC] = -1;
    st[4 * v + PARENT] = -1;
  }
  const children = scratchInt32("articulation.children", n, true);
  const isCut = scratchUint8("articulation.isCut", n, true);
  const skippedParent = scratchUint8("articulation.skippedParent", n, true);
  const stack = scratchInt32("articulation.stack", n);
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (st[4 * root + DISC] >= 0) continue;
    let top = 0;
    stack[0] = root;
    st[4 * root + DISC] = st[4 * root + LOW] = time++;
    st[4 * root + POS] = offsets[root];
    while (top >= 0) {
      const v = stack[top];
      const sv = 4 * v;
      if (st[sv + POS] === offsets[v + 1]) {
        top--;
        const p = st[sv + PARENT];
        if (p >= 0) {
          const sp = 4 * p;
          if (st[sv + LOW] < st[sp + LOW]) st[sp + LOW] = st[sv + LOW];
          if (st[sp + PARENT] >= 0 && st[sv + LOW] >= st[sp + DISC]) isCut[p] = 1;
        }
        continue;
      }
      const w = targets[st[sv + POS]++];
      // The tree edge back to the parent is skipped once; a parallel edge counts as a cycle.
      if (w === st[sv + PARENT] && skippedParent[v] === 0) {
        skippedParent[v] = 1;
        continue;
      }
      const sw = 4 * w;
      if (st[sw + DISC] < 0) {
        st[sw + PARENT] = v;
        children[v]++;
        st[sw + DISC] = st[sw + LOW] = time++;
        st[sw + POS] = offsets[w];
        stack[++top] = w;
      } else if (st[sw + DISC] < st[sv + LOW]) {
        st[sv + LOW] = st[sw + DISC];
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
