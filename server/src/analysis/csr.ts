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
/** Triples are written in chunks of 2^CHUNK_SHIFT (see `buildCsrs`). */
const CHUNK_SHIFT = 11;
const CHUNK_MASK = (1 << CHUNK_SHIFT) - 1;
/** Edges between two checks of the order of sources in `fillOutBySource`. */
const ORDER_CHECK_BLOCK = 1 << 12;

/**
 * Out- and in-CSRs of all four edge kinds, by counting sorts of the edges. Stable in edge order,
 * so a node's slots (either way) list its edges in snapshot order and the same snapshot always
 * gives the same slots.
 *
 * Why it is laid out this way (each measured at 10^6 nodes / 2.8·10^6 edges):
 * - The four kinds share one counter array per direction (kind k at k * (n + 2)) and one targets
 *   and one edges array per direction, kind after kind (kind k's part starts at `base[k]`), and
 *   each kind's CSR is a view of its part.
 * - Snapshots (a store's, a canonical file's) list their edges by source. Then the out-CSRs are
 *   filled in one pass without counting sources: each kind's slots are its edges in order, and
 *   each edge writes its slot + 1 as the end of its source's run; a pass over the kind's span of
 *   sources then carries ends forward to the nodes without edges. When the out pass meets an edge
 *   whose source comes before the one of the edge before it, it stops, and the input is done the
 *   general way, sources counted first: counting into `offsets[v + 2]` and filling through
 *   `offsets[v + 1]++` leaves `offsets[v]` at the start of v's run without a cursor array.
 * - Targets are all over the graph, so the in-CSRs would be counted and filled at random over tens
 *   of megabytes; instead, the out pass also sorts the edges into windows of 2^15 target nodes, as
 *   (target, source, edge) triples, and each window's in-slots are then counted and filled from its
 *   own triples, read in sequence, with its counters and slots in cache.
 * - A window's triples go into chunks of 2^11 taken from one buffer as they fill up, rather than
 *   into runs sized by counting every window's edges first: that count was a whole pass over the
 *   edges' three columns, where the chunks cost a test per edge and a few thousand chunk records.
 *   Only the edges of each kind are counted first (one byte per edge), to place the kinds' slots.
 * - Every hot loop is a function of its own that is only that loop (`countKinds`, `fillOut…`,
 *   `countTargets`, `fillIn…`). Loops inside larger functions were compiled mid-loop, deoptimized
 *   right after the loop for want of type feedback on the code that follows, and compiled again,
 *   on every rebuild: 10–60 ms of compiling per rebuild, on top of the slower code before it was
 *   ready. A function that is only its loop compiles in a few milliseconds.
 * - Those loop functions take typed arrays and numbers only, never an object that bundles them.
 *   Optimized code depends on the hidden class (map) of every object whose fields it reads, and the
 *   map of a short-lived bundle dies with it a few collections after a build: V8 then discarded the
 *   code ("weak objects") and the next rebuild ran in the interpreter and compiled everything again
 *   (about 100 ms of a 300 ms build). Typed-array maps live as long as the process.
 */
export function buildCsrs(nodeCount: number, from: Int32Array, to: Int32Array, kind: Uint8Array, dropped: Uint8Array | undefined): { out: Csr4; in: Csr4 } {
  const half = buildOutCsrs(nodeCount, from, to, kind, dropped);
  return { out: half.out, in: fillInCsrs(half, undefined, 0).in };
}

/** The out-CSRs, and what `fillInCsrs` needs for the in-CSRs. `triples` is a scratch buffer: fill
 *  the in-CSRs before the next `buildOutCsrs`. */
export interface HalfBuilt {
  readonly out: Csr4;
  readonly nodeCount: number;
  readonly windows: number;
  /** The chunks of each (kind, window of targets), kind after kind: `chunks[chunksOf[kw] ..
   *  chunksOf[kw + 1])`, in the order they were filled. */
  readonly chunksOf: Int32Array;
  readonly chunks: Int32Array;
  /** Per chunk: where its triples end (they start at chunk << CHUNK_SHIFT). */
  readonly chunkEnd: Int32Array;
  /** (target, source, edge) of every used edge, by chunk. */
  readonly triples: Int32Array;
  readonly base: Int32Array;
}

