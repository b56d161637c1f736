/**
 * SPOFs of products: D(P) \ {P}, enumerated by a breadth-first walk over P's generators (see
 * dominance.ts). The walk also records, for every SPOF x, the SPOF (or P) it was reached from and
 * the generator slot used: path(P, x) = path(P, after(x)) + the proof segment of that slot
 * (proof.ts). Criticality (how many products, and how much annual value, each node is a SPOF of)
 * is summed during the same walks.
 *
 * The `inferred` flag of a verdict: x is a SPOF of P, but not in the stated-only D(P), i.e. no
 * derivation of "x disables P" uses only `stated` edges.
 */
import { longLivedSlice, longLivedFloat64, longLivedInt32, longLivedUint8 } from "@chokepoint/graph-schema";
import type { CompactGraph, NodeNumbers } from "./compact";
import { PRODUCT } from "./kind-codes";
import type { Dominance } from "./dominance";
import { END, START } from "./dominance-info";
import { scratchFloat64, scratchInt32 } from "./scratch";

/** SPOFs of one product, in walk order (nearest first). */
export interface ProductSpofs {
  readonly product: number;
  readonly node: Int32Array;
  /** The SPOF before this one on its proof path, or the product itself. */
  readonly after: Int32Array;
  /** Generator slot (in `Dominance.gens`) that links `after` to `node`. */
  readonly slot: Int32Array;
  readonly inferred: Uint8Array;
}

export interface AllSpofs {
  /** Product node indices, in node order. */
  readonly products: Int32Array;
  /** SPOFs of products[i] are entries `offsets[i] .. offsets[i+1])` of the arrays below. */
  readonly offsets: Int32Array;
  readonly node: Int32Array;
  readonly after: Int32Array;
  readonly slot: Int32Array;
  readonly inferred: Uint8Array;
  /** Per node: number of products it is a SPOF of. */
  readonly count: Int32Array;
  /** Per node: sum of `annualValue` over those products (products without one add nothing). */
  readonly value: Float64Array;
  /** Per node: how many of its SPOF verdicts rest on a non-stated edge. */
  readonly inferredCount: Int32Array;
}

/** Growable (node, after, slot) entries, as walks over generators record them. */
export class WalkEntries {
  node: Int32Array;
  after: Int32Array;
  slot: Int32Array;
  length = 0;

  /** `capacity` sizes the first buffers, taken from the scratch pool under `scratchName`. */
  constructor(capacity = 64, scratchName?: string) {
    const buffer = (part: string): Int32Array => (scratchName === undefined ? new Int32Array(capacity) : scratchInt32(`${scratchName}.${part}`, capacity));
    this.node = buffer("node");
    this.after = buffer("after");
    this.slot = buffer("slot");
  }

  /** Empties the entries, in scratch buffers of at least `capacity` (see `SPOF_ENTRIES`). */
  reuse(capacity: number, scratchName: string): void {
    this.node = scratchInt32(`${scratchName}.node`, capacity);
    this.after = scratchInt32(`${scratchName}.after`, capacity);
    this.slot = scratchInt32(`${scratchName}.slot`, capacity);
    this.length = 0;
  }

  push(x: number, u: number, j: number): void {
    const len = this.length;
    if (len === this.node.length) this.grow();
    this.node[len] = x;
    this.after[len] = u;
    this.slot[len] = j;
    this.length = len + 1;
  }

  private grow(): void {
    // Ordinary arrays: results are copied out of these at their exact size.
    const size = this.node.length * 2;
    const node = new Int32Array(size);
    node.set(this.node);
    const after = new Int32Array(size);
    after.set(this.after);
    const slot = new Int32Array(size);
    slot.set(this.slot);
    this.node = node;
    this.after = after;
    this.slot = slot;
  }
}

/** Breadth-first walk over generators with reusable marks; one instance per computation. */
export class GeneratorWalk extends WalkEntries {
  readonly stamp: Int32Array;
  epoch = 0;

  /** `stamp`, when given, must be zero-filled and of length nodeCount (e.g. a scratch buffer). */
  constructor(nodeCount: number, stamp: Int32Array = new Int32Array(nodeCount)) {
    super();
    this.stamp = stamp;
  }

  /** Walks D(root) \ {root} into `node/after/slot[0 .. length)`. */
  run(dom: Dominance, root: number): void {
    const { gens, info } = dom;
    const stamp = this.stamp;
    const ep = ++this.epoch;
    stamp[root] = ep;
    this.length = 0;
    let u = root;
    for (let head = 0; ; head++) {
      for (let j = info[4 * u + START]; j < info[4 * u + END]; j++) {
        const x = gens[j];
        if (stamp[x] === ep) continue;
        stamp[x] = ep;
        this.push(x, u, j);
      }
      if (head >= this.length) break;
      u = this.node[head];
    }
  }

  /** Marks D(root) (root included) with a fresh epoch, without recording anything. */
  mark(dom: Dominance, root: number): number {
    this.run(dom, root);
    return this.epoch;
  }
}

