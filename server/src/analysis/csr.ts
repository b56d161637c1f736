/**
 * Compressed sparse rows (CSR): the adjacency of one edge kind in one direction as two flat typed
 * arrays, `targets[offsets[v] .. offsets[v+1])` being the neighbours of node v, plus `edges`, the
 * index of the snapshot edge behind each slot.
 * Idea: graphology `src/indices/neighborhood.js`; the layout is the standard CSR of sparse matrices.
 */
import { longLivedInt32 } from "@chokepoint/graph-schema";
import { scratchInt32 } from "./scratch";

export interface Csr {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  /** Index into the snapshot's edge array for each slot. */
  readonly edges: Int32Array;
}

export type Csr4 = [Csr, Csr, Csr, Csr];

/** Edges whose kind code is this are skipped (unusable: dangling, wrong endpoint kinds). */
export const NO_KIND = 255;

/** The in-CSRs are filled one window of 2^WINDOW_SHIFT target nodes at a time (see `buildCsrs`). */
const WINDOW_SHIFT = 15;

/**
 * Out- and in-CSRs of all four edge kinds, by counting sorts of the edges. Stable in edge order,
 * so a node's slots (either way) list its edges in snapshot order and the same snapshot always
 * gives the same slots.
 *
 * Why it is laid out this way (each measured at 10^6 nodes / 2.8·10^6 edges):
 * - The four kinds share one counter array per direction (kind k at k * (n + 2)) and one targets
 *   and one edges array per direction, kind after kind (kind k's part starts at `base[k]`), and
 *   each kind's CSR is a view of its part.
 * - Counting into `offsets[v + 2]` and filling through `offsets[v + 1]++` leaves `offsets[v]` at
 *   the start of v's run without a separate cursor array.
 * - Snapshots list edges by source, so the out-CSRs are counted and filled in sequence. Their
 *   targets are all over the graph, so the in-CSRs would be counted and filled at random over tens
 *   of megabytes; instead, the fill pass also sorts the edges into windows of 2^15 target nodes
 *   (a counting sort on the window), and each window's in-slots are then counted and filled from
 *   its own edges, with its counters and slots in cache. That halved `buildCsrs`.
 */
export function buildCsrs(nodeCount: number, from: Int32Array, to: Int32Array, kind: Uint8Array, dropped: Uint8Array | undefined): { out: Csr4; in: Csr4 } {
  const half = buildOutCsrs(nodeCount, from, to, kind, dropped);
  return { out: half.out, in: fillInCsrs(half, undefined).in };
}

/** The out-CSRs, and what `fillInCsrs` needs for the in-CSRs. `byWindow` is a scratch buffer: fill
 *  the in-CSRs before the next `buildOutCsrs`. */
export interface HalfBuilt {
  readonly out: Csr4;
  readonly nodeCount: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly windows: number;
  readonly windowStart: Int32Array;
  readonly byWindow: Int32Array;
  readonly base: Int32Array;
}

/**
 * The first step of `buildCsrs`: the out-CSRs, and the edges sorted into windows for the in-CSRs,
 * which `fillInCsrs` fills. In between, the caller may work out per-edge values from the out-CSRs
 * (the alternatives groups) and have them copied onto the in-slots of one kind while those are
 * filled, where a later pass would read them at random.
 */
export function buildOutCsrs(nodeCount: number, from: Int32Array, to: Int32Array, kind: Uint8Array, dropped: Uint8Array | undefined): HalfBuilt {
  const m = from.length;
  const stride = nodeCount + 2;
  const windows = (nodeCount >> WINDOW_SHIFT) + 1;
  const outOff = longLivedInt32(4 * stride);
  // Where the edges of each (kind, window of targets) start in `byWindow`, kind after kind.
  const windowStart = new Int32Array(4 * windows + 1);
  for (let i = 0; i < m; i++) {
    const k = kind[i];
    if (k === NO_KIND || (dropped !== undefined && dropped[i] === 1)) continue;
    outOff[k * stride + from[i] + 2]++;
    windowStart[k * windows + (to[i] >> WINDOW_SHIFT) + 1]++;
  }
  runningSum(windowStart, 0, windowStart.length);
  // Per kind: running sums of its counters, and where its part of the slot arrays begins.
  const base = new Int32Array(5);
  for (let k = 0; k < 4; k++) base[k + 1] = base[k] + runningSum(outOff, k * stride, stride);
  const used = base[4];
  const outTargets = longLivedInt32(used);
  const outEdges = longLivedInt32(used);
  const byWindow = scratchInt32("csr.byWindow", used);
  const nextInWindow = windowStart.slice(0, 4 * windows);
  for (let i = 0; i < m; i++) {
    const k = kind[i];
    if (k === NO_KIND || (dropped !== undefined && dropped[i] === 1)) continue;
    const t = to[i];
    const o = base[k] + outOff[k * stride + from[i] + 1]++;
    outTargets[o] = t;
    outEdges[o] = i;
    byWindow[nextInWindow[k * windows + (t >> WINDOW_SHIFT)]++] = i;
  }
  return { out: parts(nodeCount, base, outOff, outTargets, outEdges), nodeCount, from, to, windows, windowStart, byWindow, base };
}