/**
 * The first step of `buildCsrs`: the out-CSRs, and the edges sorted into windows for the in-CSRs,
 * which `fillInCsrs` fills. In between, the caller may work out per-edge values from the out-CSRs
 * (the alternatives groups) and have them copied onto the in-slots of one kind while those are
 * filled, where a later pass would read them at random.
 */
export function buildOutCsrs(nodeCount: number, from: Int32Array, to: Int32Array, kind: Uint8Array, dropped: Uint8Array | undefined): HalfBuilt {
  const stride = nodeCount + 2;
  const windows = (nodeCount >> WINDOW_SHIFT) + 1;
  // Where each kind's part of the slot arrays begins.
  const base = new Int32Array(5);
  if (dropped !== undefined || !countKindsByWord(kind, base)) {
    base.fill(0);
    countKinds(kind, dropped, base);
  }
  runningSum(base, 0, 5);
  const used = base[4];
  const outOff = longLivedInt32(4 * stride);
  const outTargets = longLivedInt32(used);
  const outEdges = longLivedInt32(used);
  // Every chunk but the last of each (kind, window) is full.
  const chunkLimit = (used >> CHUNK_SHIFT) + 4 * windows;
  const triples = scratchInt32("csr.triples", 3 * (chunkLimit << CHUNK_SHIFT));
  const chunkKw = scratchInt32("csr.chunkWindow", chunkLimit);
  const nextInWindow = new Int32Array(4 * windows);
  // [0]: the next free chunk.
  const chunkCount = new Int32Array(1);
  const next = base.slice(0, 4);
  if (fillOutBySource(from, to, kind, dropped, stride, base, outOff, outTargets, outEdges, windows, nextInWindow, triples, chunkCount, chunkKw, next)) {
    for (let k = 0; k < 4; k++) {
      // Each kind's sources run from the source of its first slot to that of its last.
      if (base[k + 1] > base[k]) endsToOffsets(outOff.subarray(k * stride, k * stride + nodeCount + 1), from[outEdges[base[k]]], from[outEdges[base[k + 1] - 1]]);
    }
  } else {
    outOff.fill(0);
    nextInWindow.fill(0);
    chunkCount[0] = 0;
    countSources(from, kind, dropped, stride, outOff);
    for (let k = 0; k < 4; k++) runningSum(outOff, k * stride, stride);
    fillOutCounted(from, to, kind, dropped, stride, base, outOff, outTargets, outEdges, windows, nextInWindow, triples, chunkCount, chunkKw);
  }
  const { chunksOf, chunks, chunkEnd } = chunkLists(windows, nextInWindow, chunkCount[0], chunkKw);
  return { out: parts(nodeCount, base, outOff, outTargets, outEdges, 0), nodeCount, windows, chunksOf, chunks, chunkEnd, triples, base };
}

/** Whether edge i (kind code k) is left out: unusable, or dropped to break a cycle. Small enough
 *  for the JIT to inline into the four passes over the edges. */
function skipped(k: number, dropped: Uint8Array | undefined, i: number): boolean {
  return k === NO_KIND || (dropped !== undefined && dropped[i] === 1);
}

/** Counts the used edges of each kind into `counts[kind + 1]`. */
function countKinds(kind: Uint8Array, dropped: Uint8Array | undefined, counts: Int32Array): void {
  const m = kind.length;
  for (let i = 0; i < m; i++) {
    const k = kind[i];
    if (skipped(k, dropped, i)) continue;
    counts[k + 1]++;
  }
}

