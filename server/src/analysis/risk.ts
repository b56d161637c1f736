/**
 * Risk score per node: a weighted sum of explainable terms, each in [0, 1], clamped to [0, 1].
 * Every score comes with its breakdown (term, value, weight, contribution); the UI shows the
 * breakdown, never a bare number. Weights and the meaning of each term are documented in
 * the README ("Risk score"); change them there and here together.
 */
import { FLAG_BITS, longLivedFloat64, longLivedInt32, type NodeKind } from "@chokepoint/graph-schema";
import type { CompactGraph } from "./compact";
import { isItem, KIND_NAMES, SOURCED_FROM } from "./kind-codes";
import { valueWeighted } from "./criticality";
import { isMappingGap } from "./gaps";
import type { AllSpofs } from "./spofs";
import { topRanked } from "./top-ranked";

export type RiskTermName =
  | "criticality"
  | "soleSource"
  | "singleRegion"
  | "concentration"
  | "policyBottleneck"
  | "importDependent"
  | "unknownSupply"
  | "unstatedShare"
  | "domesticBreakthrough";

/** The weights, in the order terms are reported. Positive weights sum to 1. */
export const RISK_WEIGHTS: Readonly<Record<RiskTermName, number>> = {
  criticality: 0.35,
  soleSource: 0.15,
  singleRegion: 0.1,
  concentration: 0.1,
  policyBottleneck: 0.1,
  importDependent: 0.1,
  unknownSupply: 0.05,
  unstatedShare: 0.05,
  domesticBreakthrough: -0.1,
};
const TERMS = Object.keys(RISK_WEIGHTS) as RiskTermName[];

// The flag bits as constants of this module: the per-node loop below would otherwise read them
// through the package's export getters, a function call per read.
const POLICY_BOTTLENECK = FLAG_BITS.POLICY_BOTTLENECK;
const IMPORT_DEPENDENT = FLAG_BITS.IMPORT_DEPENDENT;
const DOMESTIC_BREAKTHROUGH = FLAG_BITS.DOMESTIC_BREAKTHROUGH;

export interface RiskTerm {
  readonly name: RiskTermName;
  readonly value: number;
  readonly weight: number;
  readonly contribution: number;
  readonly detail: string;
}

export interface RiskScore {
  readonly id: string;
  readonly kind: NodeKind;
  /** In [0, 1]. */
  readonly score: number;
  readonly terms: readonly RiskTerm[];
}

/** Per-node inputs of the score, computed once per graph. */
export interface RiskInputs {
  readonly weighted: boolean;
  readonly maxCount: number;
  readonly maxValue: number;
  readonly sourceCount: Int32Array;
  readonly singleRegion: Uint8Array;
  /** NaN for nodes without sources. */
  readonly hhi: Float64Array;
  readonly unstatedShare: Float64Array;
  readonly scores: Float64Array;
}

export function riskInputs(g: CompactGraph, all: AllSpofs, hhi: Float64Array, singleRegion: Uint8Array): RiskInputs {
  const n = g.nodeCount;
  const weighted = valueWeighted(g, all);
  let maxCount = 0;
  let maxValue = 0;
  for (let v = 0; v < n; v++) {
    if (all.count[v] > maxCount) maxCount = all.count[v];
    if (all.value[v] > maxValue) maxValue = all.value[v];
  }
  const sourceCount = longLivedInt32(n);
  const srcOffsets = g.out[SOURCED_FROM]!.offsets;
  for (let v = 0; v < n; v++) sourceCount[v] = srcOffsets[v + 1] - srcOffsets[v];
  const unstatedShare = longLivedFloat64(n);
  if (g.anyUnstated) unstatedShares(g, unstatedShare);
  const inputs = { weighted, maxCount, maxValue, sourceCount, singleRegion, hhi, unstatedShare, scores: longLivedFloat64(n) };
  // The same sum as `termValues`, inlined: this runs for every node of the graph.
  const w = RISK_WEIGHTS;
  const critScale = weighted ? (maxValue > 0 ? 1 / maxValue : 0) : maxCount > 0 ? 1 / maxCount : 0;
  for (let v = 0; v < n; v++) {
    const flags = g.flags[v];
    const h = hhi[v];
    let score = (weighted ? all.value[v] : all.count[v]) * critScale * w.criticality;
    if (isItem(g.kind[v]) && sourceCount[v] === 1) score += w.soleSource;
    score += singleRegion[v] * w.singleRegion;
    if (h === h) score += h * w.concentration;
    if (flags & POLICY_BOTTLENECK) score += w.policyBottleneck;
    if (flags & IMPORT_DEPENDENT) score += w.importDependent;
    if (isMappingGap(g, v)) score += w.unknownSupply;
    score += unstatedShare[v] * w.unstatedShare;
    if (flags & DOMESTIC_BREAKTHROUGH) score += w.domesticBreakthrough;
    inputs.scores[v] = Math.min(1, Math.max(0, score));
  }
  return inputs;
}