/** The in-CSRs; with `label`, also `label.ofEdge[e]` for every in-slot of kind `label.kind`
 *  (`labels`, indexed like that kind's in-slots). Once per `buildOutCsrs`. */
export function fillInCsrs(h: HalfBuilt, label: { readonly kind: number; readonly ofEdge: Int32Array } | undefined): { in: Csr4; labels: Int32Array | undefined } {
  const { nodeCount, from, to, windows, windowStart, byWindow, base } = h;
  const stride = nodeCount + 2;
  const inOff = longLivedInt32(4 * stride);
  const inTargets = longLivedInt32(base[4]);
  const inEdges = longLivedInt32(base[4]);
  const labels = label && longLivedInt32(base[label.kind + 1] - base[label.kind]);
  for (let k = 0; k < 4; k++) {
    const counters = inOff.subarray(k * stride, (k + 1) * stride);
    const kindTargets = inTargets.subarray(base[k], base[k + 1]);
    const kindEdges = inEdges.subarray(base[k], base[k + 1]);
    const ofEdge = label !== undefined && label.kind === k ? label.ofEdge : undefined;
    let sum = 0;
    for (let w = 0; w < windows; w++) {
      const a = windowStart[k * windows + w];
      const b = windowStart[k * windows + w + 1];
      for (let x = a; x < b; x++) counters[to[byWindow[x]] + 2]++;
      const last = Math.min(nodeCount, (w + 1) << WINDOW_SHIFT) + 2;
      for (let j = (w << WINDOW_SHIFT) + 2; j < last; j++) {
        sum += counters[j];
        counters[j] = sum;
      }
      if (ofEdge === undefined) fillWindow(byWindow, a, b, from, to, counters, kindTargets, kindEdges);
      else fillWindowLabelled(byWindow, a, b, from, to, counters, kindTargets, kindEdges, ofEdge, labels!);
    }
  }
  return { in: parts(nodeCount, base, inOff, inTargets, inEdges), labels };
}

/** The in-slots of one window's edges (`byWindow[a .. b)`). */
function fillWindow(byWindow: Int32Array, a: number, b: number, from: Int32Array, to: Int32Array, counters: Int32Array, targets: Int32Array, edges: Int32Array): void {
  for (let x = a; x < b; x++) {
    const i = byWindow[x];
    const s = counters[to[i] + 1]++;
    targets[s] = from[i];
    edges[s] = i;
  }
}

/** `fillWindow`, also copying each edge's label onto its slot. */
function fillWindowLabelled(byWindow: Int32Array, a: number, b: number, from: Int32Array, to: Int32Array, counters: Int32Array, targets: Int32Array, edges: Int32Array, ofEdge: Int32Array, labels: Int32Array): void {
  for (let x = a; x < b; x++) {
    const i = byWindow[x];
    const s = counters[to[i] + 1]++;
    targets[s] = from[i];
    edges[s] = i;
    labels[s] = ofEdge[i];
  }
}

/** Each kind's CSR, as views of its parts of the shared arrays. */
function parts(nodeCount: number, base: Int32Array, offsets: Int32Array, targets: Int32Array, edges: Int32Array): Csr4 {
  const stride = nodeCount + 2;
  const part = (k: number): Csr => ({
    offsets: offsets.subarray(k * stride, k * stride + nodeCount + 1),
    targets: targets.subarray(base[k], base[k + 1]),
    edges: edges.subarray(base[k], base[k + 1]),
  });
  return [part(0), part(1), part(2), part(3)];
}

/** Running sums over `a[start .. start + length)`, in place; returns the total. */
function runningSum(a: Int32Array, start: number, length: number): number {
  let sum = 0;
  const end = start + length;
  for (let i = start; i < end; i++) {
    sum += a[i];
    a[i] = sum;
  }
  return sum;
}