/**
 * `countKinds` without skipped edges, four kind codes at a time: returns false, with `counts`
 * undefined, when some code is not a kind (NO_KIND). The byte loop spends about 5 ns per edge on
 * a chain of increments of the same counter; this one reads each four codes as one int32 and adds
 * up their low bits, high bits and both bits (kind 1, 2 and 3) in per-byte lanes: 3 ms instead of
 * 15 at 2.8·10^6 edges.
 */
function countKindsByWord(kind: Uint8Array, counts: Int32Array): boolean {
  const m = kind.length;
  // Int32Array views must start at a multiple of 4 bytes.
  const head = Math.min(m, (4 - (kind.byteOffset & 3)) & 3);
  const words = (m - head) >> 2;
  return countCodes(kind, 0, head, counts) && countCodes(kind, head + 4 * words, m, counts) && countCodeBits(new Int32Array(kind.buffer, kind.byteOffset + head, words), counts);
}

/** The codes `start .. end` one at a time (the unaligned ends of `countKindsByWord`). */
function countCodes(kind: Uint8Array, start: number, end: number, counts: Int32Array): boolean {
  for (let i = start; i < end; i++) {
    if (kind[i] > 3) return false;
    counts[kind[i] + 1]++;
  }
  return true;
}

const LOW_BITS = 0x01010101;
/** Lanes can count to 255 before they overflow into the next. */
const LANE_LIMIT = 255;

/** The loop of `countKindsByWord` (see there). */
function countCodeBits(words: Int32Array, counts: Int32Array): boolean {
  const n = words.length;
  let notKind = 0;
  let low = 0;
  let high = 0;
  let both = 0;
  for (let i = 0; i < n; ) {
    let lowLanes = 0;
    let highLanes = 0;
    let bothLanes = 0;
    for (const stop = Math.min(n, i + LANE_LIMIT); i < stop; i++) {
      const x = words[i];
      notKind |= x & ~0x03030303;
      lowLanes = (lowLanes + (x & LOW_BITS)) | 0;
      highLanes = (highLanes + ((x >>> 1) & LOW_BITS)) | 0;
      bothLanes = (bothLanes + (x & (x >>> 1) & LOW_BITS)) | 0;
    }
    low += laneSum(lowLanes);
    high += laneSum(highLanes);
    both += laneSum(bothLanes);
  }
  counts[1] += 4 * n - low - high + both;
  counts[2] += low - both;
  counts[3] += high - both;
  counts[4] += both;
  return notKind === 0;
}

function laneSum(x: number): number {
  return (x & 255) + ((x >>> 8) & 255) + ((x >>> 16) & 255) + (x >>> 24);
}

/**
 * The out pass when the edges are listed by source: kind k's next slot is `next[k]`. Writes the
 * out-CSR arrays (`targets`, `edges`, and in `offsets` the end of each source's run at
 * `offsets[source + 1]`, which `endsToOffsets` completes) and the triples. Returns false (and
 * stops early) when some source comes before the one of the edge before it.
 * Branch-free on the sources: testing each edge for a new source, and writing offsets up to it,
 * was a mispredicted branch on most edges (a third of the pass). Checking the order of all edges
 * rather than of each kind's keeps the last source in a register: store snapshots and files both
 * list edges by source.
 */
function fillOutBySource(
  from: Int32Array, to: Int32Array, kind: Uint8Array, dropped: Uint8Array | undefined,
  stride: number, base: Int32Array, offsets: Int32Array, targets: Int32Array, edges: Int32Array,
  windows: number, nextInWindow: Int32Array, triples: Int32Array, chunkCount: Int32Array, chunkKw: Int32Array,
  next: Int32Array,
): boolean {
  const m = from.length;
  let order = 0;
  let last = 0;
  // Checked once per block, so that edges in no order cost a block, not a pass.
  for (let block = 0; block < m && order >= 0; block += ORDER_CHECK_BLOCK) {
    const end = Math.min(m, block + ORDER_CHECK_BLOCK);
    for (let i = block; i < end; i++) {
      const k = kind[i];
      if (skipped(k, dropped, i)) continue;
      const f = from[i];
      const t = to[i];
      const o = next[k]++;
      order |= f - last;
      last = f;
      offsets[k * stride + f + 1] = o - base[k] + 1;
      place(targets, edges, windows, nextInWindow, triples, chunkCount, chunkKw, o, k, f, t, i);
    }
  }
  return order >= 0;
}

