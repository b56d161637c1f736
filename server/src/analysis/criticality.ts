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
import { KIND_NAMES, type CompactGraph } from "./compact";
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
  let size = 0;
  for (let v = 0; v < g.nodeCount; v++) if (all.count[v] > 0) size++;
  const nodes = new Int32Array(size);
  size = 0;
  for (let v = 0; v < g.nodeCount; v++) if (all.count[v] > 0) nodes[size++] = v;
  return { weighted, nodes: sortRanked(nodes, all.count, weighted ? all.value : undefined, g.nodeCount) };
}

/**
 * Sorts node indices by value (descending, when given), then count (descending), then index.
 * Packs the three keys into one float per node so the engine's native numeric sort does the work
 * (a JS comparator over 10^5–10^6 entries costs far more); falls back to a comparator when the
 * packed key would not be exact.
 */
function sortRanked(nodes: Int32Array, count: Int32Array, value: Float64Array | undefined, n: number): Int32Array {
  let maxCount = 0;
  for (const v of nodes) if (count[v] > maxCount) maxCount = count[v];
  let levels = 1;
  let distinct: Float64Array | undefined;
  if (value !== undefined) {
    const sorted = Float64Array.from(nodes, (v) => -value[v]).sort();
    let k = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[k - 1]) sorted[k++] = sorted[i];
    distinct = sorted.subarray(0, k);
    levels = k;
  }
  if (levels * (maxCount + 1) * n >= Number.MAX_SAFE_INTEGER) {
    return nodes.sort((a, b) => (value !== undefined && value[a] !== value[b] ? value[b] - value[a] : count[b] - count[a] || a - b));
  }
  const keys = new Float64Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const v = nodes[i];
    let level = 0;
    if (distinct !== undefined) {
      // Position of -value[v] among the distinct negated values (binary search).
      let lo = 0;
      let hi = distinct.length - 1;
      const x = -value![v];
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (distinct[mid] < x) lo = mid + 1;
        else hi = mid;
      }
      level = lo;
    }
    keys[i] = (level * (maxCount + 1) + (maxCount - count[v])) * n + v;
  }
  keys.sort();
  for (let i = 0; i < keys.length; i++) nodes[i] = keys[i] % n;
  return nodes;
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
  const position = new Int32Array(g.nodeCount).fill(-1);
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