/**
 * Per node, the share of its out-edges that are not stated. One kind at a time, each CSR read in
 * order (counts first, then the share over the out-degree), rather than four lists per node.
 */
function unstatedShares(g: CompactGraph, share: Float64Array): void {
  const n = g.nodeCount;
  const stated = g.stated;
  // share[v] counts v's non-stated out-edges first, kind by kind.
  for (const { offsets, edges } of g.out) {
    for (let v = 0; v < n; v++) {
      let unstated = 0;
      for (let s = offsets[v]; s < offsets[v + 1]; s++) if (stated[edges[s]] === 0) unstated++;
      share[v] += unstated;
    }
  }
  const [o0, o1, o2, o3] = g.out.map((csr) => csr.offsets);
  for (let v = 0; v < n; v++) {
    const total = o0[v + 1] - o0[v] + o1[v + 1] - o1[v] + o2[v + 1] - o2[v] + o3[v + 1] - o3[v];
    share[v] = total === 0 ? 0 : share[v] / total;
  }
}

function termValues(g: CompactGraph, all: AllSpofs, r: Omit<RiskInputs, "scores">, v: number): Record<RiskTermName, number> {
  const crit = r.weighted ? (r.maxValue > 0 ? all.value[v] / r.maxValue : 0) : r.maxCount > 0 ? all.count[v] / r.maxCount : 0;
  const flags = g.flags[v];
  const h = r.hhi[v];
  return {
    criticality: crit,
    soleSource: isItem(g.kind[v]) && r.sourceCount[v] === 1 ? 1 : 0,
    singleRegion: r.singleRegion[v],
    concentration: h === h ? h : 0,
    policyBottleneck: flags & POLICY_BOTTLENECK ? 1 : 0,
    importDependent: flags & IMPORT_DEPENDENT ? 1 : 0,
    unknownSupply: isMappingGap(g, v) ? 1 : 0,
    unstatedShare: r.unstatedShare[v],
    domesticBreakthrough: flags & DOMESTIC_BREAKTHROUGH ? 1 : 0,
  };
}

export function riskBreakdown(g: CompactGraph, all: AllSpofs, inputs: RiskInputs, v: number): RiskScore {
  const r = inputs;
  const values = termValues(g, all, r, v);
  const count = all.count[v];
  const item = isItem(g.kind[v]);
  const h = r.hhi[v];
  const details: Record<RiskTermName, string> = {
    criticality: r.weighted
      ? `SPOF of ${count} product(s) worth ${all.value[v]} of annual value; the most exposed node carries ${r.maxValue}`
      : `SPOF of ${count} product(s); the most critical node is a SPOF of ${r.maxCount}`,
    soleSource: values.soleSource ? "exactly one source" : item ? `${r.sourceCount[v]} source(s)` : "not an item",
    singleRegion: values.singleRegion ? "several sources, all in one region" : "sources not confined to one region (or fewer than two)",
    concentration: h === h ? `HHI over source regions ${round(h)}` : "no sources",
    policyBottleneck: values.policyBottleneck ? "named as a bottleneck (攻关/短板/卡脖子)" : "not flagged",
    importDependent: values.importDependent ? "flagged as import dependent" : "not flagged",
    unknownSupply: values.unknownSupply ? "no sources and no requirements mapped: supply unknown" : "mapped",
    unstatedShare: `${round(values.unstatedShare * 100)}% of its dependency edges are not stated`,
    domesticBreakthrough: values.domesticBreakthrough ? "domestic breakthrough reported (mitigation)" : "not flagged",
  };
  const terms = TERMS.map((name): RiskTerm => ({
    name,
    value: round(values[name]),
    weight: RISK_WEIGHTS[name],
    contribution: round(values[name] * RISK_WEIGHTS[name]),
    detail: details[name],
  }));
  return { id: g.ids[v]!, kind: KIND_NAMES[g.kind[v]]!, score: round(inputs.scores[v]), terms };
}

/** Node indices by descending score (ties in snapshot order), first `limit`, score > 0. */
export function topRisk(g: CompactGraph, inputs: RiskInputs, limit: number): number[] {
  const { scores } = inputs;
  return topRanked(g.nodeCount, scores, limit, (v) => scores[v] > 0);
}

export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