/**
 * Offsets from run ends (`fillOutBySource`, and the alternatives groups): `offsets[v + 1]` holds the
 * end of node v's run, or 0 when v has none, and the nodes with runs lie between `firstNode` and
 * `lastNode`. A node without a run starts and ends where the nodes before it end. Past the last run
 * this is a native `fill`, which is several times faster than the loop, and the runs of most kinds
 * span only the nodes of one or two kinds.
 */
export function endsToOffsets(offsets: Int32Array, firstNode: number, lastNode: number): void {
  carryEnds(offsets, firstNode + 1, lastNode + 2);
  offsets.fill(offsets[lastNode + 1], lastNode + 2);
}

/** The loop of `endsToOffsets`: every entry of `start .. end` that is not past the ones before it
 *  becomes the last end reached. */
function carryEnds(offsets: Int32Array, start: number, end: number): void {
  let reached = 0;
  for (let v = start; v < end; v++) {
    const x = offsets[v];
    if (x > reached) reached = x;
    else offsets[v] = reached;
  }
}

/** Counts each kind's edges per source into `offsets[kind * stride + source + 2]`. */
function countSources(from: Int32Array, kind: Uint8Array, dropped: Uint8Array | undefined, stride: number, offsets: Int32Array): void {
  const m = from.length;
  for (let i = 0; i < m; i++) {
    const k = kind[i];
    if (skipped(k, dropped, i)) continue;
    offsets[k * stride + from[i] + 2]++;
  }
}

/** Edges in any order, their sources counted (see `buildCsrs`). */
function fillOutCounted(
  from: Int32Array, to: Int32Array, kind: Uint8Array, dropped: Uint8Array | undefined,
  stride: number, base: Int32Array, offsets: Int32Array, targets: Int32Array, edges: Int32Array,
  windows: number, nextInWindow: Int32Array, triples: Int32Array, chunkCount: Int32Array, chunkKw: Int32Array,
): void {
  const m = from.length;
  for (let i = 0; i < m; i++) {
    const k = kind[i];
    if (skipped(k, dropped, i)) continue;
    const f = from[i];
    const t = to[i];
    place(targets, edges, windows, nextInWindow, triples, chunkCount, chunkKw, base[k] + offsets[k * stride + f + 1]++, k, f, t, i);
  }
}

/** Edge i (kind k, from f to t) into out-slot o, and its triple into its window's chunk, taking
 *  the next chunk when that one is full (or the window has none yet: `nextInWindow` 0). Small
 *  enough for the JIT to inline into both out passes. */
function place(
  targets: Int32Array, edges: Int32Array, windows: number, nextInWindow: Int32Array, triples: Int32Array,
  chunkCount: Int32Array, chunkKw: Int32Array, o: number, k: number, f: number, t: number, i: number,
): void {
  targets[o] = t;
  edges[o] = i;
  const kw = k * windows + (t >> WINDOW_SHIFT);
  let q = nextInWindow[kw];
  if ((q & CHUNK_MASK) === 0) {
    const chunk = chunkCount[0]++;
    chunkKw[chunk] = kw;
    q = chunk << CHUNK_SHIFT;
  }
  nextInWindow[kw] = q + 1;
  const p = 3 * q;
  triples[p] = t;
  triples[p + 1] = f;
  triples[p + 2] = i;
}

/** The chunks of each (kind, window), from the window each chunk was taken for (`chunkKw`) and
 *  where each window's next triple would have gone (`nextInWindow`, 0 for a window with none). */
