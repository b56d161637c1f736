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
 * the first n + 1).
 */
export function buildForward(
  nodeCount: number,
  from: Int32Array,
  to: Int32Array,
  kind: Uint8Array,
  dropped: Uint8Array | undefined,
): { out: Csr4; inOffsets: Int32Array[] } {
  const m = from.length;
  const outOff = [0, 1, 2, 3].map(() => longLivedInt32(nodeCount + 2));
  const inOff = [0, 1, 2, 3].map(() => longLivedInt32(nodeCount + 2));
  const count = [0, 0, 0, 0];
  for (let i = 0; i < m; i++) {
    const k = kind[i];
    if (k === NO_KIND || (dropped !== undefined && dropped[i] === 1)) continue;
    outOff[k]![from[i] + 2]++;
    inOff[k]![to[i] + 2]++;
    count[k]++;
  }
  for (let k = 0; k < 4; k++) {
    prefixSum(outOff[k]!);
    prefixSum(inOff[k]!);
  }
  const targets = count.map((c) => longLivedInt32(c));
  const edges = count.map((c) => longLivedInt32(c));
  for (let i = 0; i < m; i++) {
    const k = kind[i];
    if (k === NO_KIND || (dropped !== undefined && dropped[i] === 1)) continue;
    const slot = outOff[k]![from[i] + 1]++;
    targets[k]![slot] = to[i];
    edges[k]![slot] = i;
  }
  const out = [0, 1, 2, 3].map((k) => ({ offsets: outOff[k]!.subarray(0, nodeCount + 1), targets: targets[k]!, edges: edges[k]! })) as Csr4;
  return { out, inOffsets: inOff };
}

function prefixSum(a: Int32Array): void {
  for (let i = 1; i < a.length; i++) a[i] += a[i - 1];
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
