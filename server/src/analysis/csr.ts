/**
 * Compressed sparse rows (CSR): the adjacency of one edge kind in one direction as two flat typed
 * arrays, `targets[offsets[v] .. offsets[v+1])` being the neighbours of node v, plus `edges`, the
 * index of the snapshot edge behind each slot. Built by a counting sort (two passes over the edge
 * arrays), stable in edge order, so the same snapshot always gives the same slot order.
 * Idea: graphology `src/indices/neighborhood.js`; the layout is the standard CSR of sparse matrices.
 */

export interface Csr {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  /** Index into the snapshot's edge array for each slot. */
  readonly edges: Int32Array;
}

/**
 * Builds one CSR from parallel edge arrays. `keep(i)` selects edges; `from`/`to` choose the
 * direction (pass `to`, `from` for the reverse adjacency).
 */
export function buildCsr(
  nodeCount: number,
  from: Int32Array,
  to: Int32Array,
  kind: Uint8Array,
  wanted: number,
  dropped: Uint8Array | undefined,
  /** Scratch space of nodeCount ints, reused across builds. */
  fill: Int32Array,
): Csr {
  const m = from.length;
  const offsets = new Int32Array(nodeCount + 1);
  let count = 0;
  for (let i = 0; i < m; i++) {
    if (kind[i] !== wanted || (dropped !== undefined && dropped[i] === 1)) continue;
    offsets[from[i] + 1]++;
    count++;
  }
  for (let v = 0; v < nodeCount; v++) offsets[v + 1] += offsets[v];
  const targets = new Int32Array(count);
  const edges = new Int32Array(count);
  fill.set(offsets.subarray(0, nodeCount));
  for (let i = 0; i < m; i++) {
    if (kind[i] !== wanted || (dropped !== undefined && dropped[i] === 1)) continue;
    const slot = fill[from[i]]++;
    targets[slot] = to[i];
    edges[slot] = i;
  }
  return { offsets, targets, edges };
}

/** The reverse of a CSR (in-neighbours from out-neighbours), keeping the edge index per slot, and
 *  with `withForwardSlot` the forward slot each reverse slot came from (to carry per-slot data such
 *  as groups). */
export function reverseCsr(nodeCount: number, forward: Csr, fill: Int32Array, withForwardSlot: boolean): Csr & { readonly forwardSlot: Int32Array } {
  const { offsets: fo, targets: ft, edges: fe } = forward;
  const offsets = new Int32Array(nodeCount + 1);
  for (let s = 0; s < ft.length; s++) offsets[ft[s] + 1]++;
  for (let v = 0; v < nodeCount; v++) offsets[v + 1] += offsets[v];
  const targets = new Int32Array(ft.length);
  const edges = new Int32Array(ft.length);
  const forwardSlot = new Int32Array(withForwardSlot ? ft.length : 0);
  fill.set(offsets.subarray(0, nodeCount));
  for (let v = 0; v < nodeCount; v++) {
    for (let s = fo[v]; s < fo[v + 1]; s++) {
      const slot = fill[ft[s]]++;
      targets[slot] = v;
      edges[slot] = fe[s];
      if (withForwardSlot) forwardSlot[slot] = s;
    }
  }
  return { offsets, targets, edges, forwardSlot };
}
