/**
 * Mapping gaps (DESIGN §2): an item with neither sources nor requirements is a leaf whose supply
 * is unknown. The engine treats it as available, which is why it must be reported: a product with
 * no SPOF because every part is mapped twice is robust; one with no SPOF because nothing below it
 * is mapped is merely unknown. `coneCoverage` tells the two apart per product.
 */
import type { CompactGraph, GraphArrays } from "./compact";
import { isItem, PRODUCT, REQUIRES, SOURCED_FROM } from "./kind-codes";
import { scratchInt32 } from "./scratch";

/** True when item v has no sources and no requirements. */
export function isMappingGap(g: CompactGraph, v: number): boolean {
  if (!isItem(g.kind[v])) return false;
  const req = g.out[REQUIRES]!.offsets;
  const src = g.out[SOURCED_FROM]!.offsets;
  return req[v + 1] === req[v] && src[v + 1] === src[v];
}

/** Every mapping gap, by id. */
export function mappingGaps(g: CompactGraph): string[] {
  const out: string[] = [];
  for (let v = 0; v < g.nodeCount; v++) if (isMappingGap(g, v)) out.push(g.ids[v]!);
  return out.sort();
}

export interface ConeCoverage {
  /** Items below the product (itself included). */
  readonly items: number;
  /** Items below the product whose supply is unknown (mapping gaps), by id. */
  readonly gaps: readonly string[];
}

/** Items and mapping gaps in the cone of `root` (everything it depends on, transitively). */
export function coneCoverage(g: CompactGraph, root: number, stamp: Int32Array, epoch: number): ConeCoverage {
  const gapNodes: number[] = [];
  const items = walkCone(g, root, stamp, epoch, gapNodes);
  return { items, gaps: gapNodes.map((v) => g.ids[v]!).sort() };
}

/**
 * Per product, in node order: its cone's item count at [2i] and mapping-gap count at [2i + 1].
 * Reads only typed arrays, so it can run on a worker thread.
 */
export function productCoverage(g: GraphArrays): Int32Array {
  const n = g.nodeCount;
  let products = 0;
  for (let v = 0; v < n; v++) if (g.kind[v] === PRODUCT) products++;
  const counts = new Int32Array(2 * products);
  const stamp = scratchInt32("gaps.coverageStamp", n, true);
  const gapNodes: number[] = [];
  for (let v = 0, i = 0; v < n; v++) {
    if (g.kind[v] !== PRODUCT) continue;
    gapNodes.length = 0;
    counts[2 * i] = walkCone(g, v, stamp, i + 1, gapNodes);
    counts[2 * i + 1] = gapNodes.length;
    i++;
  }
  return counts;
}

/** Breadth-first over REQUIRES from `root`, marking with `epoch` in `stamp`; appends the mapping
 *  gaps met to `gapNodes` and returns the number of items met (root included). */
function walkCone(g: GraphArrays, root: number, stamp: Int32Array, epoch: number, gapNodes: number[]): number {
  // A typed queue: the report walks the cone of every product.
  const queue = scratchInt32("gaps.coneQueue", g.nodeCount);
  queue[0] = root;
  stamp[root] = epoch;
  let tail = 1;
  // Only REQUIRES leads to further items; sources are suppliers and regions.
  const { offsets, targets } = g.out[REQUIRES]!;
  const src = g.out[SOURCED_FROM]!.offsets;
  for (let head = 0; head < tail; head++) {
    const u = queue[head];
    const a = offsets[u];
    const b = offsets[u + 1];
    if (a === b && src[u + 1] === src[u] && isItem(g.kind[u])) gapNodes.push(u);
    for (let s = a; s < b; s++) {
      const t = targets[s];
      if (stamp[t] === epoch) continue;
      stamp[t] = epoch;
      queue[tail++] = t;
    }
  }
  return tail;
}
