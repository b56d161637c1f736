/**
 * The engine's public functions: each takes a compact graph and ids, runs the integer algorithms
 * and maps the answer back to ids. Documented in index.ts.
 */
import { ChokepointError, type NodeKind } from "@chokepoint/graph-schema";
import { articulationPoints as articulationIds } from "./articulation";
import { groupName, type CompactGraph } from "./compact";
import { KIND_NAMES } from "./kind-codes";
import { concentration as topConcentration, concentrationOf, singleRegionItems, soleSourceItems, type ConcentrationEntry, type SingleRegionEntry, type SoleSourceEntry } from "./concentration";
import { criticalityOf, criticalityRanking, type CriticalityEntry, type CriticalityRanking } from "./criticality";
import { DEFAULT_CUT_LIMIT, orderTwoCuts, PairExplainer } from "./cutsets";
import { allSpofsOf, articulationOf, dominanceOf, hhiOf, riskInputsOf, singleRegionOf, statedDominanceOf } from "./derived";
import { coneCoverage, mappingGaps as gapIds, type ConeCoverage } from "./gaps";
import { buildPaths, ProofBuilder } from "./proof";
import { propagatorOf, statedPropagatorOf } from "./propagate";
import { resolveIds, resolveProduct } from "./resolve";
import { riskBreakdown, topRisk, type RiskScore } from "./risk";
import { productSpofs } from "./spofs";
import { describePath, type Step } from "./steps";

export interface AvailabilityResult {
  readonly failed: readonly string[];
  /** Every unavailable node (the failed ones included), by id. */
  readonly unavailable: readonly string[];
}

/** Which nodes are unavailable when `failIds` fail (DESIGN §2). */
export function availability(g: CompactGraph, failIds: readonly string[], options: { statedOnly?: boolean } = {}): AvailabilityResult {
  const failed = resolveIds(g, failIds);
  const prop = options.statedOnly === true ? statedPropagatorOf(g) : propagatorOf(g);
  prop.run(failed);
  const unavailable = Array.from(prop.down.subarray(0, prop.downCount), (v) => g.ids[v]!).sort();
  return { failed: failed.map((v) => g.ids[v]!), unavailable };
}

export interface SpofVerdict {
  readonly id: string;
  readonly kind: NodeKind;
  /** Proof: product → … → this node, each step a reason (see `steps`). */
  readonly path: readonly string[];
  /** The reason of each step of `path` (without the elided jump of a truncated path). */
  readonly steps: readonly Step[];
  /** The previous SPOF on the proof path (or the product): path = path(after) + … + this node. */
  readonly after: string;
  /** True when no proof of this verdict uses only stated edges. */
  readonly inferred: boolean;
  /** Present when the path was shortened to [product, after, …, this node] (very deep proofs). */
  readonly pathTruncated?: true;
}

export interface ProductSpofResult {
  readonly product: string;
  /** SPOFs, nearest to the product first. */
  readonly spofs: readonly SpofVerdict[];
  /** True when any verdict rests on a non-stated edge. */
  readonly inferred: boolean;
  /** Items below the product and the mapping gaps among them ("no SPOF" means little when most are gaps). */
  readonly coverage: ConeCoverage;
}

/** Default bound on the ids in all proof paths of one answer (see `buildPaths`). */
export const DEFAULT_MAX_PATH_IDS = 1_000_000;

/** SPOFs of one product, each with a proof path and its reasons. */
export function spofs(g: CompactGraph, productId: string, options: { maxPathIds?: number } = {}): ProductSpofResult {
  const p = resolveProduct(g, productId);
  const dom = dominanceOf(g);
  const result = productSpofs(g, dom, g.anyUnstated ? statedDominanceOf(g) : undefined, p);
  const builder = new ProofBuilder(g, dom);
  const { paths, truncated } = buildPaths(builder, p, result, 0, result.node.length, { left: options.maxPathIds ?? DEFAULT_MAX_PATH_IDS });
  const verdicts = paths.map((path, i): SpofVerdict => {
    const x = result.node[i];
    const cut = truncated[i] === 1;
    return {
      id: g.ids[x]!,
      kind: KIND_NAMES[g.kind[x]]!,
      path: Array.from(path, (v) => g.ids[v]!),
      steps: describePath(g, cut ? path.subarray(1) : path),
      after: g.ids[result.after[i]]!,
      inferred: result.inferred[i] === 1,
      ...(cut && { pathTruncated: true as const }),
    };
  });
  return { product: g.ids[p]!, spofs: verdicts, inferred: result.inferred.includes(1), coverage: coneCoverage(g, p, new Int32Array(g.nodeCount), 1) };
}

export interface ProductSpofIds {
  readonly id: string;
  readonly spofs: readonly { readonly id: string; readonly kind: NodeKind; readonly inferred: boolean }[];
}

/** SPOF sets of every product, without proofs (use `spofs` or the analyze report for those). */
export function allSpofs(g: CompactGraph): ProductSpofIds[] {
  const all = allSpofsOf(g);
  return Array.from(all.products, (p, i) => {
    const list = [];
    for (let j = all.offsets[i]; j < all.offsets[i + 1]; j++) {
      const x = all.node[j];
      list.push({ id: g.ids[x]!, kind: KIND_NAMES[g.kind[x]]!, inferred: all.inferred[j] === 1 });
    }
    return { id: g.ids[p]!, spofs: list };
  });
}

