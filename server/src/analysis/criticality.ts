/**
 * Criticality ranking: for every node, the products for which it is a SPOF (DESIGN §2), counted
 * and weighted by the products' `annualValue`. The counts come from the SPOF walks of all
 * products (spofs.ts), so this is a sort, not another graph pass.
 *
 * Order: when any product has an `annualValue`, by value at risk (descending), then by count;
 * otherwise by count. Ties keep snapshot order (by id for store snapshots), so the ranking is
 * stable and the sort compares numbers only.
 */
import type { NodeKind } from "@chokepoint/graph-schema";
import type { CompactGraph } from "./compact";
import { KIND_NAMES } from "./kind-codes";
import { scratchInt32, scratchUint32 } from "./scratch";
import type { AllSpofs } from "./spofs";

export interface CriticalityEntry {
  readonly id: string;
  readonly kind: NodeKind;
  /** Products for which this node is a SPOF, in snapshot order (by id for a store snapshot). */
  readonly products: readonly string[];
  readonly count: number;
  /** Sum of those products' annualValue (products without one add nothing). */
  readonly value: number;
  /** How many of these verdicts rest on a non-stated edge. */
  readonly inferredCount: number;
}

export interface CriticalityRanking {
  /** True when some product has an annualValue, so the ranking is by value. */
  readonly weighted: boolean;
  readonly entries: readonly CriticalityEntry[];
}

/** True when some product has an `annualValue` (criticality is then weighted by value). */
export function valueWeighted(g: CompactGraph, all: AllSpofs): boolean {
  for (let i = 0; i < all.products.length; i++) if (!Number.isNaN(g.annualValue.get(all.products[i]))) return true;
  return false;
}

/** Node indices with count > 0, ranked. */
export function rankCritical(g: CompactGraph, all: AllSpofs): { weighted: boolean; nodes: Int32Array } {
  const weighted = valueWeighted(g, all);
  const nodes = new Int32Array(countPositive(all.count));
  listPositive(all.count, nodes);
  return { weighted, nodes: sortRanked(nodes, all.count, weighted ? all.value : undefined) };
}

/** How many entries are > 0. The loops of this file are functions of their own: a loop inside a
 *  larger function was compiled mid-loop and discarded after it, on every call (see csr.ts). */
function countPositive(count: Int32Array): number {
  let size = 0;
  for (let v = 0; v < count.length; v++) if (count[v] > 0) size++;
  return size;
}

/** The indices of the entries > 0, ascending, into `nodes`. */
function listPositive(count: Int32Array, nodes: Int32Array): void {
  let size = 0;
  for (let v = 0; v < count.length; v++) if (count[v] > 0) nodes[size++] = v;
}

/**
 * Sorts node indices (given ascending) by value (descending, when given), then count
 * (descending), then index, with stable linear-time passes instead of a comparison sort: a
 * counting sort by count, then a least-significant-digit radix sort on the bits of the value
 * (the IEEE 754 pattern, mapped so that unsigned order is numeric order).
 * At 10^6 nodes this is a few passes over the array, where a comparator sort costs a third of a
 * second.
 */
const DIGIT = 0x7ff;

function sortRanked(nodes: Int32Array, count: Int32Array, value: Float64Array | undefined): Int32Array {
  const len = nodes.length;
  const ranked = new Int32Array(len);
  byCountDescending(nodes, count, ranked);
  if (value === undefined) return ranked;

  let order: Int32Array = ranked;
  let hi: Uint32Array = scratchUint32("criticality.hi", len);
  let lo: Uint32Array = scratchUint32("criticality.lo", len);
  valueKeys(order, value, hi, lo);
  let nextOrder: Int32Array = scratchInt32("criticality.order", len);
  let nextHi: Uint32Array = scratchUint32("criticality.hi2", len);
  let nextLo: Uint32Array = scratchUint32("criticality.lo2", len);
  // Six 11-bit digits, least significant first: small histograms keep short lists cheap too.
  const histogram = new Int32Array(DIGIT + 2);
  for (let pass = 0; pass < 6; pass++) {
    const word = pass < 3 ? lo : hi;
    const shift = (pass % 3) * 11;
    histogram.fill(0);
    countDigits(word, shift, histogram);
    if (histogram.includes(len)) continue; // every key has the same digit: nothing moves
    runningSum(histogram);
    placeByDigit(word, shift, histogram, order, hi, lo, nextOrder, nextHi, nextLo);
    [order, nextOrder] = [nextOrder, order];
    [hi, nextHi] = [nextHi, hi];
    [lo, nextLo] = [nextLo, lo];
  }
  if (order !== ranked) ranked.set(order); // the last pass wrote into the scratch buffer
  return ranked;
}

/** `nodes` into `ranked` by count, descending (a stable counting sort). */
function byCountDescending(nodes: Int32Array, count: Int32Array, ranked: Int32Array): void {
  const maxCount = maxCountOf(nodes, count);
  // Bucket maxCount - count.
  const buckets = new Int32Array(maxCount + 2);
  countBuckets(nodes, count, maxCount, buckets);
  runningSum(buckets);
  placeByCount(nodes, count, maxCount, buckets, ranked);
}