export function productSpofs(g: CompactGraph, dom: Dominance, stated: Dominance | undefined, product: number): ProductSpofs {
  const walk = new GeneratorWalk(g.nodeCount);
  walk.run(dom, product);
  const len = walk.length;
  const node = walk.node.slice(0, len);
  const inferred = new Uint8Array(len);
  if (stated !== undefined && g.anyUnstated) {
    const marks = new GeneratorWalk(g.nodeCount);
    const ep = marks.mark(stated, product);
    for (let i = 0; i < len; i++) if (marks.stamp[node[i]] !== ep) inferred[i] = 1;
  }
  return { product, node, after: walk.after.slice(0, len), slot: walk.slot.slice(0, len), inferred };
}

/**
 * The entries of `allSpofs`, one per thread, reused by every call: optimized code depends on the
 * hidden class of the objects it reads, and entries made per call took that class with them when
 * collected, so V8 discarded the compiled walks and the next call ran in the interpreter until
 * they were compiled again.
 */
const SPOF_ENTRIES = new WalkEntries();

/** SPOF sets and criticality counts of every product; `inferred` is filled by `markInferred`. */
export function allSpofs(g: CompactGraph, dom: Dominance): AllSpofs {
  const n = g.nodeCount;
  const productCount = countKind(g.kind, PRODUCT);
  const products = longLivedInt32(productCount);
  const offsets = longLivedInt32(productCount + 1);
  // One walk per product appends its SPOFs to the same buffers: scratch buffers (most SPOFs are
  // shared generators, so the total rarely exceeds the generator count), copied out at their
  // exact size below. At 10^6 nodes every fresh megabyte brings the next full collection closer.
  const entries = SPOF_ENTRIES;
  entries.reuse(Math.max(1024, dom.gens.length), "spofs");
  // Per node, [walk stamp, products, annual value, unused] side by side: the walk marks a SPOF and
  // tallies it in the same cache line (three separate arrays cost three random reads per verdict).
  const tally = scratchFloat64("spofs.tally", 4 * n, true);
  walkProducts(g.kind, g.annualValue, dom.gens, dom.info, products, offsets, entries, tally);
  const total = entries.length;
  const count = longLivedInt32(n);
  const value = longLivedFloat64(n);
  splitTally(tally, count, value);
  const result: AllSpofs = {
    products,
    offsets,
    node: longLivedSlice(entries.node, 0, total),
    after: longLivedSlice(entries.after, 0, total),
    slot: longLivedSlice(entries.slot, 0, total),
    inferred: longLivedUint8(total),
    count,
    value,
    inferredCount: longLivedInt32(n),
  };
  entries.reuse(0, "spofs"); // lets go of grown buffers
  return result;
}

/** How many nodes are of kind `k`. Each loop of `allSpofs` is a function of its own: a loop inside
 *  a larger function was compiled mid-loop and discarded after it, on every call (see csr.ts). */
function countKind(kind: Uint8Array, k: number): number {
  let count = 0;
  for (let v = 0; v < kind.length; v++) if (kind[v] === k) count++;
  return count;
}

/** The walks of `allSpofs`: each product's SPOFs appended to `entries`, tallied in `tally`. */
function walkProducts(
  kind: Uint8Array,
  annualValue: NodeNumbers,
  gens: Int32Array,
  info: Int32Array,
  products: Int32Array,
  offsets: Int32Array,
  entries: WalkEntries,
  tally: Float64Array,
): void {
  let p = 0;
  for (let v = 0; v < kind.length; v++) {
    if (kind[v] !== PRODUCT) continue;
    products[p] = v;
    offsets[p++] = entries.length;
    const ep = p; // a fresh stamp per product (stamps start at zero)
    const w = annualValue.get(v);
    const weight = w === w ? w : 0; // NaN: no value
    tally[4 * v] = ep;
    let u = v;
    for (let head = entries.length; ; head++) {
      for (let j = info[4 * u + START]; j < info[4 * u + END]; j++) {
        const x = gens[j];
        const t = 4 * x;
        if (tally[t] === ep) continue;
        tally[t] = ep;
        tally[t + 1] += 1;
        tally[t + 2] += weight;
        entries.push(x, u, j);
      }
      if (head >= entries.length) break;
      u = entries.node[head];
    }
  }
  offsets[p] = entries.length;
}

/** Per node, the product count and annual value out of `tally`. */
function splitTally(tally: Float64Array, count: Int32Array, value: Float64Array): void {
  for (let x = 0; x < count.length; x++) {
    count[x] = tally[4 * x + 1];
    value[x] = tally[4 * x + 2];
  }
}

/**
 * Fills `inferred` and `inferredCount` of a fresh `allSpofs` result from the stated-only
 * dominance: a verdict is inferred when x is not in the product's stated-only D.
 */
export function markInferred(g: CompactGraph, stated: Dominance, all: AllSpofs): AllSpofs {
  if (!g.anyUnstated) return all;
  const marks = new GeneratorWalk(g.nodeCount, scratchInt32("spofs.inferredStamp", g.nodeCount, true));
  for (let i = 0; i < all.products.length; i++) {
    const ep = marks.mark(stated, all.products[i]);
    for (let j = all.offsets[i]; j < all.offsets[i + 1]; j++) {
      const x = all.node[j];
      if (marks.stamp[x] !== ep) {
        all.inferred[j] = 1;
        all.inferredCount[x]++;
      }
    }
  }
  return all;
}
