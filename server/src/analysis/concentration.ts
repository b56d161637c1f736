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
import type { NodeKind } from "@chokepoint/graph-schema";
import { isItem, KIND_NAMES, LOCATED_IN, REGION, SOURCED_FROM, type CompactGraph } from "./compact";
import type { Dominance } from "./dominance";

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
  for (let j = dom.start[v]; j < dom.sourcesEnd[v]; j++) {
    const x = dom.gens[j];
    if (stamp[x] === epoch) continue;
    stamp[x] = epoch;
    queue.push(x);
  }
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    if (g.kind[u] === REGION) regions.push(u);
    for (let j = dom.start[u]; j < dom.end[u]; j++) {
      const x = dom.gens[j];
      if (stamp[x] === epoch) continue;
      stamp[x] = epoch;
      queue.push(x);
    }
  }
  return regions.sort((a, b) => g.rank[b] - g.rank[a]);
}

export function singleRegionItems(g: CompactGraph, dom: Dominance): SingleRegionEntry[] {
  const src = g.out[SOURCED_FROM]!;
  const stamp = new Int32Array(g.nodeCount);
  let epoch = 0;
  const out: SingleRegionEntry[] = [];
  for (let v = 0; v < g.nodeCount; v++) {
    if (!isItem(g.kind[v]) || src.offsets[v + 1] - src.offsets[v] < 2) continue;
    const regions = commonRegions(g, dom, v, stamp, ++epoch);
    if (regions.length === 0) continue;
    out.push({
      id: g.ids[v]!,
      kind: KIND_NAMES[g.kind[v]]!,
      sources: Array.from(src.targets.subarray(src.offsets[v], src.offsets[v + 1]), (s) => g.ids[s]!),
      regions: regions.map((r) => g.ids[r]!),
    });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** HHI of item v, or undefined when it has no sources. */
export function concentrationOf(g: CompactGraph, v: number): ConcentrationEntry | undefined {
  const src = g.out[SOURCED_FROM]!;
  const loc = g.out[LOCATED_IN]!;
  const a = src.offsets[v];
  const b = src.offsets[v + 1];
  if (!isItem(g.kind[v]) || b === a) return undefined;
  let known = 0;
  let unknown = 0;
  for (let s = a; s < b; s++) {
    const share = g.edges[src.edges[s]]!.share;
    if (share === undefined) unknown++;
    else known += share;
  }
  const rest = unknown > 0 ? Math.max(0, 1 - known) / unknown : 0;
  const raw: number[] = [];
  let total = 0;
  for (let s = a; s < b; s++) {
    const share = g.edges[src.edges[s]]!.share ?? rest;
    raw.push(share);
    total += share;
  }
  const equal = total <= 0;
  const buckets = new Map<string, { region: string | null; supplier?: string; share: number }>();
  const add = (key: string, bucket: { region: string | null; supplier?: string }, share: number): void => {
    const prior = buckets.get(key);
    if (prior) prior.share += share;
    else buckets.set(key, { ...bucket, share });
  };
  for (let s = a; s < b; s++) {
    const share = equal ? 1 / (b - a) : raw[s - a]! / total;
    const t = src.targets[s];
    if (g.kind[t] === REGION) {
      add(`r:${g.ids[t]}`, { region: g.ids[t]! }, share);
      continue;
    }
    const la = loc.offsets[t];
    const lb = loc.offsets[t + 1];
    if (lb === la) add(`s:${g.ids[t]}`, { region: null, supplier: g.ids[t]! }, share);
    for (let l = la; l < lb; l++) add(`r:${g.ids[loc.targets[l]]}`, { region: g.ids[loc.targets[l]]! }, share / (lb - la));
  }
  const regions = [...buckets.values()].sort((x, y) => y.share - x.share || String(x.region ?? x.supplier).localeCompare(String(y.region ?? y.supplier)));
  let hhi = 0;
  for (const r of regions) hhi += r.share * r.share;
  return { id: g.ids[v]!, kind: KIND_NAMES[g.kind[v]]!, hhi, sourceCount: b - a, sharesKnown: unknown === 0, regions };
}

/** HHI for every item with sources, most concentrated first (ties by id). */
export function concentration(g: CompactGraph): ConcentrationEntry[] {
  const out: ConcentrationEntry[] = [];
  for (let v = 0; v < g.nodeCount; v++) {
    const e = concentrationOf(g, v);
    if (e !== undefined) out.push(e);
  }
  return out.sort((x, y) => y.hhi - x.hhi || (x.id < y.id ? -1 : 1));
}