function maxCountOf(nodes: Int32Array, count: Int32Array): number {
  let maxCount = 0;
  for (let i = 0; i < nodes.length; i++) if (count[nodes[i]] > maxCount) maxCount = count[nodes[i]];
  return maxCount;
}

function countBuckets(nodes: Int32Array, count: Int32Array, maxCount: number, buckets: Int32Array): void {
  for (let i = 0; i < nodes.length; i++) buckets[maxCount - count[nodes[i]] + 1]++;
}

function placeByCount(nodes: Int32Array, count: Int32Array, maxCount: number, buckets: Int32Array, ranked: Int32Array): void {
  for (let i = 0; i < nodes.length; i++) ranked[buckets[maxCount - count[nodes[i]]]++] = nodes[i];
}

/** Keys of the values of `order`, descending: the order-preserving map of the bit pattern,
 *  inverted, as high and low words. */
function valueKeys(order: Int32Array, value: Float64Array, hi: Uint32Array, lo: Uint32Array): void {
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  for (let i = 0; i < order.length; i++) {
    bits[0] = value[order[i]] + 0; // -0 → +0, so equal values get equal keys
    let h = words[little ? 1 : 0];
    let l = words[little ? 0 : 1];
    if ((h & 0x80000000) !== 0) {
      h = ~h;
      l = ~l;
    } else h |= 0x80000000;
    hi[i] = ~h >>> 0;
    lo[i] = ~l >>> 0;
  }
}

function countDigits(word: Uint32Array, shift: number, histogram: Int32Array): void {
  for (let i = 0; i < word.length; i++) histogram[((word[i] >>> shift) & DIGIT) + 1]++;
}

/** One stable radix pass: entries placed by their digit, keys moving along. */
function placeByDigit(
  word: Uint32Array,
  shift: number,
  histogram: Int32Array,
  order: Int32Array,
  hi: Uint32Array,
  lo: Uint32Array,
  nextOrder: Int32Array,
  nextHi: Uint32Array,
  nextLo: Uint32Array,
): void {
  for (let i = 0; i < word.length; i++) {
    const at = histogram[(word[i] >>> shift) & DIGIT]++;
    nextOrder[at] = order[i];
    nextHi[at] = hi[i];
    nextLo[at] = lo[i];
  }
}

/** Running sums, in place. */
function runningSum(a: Int32Array): void {
  for (let i = 1; i < a.length; i++) a[i] += a[i - 1];
}

/** The ranking with, per ranked node, its products (product node indices, in snapshot order). */
export interface CriticalIndex {
  readonly weighted: boolean;
  readonly nodes: Int32Array;
  /** Products of nodes[i]: `products[offsets[i] .. offsets[i+1])`. */
  readonly offsets: Int32Array;
  readonly products: Int32Array;
}

/** Inverts the per-product SPOF lists once, into typed arrays (no per-node lists of strings). */
export function criticalIndex(g: CompactGraph, all: AllSpofs): CriticalIndex {
  const { weighted, nodes } = rankCritical(g, all);
  const position = scratchInt32("criticality.position", g.nodeCount).fill(-1);
  const offsets = new Int32Array(nodes.length + 1);
  for (let i = 0; i < nodes.length; i++) {
    position[nodes[i]] = i;
    offsets[i + 1] = offsets[i] + all.count[nodes[i]];
  }
  const products = new Int32Array(offsets[nodes.length]);
  const fill = offsets.slice(0, nodes.length);
  for (let p = 0; p < all.products.length; p++) {
    for (let j = all.offsets[p]; j < all.offsets[p + 1]; j++) products[fill[position[all.node[j]]]++] = all.products[p];
  }
  return { weighted, nodes, offsets, products };
}

/** Entry i of the ranking, with ids. */
export function criticalityEntry(g: CompactGraph, all: AllSpofs, index: CriticalIndex, i: number): CriticalityEntry {
  const v = index.nodes[i];
  return {
    id: g.ids[v]!,
    kind: KIND_NAMES[g.kind[v]]!,
    products: Array.from(index.products.subarray(index.offsets[i], index.offsets[i + 1]), (p) => g.ids[p]!),
    count: all.count[v],
    value: all.value[v],
    inferredCount: all.inferredCount[v],
  };
}

/** The ranking with product lists; `limit` keeps the top entries only. */
export function criticalityRanking(g: CompactGraph, all: AllSpofs, limit = Infinity): CriticalityRanking {
  const index = criticalIndex(g, all);
  const count = Math.min(index.nodes.length, limit);
  return { weighted: index.weighted, entries: Array.from({ length: count }, (_, i) => criticalityEntry(g, all, index, i)) };
}

/** Criticality of one node (products in snapshot order). */
export function criticalityOf(g: CompactGraph, all: AllSpofs, v: number): CriticalityEntry {
  const products: string[] = [];
  for (let p = 0; p < all.products.length; p++) {
    for (let j = all.offsets[p]; j < all.offsets[p + 1]; j++) if (all.node[j] === v) products.push(g.ids[all.products[p]]!);
  }
  return { id: g.ids[v]!, kind: KIND_NAMES[g.kind[v]]!, products, count: all.count[v], value: all.value[v], inferredCount: all.inferredCount[v] };
}
