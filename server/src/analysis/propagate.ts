/**
 * Availability under a failure set F (DESIGN §2), by forward propagation from F: a node becomes
 * unavailable when a REQUIRES group loses its last member, an item loses its last source, or
 * (for suppliers and regions) any region it lies in fails. Counters per group and per item make
 * each edge cost O(1), so a scenario costs O(nodes reached + their in-edges), not O(graph).
 * Counters are initialised lazily (epoch stamps), so one propagator serves many queries: each
 * graph keeps one per mode (`propagatorOf`), reused by every query that runs on it (queries are
 * synchronous, so they never interleave).
 *
 * `statedOnly` propagates only along derivations made of stated edges: a group or a source set
 * with any non-stated edge never counts as lost, and non-stated LOCATED_IN/WITHIN edges carry no
 * failure. Comparing both runs tells whether a verdict rests on a non-stated edge.
 */
import { longLivedInt32 } from "@chokepoint/graph-schema";
import { memoByGraph } from "./cache";
import type { CompactGraph } from "./compact";
import { LOCATED_IN, REGION, REQUIRES, SOURCED_FROM, SUPPLIER, WITHIN } from "./kind-codes";
import { sortLevelAt } from "./sort-by-index";

/** Never reaches zero: the reason is unusable in a stated-only derivation. */
const NEVER = 0x3fffffff;

/**
 * Counter state, interleaved as [stamp, left, full] per item (sources) and per group (members), so
 * that one touch costs one cache line rather than three: at 10^6 nodes a bloc failure touches
 * hundreds of thousands of counters at random, and the traversal is bound by memory latency.
 */
const STAMP = 0;
const LEFT = 1;
const FULL = 2;

function counterState(g: CompactGraph, statedOnly: boolean): { src: Int32Array; grp: Int32Array } {
  const n = g.nodeCount;
  const srcCsr = g.out[SOURCED_FROM]!;
  const src = longLivedInt32(3 * n);
  for (let v = 0; v < n; v++) {
    const a = srcCsr.offsets[v];
    const b = srcCsr.offsets[v + 1];
    let full = b - a;
    if (statedOnly) for (let s = a; s < b; s++) if (g.stated[srcCsr.edges[s]] === 0) full = NEVER;
    src[3 * v + FULL] = full;
  }
  const req = g.out[REQUIRES]!;
  const { start, count } = g.groups;
  const grp = longLivedInt32(3 * count);
  for (let gi = 0; gi < count; gi++) {
    let full = start[gi + 1] - start[gi];
    if (statedOnly) for (let s = start[gi]; s < start[gi + 1]; s++) if (g.stated[req.edges[s]] === 0) full = NEVER;
    grp[3 * gi + FULL] = full;
  }
  return { src, grp };
}

/** Restricts a run to the nodes with `stamp[v] === epoch` (e.g. a product's cone). */
export interface Within {
  readonly stamp: Int32Array;
  readonly epoch: number;
}

export class Propagator {
  private readonly downStamp: Int32Array;
  private readonly src: Int32Array;
  private readonly grp: Int32Array;
  private readonly queue: Int32Array;
  /** One bit per node, all zero between runs (see `sortByIndex`). */
  private readonly marks: Int32Array;
  private epoch = 0;
  /** Nodes made unavailable by the last run, level by level (each level by index):
   *  `down[0 .. downCount)`. */
  down: Int32Array;
  downCount = 0;

  constructor(
    private readonly g: CompactGraph,
    private readonly statedOnly: boolean,
  ) {
    const n = g.nodeCount;
    this.downStamp = longLivedInt32(n);
    this.queue = longLivedInt32(n);
    this.marks = longLivedInt32((n >> 5) + 1);
    this.down = this.queue;
    const state = counterState(g, statedOnly);
    this.src = state.src;
    this.grp = state.grp;
  }

  isDown(v: number): boolean {
    return this.downStamp[v] === this.epoch;
  }

  /** True when v has sources and all of them are down in the last run. */
  sourcesLost(v: number): boolean {
    return this.src[3 * v + STAMP] === this.epoch && this.src[3 * v + LEFT] === 0;
  }

  /** True when every member of REQUIRES group `gi` is down in the last run. */
  groupLost(gi: number): boolean {
    return this.grp[3 * gi + STAMP] === this.epoch && this.grp[3 * gi + LEFT] === 0;
  }