export interface CutPair {
  /** The two nodes, in the order the search met them (nearer the product first). */
  readonly ids: readonly [string, string];
  readonly kinds: readonly [NodeKind, NodeKind];
  /** Where the two failures meet: the node whose group or sources they split between them. */
  readonly at: string;
  /** Product → … → `at`, through nodes that fall only when both fail. */
  readonly path: readonly string[];
  /** Which reason of `at` they split. */
  readonly rule: "sources" | "group";
  readonly group?: string;
  /** The members of that reason, and which of the pair takes each one down. */
  readonly members: readonly { readonly id: string; readonly disabledBy: readonly string[] }[];
  readonly inferred: boolean;
  readonly text: string;
}

export interface CutSetResult {
  readonly product: string;
  readonly order: 2;
  readonly limit: number;
  readonly pairs: readonly CutPair[];
  /** True when more pairs exist than `limit`. */
  readonly truncated: boolean;
  readonly coneSize: number;
}

/** Minimal cut sets of order 2 of one product: pairs, neither a SPOF, that disable it together. */
export function cutSets(g: CompactGraph, productId: string, options: { limit?: number } = {}): CutSetResult {
  const p = resolveProduct(g, productId);
  const limit = options.limit ?? DEFAULT_CUT_LIMIT;
  const search = orderTwoCuts(g, dominanceOf(g), p, limit);
  const explainer = search.pairs.length > 0 ? new PairExplainer(g, p) : undefined;
  const pairs = search.pairs.map(({ x, y }): CutPair => {
    const r = explainer!.explain(x, y);
    const ids: [string, string] = [g.ids[x]!, g.ids[y]!];
    const group = r.rule === "group" ? groupName(g, r.group) : undefined;
    const members = r.members.map((m) => ({ id: g.ids[m.node]!, disabledBy: [...(m.by & 1 ? [ids[0]] : []), ...(m.by & 2 ? [ids[1]] : [])] }));
    const what = r.rule === "sources" ? "sources" : group !== undefined ? `alternatives "${group}"` : "alternatives";
    const byX = members.filter((m) => m.disabledBy.includes(ids[0])).map((m) => m.id);
    const byY = members.filter((m) => m.disabledBy.includes(ids[1])).map((m) => m.id);
    return {
      ids,
      kinds: [KIND_NAMES[g.kind[x]]!, KIND_NAMES[g.kind[y]]!],
      at: g.ids[r.at]!,
      path: r.path.map((v) => g.ids[v]!),
      rule: r.rule,
      ...(group !== undefined && { group }),
      members,
      inferred: r.inferred,
      text: `${g.ids[r.at]}'s ${what}: ${ids[0]} takes down ${byX.join(", ")}; ${ids[1]} takes down ${byY.join(", ")}`,
    };
  });
  return { product: g.ids[p]!, order: 2, limit, pairs, truncated: search.truncated, coneSize: search.coneSize };
}

/** Criticality ranking (all nodes that are a SPOF of at least one product), or the top `limit`. */
export function criticality(g: CompactGraph, options: { limit?: number } = {}): CriticalityRanking {
  return criticalityRanking(g, allSpofsOf(g), options.limit);
}

/** Criticality of one node (count 0 when it is no product's SPOF). */
export function nodeCriticality(g: CompactGraph, id: string): CriticalityEntry {
  const [v] = resolveIds(g, [id]);
  return criticalityOf(g, allSpofsOf(g), v!);
}

/** Source concentration (HHI over regions) of items with sources, most concentrated first (ties in snapshot order). */
export function concentration(g: CompactGraph, options: { limit?: number } = {}): ConcentrationEntry[] {
  return topConcentration(g, hhiOf(g), options.limit);
}

/** Source concentration of one item; null when it has no sources (or is not an item). */
export function nodeConcentration(g: CompactGraph, id: string): ConcentrationEntry | null {
  const [v] = resolveIds(g, [id]);
  return concentrationOf(g, v!) ?? null;
}

/** Items with exactly one source. */
export function soleSource(g: CompactGraph): SoleSourceEntry[] {
  return soleSourceItems(g);
}

/** Items with several sources that all lie in one region. */
export function singleRegion(g: CompactGraph): SingleRegionEntry[] {
  return singleRegionItems(g, dominanceOf(g), singleRegionOf(g), g.anyUnstated ? statedDominanceOf(g) : undefined);
}

/** Items with neither sources nor requirements (supply unknown), by id. */
export function mappingGaps(g: CompactGraph): string[] {
  return gapIds(g);
}

export const ARTICULATION_LENS = "secondary fragility lens: undirected articulation points ignore alternatives and AND/OR logic; they are not SPOFs";

/** Undirected articulation points, labelled as the secondary lens they are. */
export function articulationPoints(g: CompactGraph): { readonly lens: string; readonly ids: readonly string[] } {
  return { lens: ARTICULATION_LENS, ids: articulationIds(g, articulationOf(g)) };
}

/** The risk score of one node with its breakdown. */
export function riskScore(g: CompactGraph, id: string): RiskScore {
  const [v] = resolveIds(g, [id]);
  return riskBreakdown(g, allSpofsOf(g), riskInputsOf(g), v!);
}

/** The highest risk scores (score > 0), each with its breakdown. */
export function riskRanking(g: CompactGraph, options: { limit?: number } = {}): RiskScore[] {
  const limit = options.limit ?? 100;
  if (!Number.isSafeInteger(limit) || limit < 0) throw new ChokepointError("INVALID_ARGUMENT", "limit must be a whole number ≥ 0");
  const inputs = riskInputsOf(g);
  const all = allSpofsOf(g);
  return topRisk(g, inputs, limit).map((v) => riskBreakdown(g, all, inputs, v));
}
