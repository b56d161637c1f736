/**
 * Compressed sparse rows (CSR): the adjacency of one edge kind in one direction as two flat typed
 * arrays, `targets[offsets[v] .. offsets[v+1])` being the neighbours of node v, plus `edges`, the
 * index of the snapshot edge behind each slot.
 * Idea: graphology `src/indices/neighborhood.js`; the layout is the standard CSR of sparse matrices.
 */
import { longLivedInt32 } from "@chokepoint/graph-schema";

export interface Csr {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  /** Index into the snapshot's edge array for each slot. */
  readonly edges: Int32Array;
}

export type Csr4 = [Csr, Csr, Csr, Csr];

/** Edges whose kind code is this are skipped (unusable: dangling, wrong endpoint kinds). */
export const NO_KIND = 255;

/**
 * Out-CSRs of all four edge kinds, and the in-degree counts of the in-CSRs (filled later by
 * `fillReverse`, once the out slots are in their final order), in two passes over the edges: a
 * counting sort, stable in edge order, so the same snapshot always gives the same slot order.
 * Counting into `offsets[v + 2]` and filling through `offsets[v + 1]++` leaves `offsets[v]` at
 * the start of v's run without a separate cursor array (`offsets` has n + 2 entries; the CSR uses
 * the first n + 1). The four kinds' counters are one array each way (kind k at k * (n + 2)), and
 * the fill writes through one local per kind: at 10^6 edges, looking arrays up by kind in the
 * loop measured a fifth of the time.
 */
export function buildForward(
  nodeCount: number,
  from: Int32Array,
  to: Int32Array,
  kind: Uint8Array,
  dropped: Uint8Array | undefined,
): { out: Csr4; inOffsets: Int32Array[] } {
  const m = from.length;
  const stride = nodeCount + 2;
  const outOff = longLivedInt32(4 * stride);
  const inOff = longLivedInt32(4 * stride);
  for (let i = 0; i < m; i++) {
    const k = kind[i];
    if (k === NO_KIND || (dropped !== undefined && dropped[i] === 1)) continue;
    outOff[k * stride + from[i] + 2]++;
    inOff[k * stride + to[i] + 2]++;
  }
  const count = [0, 1, 2, 3].map((k) => prefixSum(outOff, k * stride, stride));
  for (let k = 0; k < 4; k++) prefixSum(inOff, k * stride, stride);
  const [t0, t1, t2, t3] = count.map((c) => longLivedInt32(c)) as [Int32Array, Int32Array, Int32Array, Int32Array];
  const [e0, e1, e2, e3] = count.map((c) => longLivedInt32(c)) as [Int32Array, Int32Array, Int32Array, Int32Array];
  for (let i = 0; i < m; i++) {
    const k = kind[i];
    if (k === NO_KIND || (dropped !== undefined && dropped[i] === 1)) continue;
    const slot = outOff[k * stride + from[i] + 1]++;
    if (k === 0) {
      t0[slot] = to[i];
      e0[slot] = i;
    } else if (k === 1) {
      t1[slot] = to[i];
      e1[slot] = i;
    } else if (k === 2) {
      t2[slot] = to[i];
      e2[slot] = i;
    } else {
      t3[slot] = to[i];
      e3[slot] = i;
    }
  }
  const view = (a: Int32Array, k: number, length: number) => a.subarray(k * stride, k * stride + length);
  const targets = [t0, t1, t2, t3];
  const edges = [e0, e1, e2, e3];
  const out = [0, 1, 2, 3].map((k) => ({ offsets: view(outOff, k, nodeCount + 1), targets: targets[k]!, edges: edges[k]! })) as Csr4;
  return { out, inOffsets: [0, 1, 2, 3].map((k) => view(inOff, k, stride)) };
}

/** Running sums over `a[start .. start + length)`; returns the total. */
function prefixSum(a: Int32Array, start: number, length: number): number {
  let sum = 0;
  for (let i = start; i < start + length; i++) {
    sum += a[i];
    a[i] = sum;
  }
  return sum;
}

/**
 * The reverse of `forward` (in-neighbours from out-neighbours), given the in-degree counts from
 * `buildForward`; slots are ordered by source node, then forward slot. `slotData`, when given, is
 * carried over per slot into `reverseData` (e.g. the alternatives group of each REQUIRES slot).
 */
export function fillReverse(nodeCount: number, forward: Csr, inOffsets: Int32Array, slotData?: Int32Array, reverseData?: Int32Array): Csr {
  const { offsets: fo, targets: ft, edges: fe } = forward;
  const targets = longLivedInt32(ft.length);
  const edges = longLivedInt32(ft.length);
  for (let v = 0; v < nodeCount; v++) {
    for (let s = fo[v]; s < fo[v + 1]; s++) {
      const slot = inOffsets[ft[s] + 1]++;
      targets[slot] = v;
      edges[slot] = fe[s];
      if (reverseData !== undefined) reverseData[slot] = slotData![s];
    }
  }
  return { offsets: inOffsets.subarray(0, nodeCount + 1), targets, edges };
}
