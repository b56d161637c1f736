/**
 * Source concentration of items (DESIGN §2):
 * - sole source: an item with exactly one source;
 * - single region: an item with several sources that all lie in one region, directly or through
 *   WITHIN — exactly the regions in ⋂ D(sources), which dominance.ts already computed as the
 *   item's source generators (so "two independent suppliers in one flooded province" is caught
 *   however deep the hierarchy);
 * - HHI (Herfindahl–Hirschman index) over the regions the sources are located in: Σ share².
 *   Shares are the SOURCED_FROM `share` values where known; sources without one split what is
 *   left equally (or, if the known shares already sum to 1 or more, get nothing); the result is
 *   normalised to 1. A supplier in several regions splits its share equally between them; a
 *   supplier with no region is its own bucket ("unlocated"), and a Region source is its own region.
 */
import { longLivedFloat64, longLivedUint8, type NodeKind } from "@chokepoint/graph-schema";
import type { CompactGraph } from "./compact";
import { isItem, KIND_NAMES, LOCATED_IN, REGION, SOURCED_FROM } from "./kind-codes";
import { scratchInt32 } from "./scratch";
import type { Dominance } from "./dominance";
import { END, SOURCES_END, START } from "./dominance-info";
import { topRanked } from "./top-ranked";

export interface SoleSourceEntry {
  readonly id: string;
  readonly kind: NodeKind;
  readonly source: string;
  /** Whether the SOURCED_FROM edge is stated. */
  readonly stated: boolean;
}

export interface SingleRegionEntry {
  readonly id: string;
  readonly kind: NodeKind;
  readonly sources: readonly string[];
  /** Every region that all the sources lie in, most specific first. */
  readonly regions: readonly string[];
  /** True when the most specific region's verdict rests on a non-stated edge. */
  readonly inferred: boolean;
}

export interface RegionShare {
  /** Region id, or null for a supplier with no known region. */
  readonly region: string | null;
  /** For unlocated buckets: the supplier. */
  readonly supplier?: string;
  readonly share: number;
}

export interface ConcentrationEntry {
  readonly id: string;
  readonly kind: NodeKind;
  readonly hhi: number;
  readonly sourceCount: number;
  /** True when every source edge carries a `share`. */
  readonly sharesKnown: boolean;
  /** Region shares, largest first. */
  readonly regions: readonly RegionShare[];
}

