/**
 * Undirected articulation points (Hopcroft & Tarjan 1973, lowpoint method, iterative): nodes whose
 * removal disconnects the graph when every edge is read without direction. This is what Neo4j GDS
 * offers, and it is *not* a SPOF analysis: it ignores alternatives and AND/OR logic and never flags
 * a leaf sole supplier. Offered only as a secondary "fragility" lens, labelled as such.
 *
 * At 10^6 nodes the search is bound by memory latency, not by arithmetic: the nodes of a DFS path
 * lie far apart in memory, and each step waits for the next node's adjacency. Hence the layout:
 * every node gets one 64-byte slot (its preorder number, its degree and up to 14 neighbours: found
 * without an offsets lookup, so entering a node usually costs a single cache miss); the
 * visited set is a bitmap small enough to stay in cache; and the DFS state of the nodes on the
 * path lives on a stack, not in node-indexed arrays.
 */
import type { CompactGraph, GraphArrays } from "./compact";
import { scratchInt32, scratchUint8 } from "./scratch";

const SLOT_SHIFT = 4;
/** Neighbours stored in the slot itself; a node with more keeps them all in the overflow area
 *  after the slots, and its slot holds their start instead. */
const INLINE = (1 << SLOT_SHIFT) - 2;

/**
 * All edges without direction (each edge at both ends), one slot per node: `[preorder, degree,
 * neighbours...]`. Returns the slots and the number of neighbour entries (the half-edges).
 */
function slots(g: GraphArrays): { sl: Int32Array; halfEdges: number } {
  const n = g.nodeCount;
  // The eight adjacency lists are read in step, node by node, so each one is scanned once, in order.
  const { out, in: inc } = g;
  const o0 = out[0].offsets, o1 = out[1].offsets, o2 = out[2].offsets, o3 = out[3].offsets, o4 = inc[0].offsets, o5 = inc[1].offsets, o6 = inc[2].offsets, o7 = inc[3].offsets;
  const t0 = out[0].targets, t1 = out[1].targets, t2 = out[2].targets, t3 = out[3].targets, t4 = inc[0].targets, t5 = inc[1].targets, t6 = inc[2].targets, t7 = inc[3].targets;
  let overflow = 0;
  for (let v = 0; v < n; v++) {
    const deg = o0[v + 1] + o1[v + 1] + o2[v + 1] + o3[v + 1] + o4[v + 1] + o5[v + 1] + o6[v + 1] + o7[v + 1] - (o0[v] + o1[v] + o2[v] + o3[v] + o4[v] + o5[v] + o6[v] + o7[v]);
    if (deg > INLINE) overflow += deg;
  }
  const sl = scratchInt32("articulation.slots", (n << SLOT_SHIFT) + overflow);
  let op = n << SLOT_SHIFT;
  let x0 = o0[0], x1 = o1[0], x2 = o2[0], x3 = o3[0], x4 = o4[0], x5 = o5[0], x6 = o6[0], x7 = o7[0];
  for (let v = 0; v < n; v++) {
    const y0 = o0[v + 1], y1 = o1[v + 1], y2 = o2[v + 1], y3 = o3[v + 1], y4 = o4[v + 1], y5 = o5[v + 1], y6 = o6[v + 1], y7 = o7[v + 1];
    const deg = y0 + y1 + y2 + y3 + y4 + y5 + y6 + y7 - (x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7);
    const base = v << SLOT_SHIFT;
    sl[base + 1] = deg;
    let p = base + 2;
    if (deg > INLINE) {
      sl[p] = op;
      p = op;
      op += deg;
    }
    while (x0 < y0) sl[p++] = t0[x0++];
    while (x1 < y1) sl[p++] = t1[x1++];
    while (x2 < y2) sl[p++] = t2[x2++];
    while (x3 < y3) sl[p++] = t3[x3++];
    while (x4 < y4) sl[p++] = t4[x4++];
    while (x5 < y5) sl[p++] = t5[x5++];
    while (x6 < y6) sl[p++] = t6[x6++];
    while (x7 < y7) sl[p++] = t7[x7++];
  }
  return { sl, halfEdges: t0.length + t1.length + t2.length + t3.length + t4.length + t5.length + t6.length + t7.length };
}