function chunkLists(windows: number, nextInWindow: Int32Array, count: number, chunkKw: Int32Array): Pick<HalfBuilt, "chunksOf" | "chunks" | "chunkEnd"> {
  const chunksOf = new Int32Array(4 * windows + 2);
  for (let c = 0; c < count; c++) chunksOf[chunkKw[c] + 2]++;
  runningSum(chunksOf, 0, chunksOf.length);
  const chunks = new Int32Array(count);
  for (let c = 0; c < count; c++) chunks[chunksOf[chunkKw[c] + 1]++] = c;
  const chunkEnd = new Int32Array(count);
  for (let c = 0; c < count; c++) chunkEnd[c] = (c + 1) << CHUNK_SHIFT;
  for (let kw = 0; kw < 4 * windows; kw++) {
    const q = nextInWindow[kw];
    if (q !== 0) chunkEnd[(q - 1) >> CHUNK_SHIFT] = q;
  }
  return { chunksOf: chunksOf.subarray(0, 4 * windows + 1), chunks, chunkEnd };
}

/** An in-CSR without the snapshot edge behind each slot. */
export type Slots = Pick<Csr, "offsets" | "targets">;

/** In-CSRs whose first two kinds (REQUIRES, SOURCED_FROM) record no edges (see `fillInCsrs`). */
export type InCsr4 = [Slots, Slots, Csr, Csr];

/**
 * The in-CSRs; with `label`, also `label.ofEdge[e]` for every in-slot of kind `label.kind`
 * (`labels`, indexed like that kind's in-slots). Once per `buildOutCsrs`. Only the kinds from
 * `edgesFrom` on record the edge behind each in-slot: the engine reads it for LOCATED_IN and WITHIN
 * only (the stated-only failure of what lies in a region), and the other kinds' in-edges were 2.5·10^6
 * writes of fresh memory at 10^6 nodes that nothing read.
 */
export function fillInCsrs(h: HalfBuilt, label: InLabel | undefined, edgesFrom: 0): { in: Csr4; labels: Int32Array | undefined };
export function fillInCsrs(h: HalfBuilt, label: InLabel | undefined, edgesFrom: 2): { in: InCsr4; labels: Int32Array | undefined };
export function fillInCsrs(h: HalfBuilt, label: InLabel | undefined, edgesFrom: 0 | 2): { in: Csr4 | InCsr4; labels: Int32Array | undefined } {
  const { nodeCount, windows, chunksOf, chunks, chunkEnd, triples, base } = h;
  const stride = nodeCount + 2;
  const inOff = longLivedInt32(4 * stride);
  const inTargets = longLivedInt32(base[4]);
  const inEdges = longLivedInt32(base[4] - base[edgesFrom]);
  const labels = label && longLivedInt32(base[label.kind + 1] - base[label.kind]);
  for (let k = 0; k < 4; k++) {
    const counters = inOff.subarray(k * stride, (k + 1) * stride);
    const kindTargets = inTargets.subarray(base[k], base[k + 1]);
    const kindEdges = k < edgesFrom ? undefined : inEdges.subarray(base[k] - base[edgesFrom], base[k + 1] - base[edgesFrom]);
    const ofEdge = label !== undefined && label.kind === k ? label.ofEdge : undefined;
    let sum = 0;
    for (let w = 0; w < windows; w++) {
      const first = chunksOf[k * windows + w];
      const end = chunksOf[k * windows + w + 1];
      for (let x = first; x < end; x++) countTargets(triples, chunks[x] << CHUNK_SHIFT, chunkEnd[chunks[x]], counters);
      const low = (w << WINDOW_SHIFT) + 2;
      const high = Math.min(nodeCount, (w + 1) << WINDOW_SHIFT) + 2;
      // Most kinds have no targets in most windows (only regions are in regions, for one).
      if (first === end) counters.fill(sum, low, high);
      else sum = runningSumFrom(counters, low, high, sum);
      for (let x = first; x < end; x++) {
        const a = chunks[x] << CHUNK_SHIFT;
        const b = chunkEnd[chunks[x]];
        if (ofEdge !== undefined) fillInLabelled(triples, a, b, counters, kindTargets, kindEdges, ofEdge, labels!);
        else if (kindEdges !== undefined) fillIn(triples, a, b, counters, kindTargets, kindEdges);
        else fillInTargets(triples, a, b, counters, kindTargets);
      }
    }
  }
  return { in: edgesFrom === 0 ? parts(nodeCount, base, inOff, inTargets, inEdges, 0) : parts(nodeCount, base, inOff, inTargets, inEdges, 2), labels };
}