export function soleSourceItems(g: CompactGraph): SoleSourceEntry[] {
  const src = g.out[SOURCED_FROM]!;
  const out: SoleSourceEntry[] = [];
  for (let v = 0; v < g.nodeCount; v++) {
    if (!isItem(g.kind[v]) || src.offsets[v + 1] - src.offsets[v] !== 1) continue;
    const s = src.offsets[v];
    out.push({ id: g.ids[v]!, kind: KIND_NAMES[g.kind[v]]!, source: g.ids[src.targets[s]]!, stated: g.stated[src.edges[s]] === 1 });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Regions shared by all sources of item v (v needs ≥ 2 sources), most specific first. */
export function commonRegions(g: CompactGraph, dom: Dominance, v: number, stamp: Int32Array, epoch: number): number[] {
  const regions: number[] = [];
  const queue: number[] = [];
  for (let j = dom.info[4 * v + START]; j < dom.info[4 * v + SOURCES_END]; j++) {
    const x = dom.gens[j];
    if (stamp[x] === epoch) continue;
    stamp[x] = epoch;
    queue.push(x);
  }
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    if (g.kind[u] === REGION) regions.push(u);
    for (let j = dom.info[4 * u + START]; j < dom.info[4 * u + END]; j++) {
      const x = dom.gens[j];
      if (stamp[x] === epoch) continue;
      stamp[x] = epoch;
      queue.push(x);
    }
  }
  return regions.sort((a, b) => g.rank[b] - g.rank[a]);
}

/** 1 for items with ≥ 2 sources that all lie in one region. */
export function singleRegionFlags(g: CompactGraph, dom: Dominance): Uint8Array {
  const src = g.out[SOURCED_FROM]!;
  const flags = longLivedUint8(g.nodeCount);
  const stamp = scratchInt32("concentration.flagStamp", g.nodeCount, true);
  let epoch = 0;
  for (let v = 0; v < g.nodeCount; v++) {
    if (isItem(g.kind[v]) && src.offsets[v + 1] - src.offsets[v] >= 2 && commonRegions(g, dom, v, stamp, ++epoch).length > 0) flags[v] = 1;
  }
  return flags;
}

/**
 * The single-region items with their sources and shared regions, by id. `stated` (the stated-only
 * dominance, when some edge is not stated) tells whether the most specific shared region also
 * follows from stated edges alone.
 */
export function singleRegionItems(g: CompactGraph, dom: Dominance, flags: Uint8Array, stated: Dominance | undefined): SingleRegionEntry[] {
  const src = g.out[SOURCED_FROM]!;
  const stamp = scratchInt32("concentration.itemStamp", g.nodeCount, true);
  let epoch = 0;
  const out: SingleRegionEntry[] = [];
  for (let v = 0; v < g.nodeCount; v++) {
    if (flags[v] === 0) continue;
    const regions = commonRegions(g, dom, v, stamp, ++epoch);
    const inferred = stated !== undefined && !commonRegions(g, stated, v, stamp, ++epoch).includes(regions[0]!);
    out.push({
      id: g.ids[v]!,
      kind: KIND_NAMES[g.kind[v]]!,
      sources: Array.from(src.targets.subarray(src.offsets[v], src.offsets[v + 1]), (s) => g.ids[s]!),
      regions: regions.map((r) => g.ids[r]!),
      inferred,
    });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * The region buckets of one item's sources: `key[i]` is a region index, or a supplier index for an
 * unlocated supplier (told apart by its kind), with `share[i]`. Typed arrays reused from item to
 * item (grown when an item needs more): `hhiAll` fills them for every item of the graph, and
 * resetting JS arrays per item measured as much as the sums themselves.
 */
class RegionBuckets {
  key = new Int32Array(16);
  share = new Float64Array(16);
  count = 0;

  add(key: number, part: number): void {
    for (let i = 0; i < this.count; i++) {
      if (this.key[i] === key) {
        this.share[i] += part;
        return;
      }
    }
    if (this.count === this.key.length) {
      const key2 = new Int32Array(2 * this.count);
      const share2 = new Float64Array(2 * this.count);
      key2.set(this.key);
      share2.set(this.share);
      this.key = key2;
      this.share = share2;
    }
    this.key[this.count] = key;
    this.share[this.count++] = part;
  }
}

/** Fills `buckets` with the region buckets of item v's sources; returns their count (0 when v has
 *  no sources). */
function regionShares(g: CompactGraph, v: number, buckets: RegionBuckets): number {
  const src = g.out[SOURCED_FROM]!;
  const loc = g.out[LOCATED_IN]!;
  const shares = g.shares;
  const a = src.offsets[v];
  const b = src.offsets[v + 1];
  buckets.count = 0;
  if (!isItem(g.kind[v]) || b === a) return 0;
  let known = 0;
  let unknown = 0;
  if (shares.size > 0) {
    for (let s = a; s < b; s++) {
      const x = shares.get(src.edges[s]);
      if (x === undefined) unknown++;
      else known += x;
    }
  } else unknown = b - a;
  const rest = unknown > 0 ? Math.max(0, 1 - known) / unknown : 0;
  const total = known + rest * unknown;
  for (let s = a; s < b; s++) {
    const x = total > 0 ? ((shares.size > 0 ? shares.get(src.edges[s]) : undefined) ?? rest) / total : 1 / (b - a);
    const t = src.targets[s];
    const la = loc.offsets[t];
    const lb = loc.offsets[t + 1];
    // A region source, or a supplier with no region, is its own bucket; otherwise split over regions.
    if (g.kind[t] === REGION || lb === la) buckets.add(t, x);
    else for (let l = la; l < lb; l++) buckets.add(loc.targets[l], x / (lb - la));
  }
  return buckets.count;
}

/** HHI of every item with sources (NaN for other nodes), numbers only. */
export function hhiAll(g: CompactGraph): Float64Array {
  const hhi = longLivedFloat64(g.nodeCount).fill(NaN);
  const buckets = new RegionBuckets();
  for (let v = 0; v < g.nodeCount; v++) {
    const k = regionShares(g, v, buckets);
    if (k === 0) continue;
    let h = 0;
    for (let i = 0; i < k; i++) h += buckets.share[i] * buckets.share[i];
    hhi[v] = h;
  }
  return hhi;
}

/** HHI of item v with its region shares, or undefined when it has no sources. */
export function concentrationOf(g: CompactGraph, v: number): ConcentrationEntry | undefined {
  const buckets = new RegionBuckets();
  const k = regionShares(g, v, buckets);
  if (k === 0) return undefined;
  const src = g.out[SOURCED_FROM]!;
  let sharesKnown = true;
  for (let s = src.offsets[v]; s < src.offsets[v + 1]; s++) if (!g.shares.has(src.edges[s])) sharesKnown = false;
  const regions = Array.from(buckets.key.subarray(0, k), (b, i): RegionShare =>
    g.kind[b] === REGION ? { region: g.ids[b]!, share: buckets.share[i] } : { region: null, supplier: g.ids[b]!, share: buckets.share[i] },
  );
  regions.sort((x, y) => y.share - x.share || String(x.region ?? x.supplier).localeCompare(String(y.region ?? y.supplier)));
  let hhi = 0;
  for (const r of regions) hhi += r.share * r.share;
  return { id: g.ids[v]!, kind: KIND_NAMES[g.kind[v]]!, hhi, sourceCount: src.offsets[v + 1] - src.offsets[v], sharesKnown, regions };
}

/** The most concentrated items (HHI descending, ties in snapshot order), at most `limit`. */
export function concentration(g: CompactGraph, hhi: Float64Array, limit = Infinity): ConcentrationEntry[] {
  return topRanked(g.nodeCount, hhi, limit, (v) => hhi[v] === hhi[v]).map((v) => concentrationOf(g, v)!);
}