/** Articulation points as node indices, ascending. */
export function articulationPointIndices(g: GraphArrays): Int32Array {
  const n = g.nodeCount;
  const { sl, halfEdges } = slots(g);
  const seen = scratchInt32("articulation.seen", (n >>> 5) + 1, true);
  // Neighbours still unvisited when their node was entered; each is pushed once, so at most one
  // entry per half-edge.
  const pending = scratchInt32("articulation.pending", halfEdges);
  // Per node on the path: node, next pending entry, end of its pending entries, lowpoint, preorder.
  const frames = scratchInt32("articulation.frames", 5 * n);
  const isCut = scratchUint8("articulation.isCut", n, true);
  let time = 0;
  for (let root = 0; root < n; root++) {
    if ((seen[root >>> 5] & (1 << (root & 31))) !== 0) continue;
    seen[root >>> 5] |= 1 << (root & 31);
    let v = root;
    let parent = -1;
    let top = 0;
    let f = 0;
    let rootChildren = 0;
    let next = 0;
    let end = 0;
    let low = 0;
    let disc = 0;
    for (;;) {
      // Enter v. In an undirected DFS every neighbour already visited now is an ancestor of v (a
      // finished node has visited all its neighbours), so v's own lowpoint term is complete here;
      // a neighbour visited later, by a descendant, is a descendant and cannot lower it.
      const base = v << SLOT_SHIFT;
      disc = time++;
      sl[base] = disc;
      low = disc;
      next = top;
      const deg = sl[base + 1];
      const s = deg <= INLINE ? base + 2 : sl[base + 2];
      const e = s + deg;
      for (let q = s; q < e; q++) {
        const x = sl[q];
        // Loaded for every neighbour, not only for ancestors: it also starts fetching the slots of
        // the nodes about to be entered, which is most of what this loop waits for.
        const px = sl[x << SLOT_SHIFT];
        if ((seen[x >>> 5] & (1 << (x & 31))) !== 0) {
          // The tree edge back to the parent is skipped once; a parallel edge counts as a cycle.
          if (x === parent) {
            parent = -1;
            continue;
          }
          const dl = low - px;
          low -= dl & ~(dl >> 31);
        } else {
          pending[top++] = x;
        }
      }
      end = top;
      // Descend into the next pending neighbour still unvisited, or finish v and return to its
      // parent (repeatedly).
      for (;;) {
        while (next < end && (seen[pending[next] >>> 5] & (1 << (pending[next] & 31))) !== 0) next++;
        if (next < end || f === 0) break;
        const childLow = low;
        f -= 5;
        v = frames[f];
        next = frames[f + 1];
        end = frames[f + 2];
        low = frames[f + 3];
        disc = frames[f + 4];
        top = end;
        if (childLow < low) low = childLow;
        if (f === 0) rootChildren++;
        else if (childLow >= disc) isCut[v] = 1;
      }
      if (next >= end) break;
      const w = pending[next];
      seen[w >>> 5] |= 1 << (w & 31);
      frames[f] = v;
      frames[f + 1] = next + 1;
      frames[f + 2] = end;
      frames[f + 3] = low;
      frames[f + 4] = disc;
      f += 5;
      parent = v;
      v = w;
    }
    if (rootChildren > 1) isCut[root] = 1;
  }
  const out: number[] = [];
  for (let v = 0; v < n; v++) if (isCut[v] === 1) out.push(v);
  return Int32Array.from(out);
}

/** Articulation point ids, sorted (from `indices` when they are already known). */
export function articulationPoints(g: CompactGraph, indices: Int32Array = articulationPointIndices(g)): string[] {
  return Array.from(indices, (v) => g.ids[v]!).sort();
}