interface InLabel {
  readonly kind: number;
  readonly ofEdge: Int32Array;
}

/** Counts the targets of triples `a .. b` into `counters[target + 2]`. */
function countTargets(triples: Int32Array, a: number, b: number, counters: Int32Array): void {
  for (let x = 3 * a; x < 3 * b; x += 3) counters[triples[x] + 2]++;
}

/** The in-slots of triples `a .. b` (part of one window of one kind). */
function fillIn(triples: Int32Array, a: number, b: number, counters: Int32Array, targets: Int32Array, edges: Int32Array): void {
  for (let x = 3 * a; x < 3 * b; x += 3) {
    const s = counters[triples[x] + 1]++;
    targets[s] = triples[x + 1];
    edges[s] = triples[x + 2];
  }
}

/** `fillIn` without edges. */
function fillInTargets(triples: Int32Array, a: number, b: number, counters: Int32Array, targets: Int32Array): void {
  for (let x = 3 * a; x < 3 * b; x += 3) targets[counters[triples[x] + 1]++] = triples[x + 1];
}

/** `fillIn`, also copying each edge's label onto its slot (and the edge itself, with `edges`). */
function fillInLabelled(triples: Int32Array, a: number, b: number, counters: Int32Array, targets: Int32Array, edges: Int32Array | undefined, ofEdge: Int32Array, labels: Int32Array): void {
  for (let x = 3 * a; x < 3 * b; x += 3) {
    const s = counters[triples[x] + 1]++;
    const e = triples[x + 2];
    targets[s] = triples[x + 1];
    if (edges !== undefined) edges[s] = e;
    labels[s] = ofEdge[e];
  }
}

/** Each kind's CSR, as views of its parts of the shared arrays; `edges` holds the edges of the
 *  kinds from `edgesFrom` on, and the kinds before it get no `edges` (see `fillInCsrs`). */
function parts(nodeCount: number, base: Int32Array, offsets: Int32Array, targets: Int32Array, edges: Int32Array, edgesFrom: 0): Csr4;
function parts(nodeCount: number, base: Int32Array, offsets: Int32Array, targets: Int32Array, edges: Int32Array, edgesFrom: 2): InCsr4;
function parts(nodeCount: number, base: Int32Array, offsets: Int32Array, targets: Int32Array, edges: Int32Array, edgesFrom: 0 | 2): Csr4 | InCsr4 {
  const slots = (k: number): Slots => slotsPart(nodeCount, base, offsets, targets, k);
  const csr = (k: number): Csr => ({ ...slots(k), edges: edges.subarray(base[k] - base[edgesFrom], base[k + 1] - base[edgesFrom]) });
  return edgesFrom === 0 ? [csr(0), csr(1), csr(2), csr(3)] : [slots(0), slots(1), csr(2), csr(3)];
}

function slotsPart(nodeCount: number, base: Int32Array, offsets: Int32Array, targets: Int32Array, k: number): Slots {
  const stride = nodeCount + 2;
  return { offsets: offsets.subarray(k * stride, k * stride + nodeCount + 1), targets: targets.subarray(base[k], base[k + 1]) };
}

/** Running sums over `a[start .. start + length)`, in place; returns the total. */
function runningSum(a: Int32Array, start: number, length: number): number {
  return runningSumFrom(a, start, start + length, 0);
}

/** Running sums over `a[start .. end)` continuing from `sum`, in place; returns the last. */
function runningSumFrom(a: Int32Array, start: number, end: number, sum: number): number {
  for (let i = start; i < end; i++) {
    sum += a[i];
    a[i] = sum;
  }
  return sum;
}