  /** Fails `failed` and everything that falls with them (only inside `within`, when given). */
  run(failed: ArrayLike<number>, within?: Within): void {
    const g = this.g;
    const ep = ++this.epoch;
    const { downStamp, queue } = this;
    const inside = within?.stamp;
    const inEpoch = within?.epoch ?? 0;
    let tail = 0;
    for (let i = 0; i < failed.length; i++) tail = fall(failed[i]!, downStamp, ep, inside, inEpoch, queue, tail);
    const reqIn = g.in[REQUIRES]!;
    const srcIn = g.in[SOURCED_FROM]!;
    const locIn = g.in[LOCATED_IN]!;
    const witIn = g.in[WITHIN]!;
    this.down = queue;
    this.downCount = propagate(
      g.kind,
      reqIn.offsets,
      reqIn.targets,
      g.groups.ofInSlot,
      srcIn.offsets,
      srcIn.targets,
      locIn.offsets,
      locIn.targets,
      locIn.edges,
      witIn.offsets,
      witIn.targets,
      witIn.edges,
      this.statedOnly ? g.stated : undefined,
      this.src,
      this.grp,
      downStamp,
      ep,
      inside,
      inEpoch,
      queue,
      tail,
      this.marks,
    );
  }
}

/**
 * The loop of `Propagator.run`: takes the queued nodes `queue[0 .. tail)` and queues what falls
 * with them, level by level (the failed nodes, what fell with them, and so on), each level sorted
 * by index before it is taken (sort-by-index.ts); returns the new tail. A function of its own that
 * takes typed arrays and numbers only: inside `run`, with a closure for "fail p", the closure made
 * per run was compiled into the loop and discarded with it after every run (see csr.ts).
 */
function propagate(
  kind: Uint8Array,
  reqInOffsets: Int32Array,
  reqInTargets: Int32Array,
  ofInSlot: Int32Array,
  srcInOffsets: Int32Array,
  srcInTargets: Int32Array,
  locInOffsets: Int32Array,
  locInTargets: Int32Array,
  locInEdges: Int32Array,
  witInOffsets: Int32Array,
  witInTargets: Int32Array,
  witInEdges: Int32Array,
  stated: Uint8Array | undefined,
  src: Int32Array,
  grp: Int32Array,
  downStamp: Int32Array,
  ep: number,
  inside: Int32Array | undefined,
  inEpoch: number,
  queue: Int32Array,
  tail: number,
  marks: Int32Array,
): number {
  let levelEnd = 0;
  for (let head = 0; head < tail; head++) {
    levelEnd = sortLevelAt(queue, head, levelEnd, tail, marks);
    const c = queue[head];
    // Only items are required, only suppliers and regions are sources, only regions contain:
    // reading just the in-lists a node of c's kind can have saves random reads per node.
    const k = kind[c];
    if (k < SUPPLIER) {
      for (let s = reqInOffsets[c]; s < reqInOffsets[c + 1]; s++) {
        const at = 3 * ofInSlot[s];
        if (grp[at + STAMP] !== ep) {
          grp[at + STAMP] = ep;
          grp[at + LEFT] = grp[at + FULL];
        }
        if (--grp[at + LEFT] === 0) tail = fall(reqInTargets[s], downStamp, ep, inside, inEpoch, queue, tail);
      }
      continue;
    }
    for (let s = srcInOffsets[c]; s < srcInOffsets[c + 1]; s++) {
      const p = srcInTargets[s];
      const at = 3 * p;
      if (src[at + STAMP] !== ep) {
        src[at + STAMP] = ep;
        src[at + LEFT] = src[at + FULL];
      }
      if (--src[at + LEFT] === 0) tail = fall(p, downStamp, ep, inside, inEpoch, queue, tail);
    }
    if (k !== REGION) continue;
    tail = failContained(locInOffsets, locInTargets, locInEdges, c, stated, downStamp, ep, inside, inEpoch, queue, tail);
    tail = failContained(witInOffsets, witInTargets, witInEdges, c, stated, downStamp, ep, inside, inEpoch, queue, tail);
  }
  return tail;
}

/** Queues what lies in region c along one edge kind (LOCATED_IN or WITHIN; with `stated`, only
 *  along stated edges); returns the new tail. */
function failContained(
  offsets: Int32Array,
  targets: Int32Array,
  edges: Int32Array,
  c: number,
  stated: Uint8Array | undefined,
  downStamp: Int32Array,
  ep: number,
  inside: Int32Array | undefined,
  inEpoch: number,
  queue: Int32Array,
  tail: number,
): number {
  for (let s = offsets[c]; s < offsets[c + 1]; s++) {
    if (stated === undefined || stated[edges[s]] === 1) tail = fall(targets[s], downStamp, ep, inside, inEpoch, queue, tail);
  }
  return tail;
}

/** Node p fails, unless it is down already or outside `inside`: queued at `tail`. Returns the new
 *  tail. Small enough for the JIT to inline into the loops above. */
function fall(p: number, downStamp: Int32Array, ep: number, inside: Int32Array | undefined, inEpoch: number, queue: Int32Array, tail: number): number {
  if (downStamp[p] === ep || (inside !== undefined && inside[p] !== inEpoch)) return tail;
  downStamp[p] = ep;
  queue[tail] = p;
  return tail + 1;
}

/** The shared propagators of a graph (full, and stated-only). */
export const propagatorOf = memoByGraph((g: CompactGraph) => new Propagator(g, false));
export const statedPropagatorOf = memoByGraph((g: CompactGraph) => new Propagator(g, true));
