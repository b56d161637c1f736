/**
 * The risk engine (DESIGN §2): exact, explained analysis of a supply graph. Pure functions over a
 * compact, immutable snapshot; imports only @chokepoint/graph-schema; no I/O.
 *
 * Build once per data version, then ask:
 *
 *   const g = compact(snapshot);            // { nodes, edges, version? } → CompactGraph
 *   // or: const get = compactCache(); get(snapshot)   (same snapshot/version → same graph)
 *
 *   availability(g, ["europe-north-america"])   → { failed, unavailable: ids }
 *   spofs(g, "invasive-ventilator")             → { product, spofs: [{ id, kind, path, steps, after, inferred }], inferred, coverage }
 *   allSpofs(g)                                 → [{ id, spofs: [{ id, kind, inferred }] }]   (every product)
 *   cutSets(g, "ecmo", { limit: 100 })          → { pairs: [{ ids: [x, y], at, path, rule, members, inferred, text }], truncated, … }
 *   scenario(g, ["zhejiang", "valve-maker-de"]) → { failed, disabled: [{ id, explanation, steps, inferred, time }], unavailable, inferred }
 *   criticality(g, { limit })                   → { weighted, entries: [{ id, kind, products, count, value, inferredCount }] }
 *   nodeCriticality(g, id)                      → one entry
 *   concentration(g, { limit })                 → [{ id, hhi, sourceCount, sharesKnown, regions: [{ region, share }] }]
 *   nodeConcentration(g, id)                    → one item's entry, or null without sources
 *   soleSource(g) / singleRegion(g)             → items with one source / with all sources in one region
 *   mappingGaps(g)                              → ids of items with no sources and no requirements
 *   articulationPoints(g)                       → { lens, ids }   (secondary, undirected fragility lens)
 *   riskScore(g, id) / riskRanking(g, { limit })→ { id, kind, score, terms: [{ name, value, weight, contribution, detail }] }
 *   analyzeReport(g, opts) / scenarioReport(g, ids) → the CLI's JSON documents (README: CLI JSON output)
 *   writeAnalyzeReportBytes(g, opts, sink)      → the same analyze JSON as UTF-8, streamed in chunks (large graphs)
 *   writeAnalyzeReport(g, opts, write)          → the same, streamed as strings
 *   g.findings                                  → data findings (broken REQUIRES/WITHIN cycles, unusable edges)
 *
 * Semantics:
 * - Availability and SPOF are exactly DESIGN §2. D(n) is kept as generators over a dominator-like
 *   DAG (dominance.ts); the randomized oracle test checks SPOFs, order-2 cut sets and scenarios
 *   against brute force.
 * - REQUIRES and WITHIN cycles are data errors: reported in `g.findings` and broken by dropping
 *   the back edges of a DFS from the smallest id of each strongly connected component (order.ts).
 * - `inferred: true` on a verdict: it cannot be derived from `stated` edges alone (a derivation
 *   through a group or source set uses all of its edges).
 * - Errors users can act on are ChokepointErrors: UNKNOWN_NODE (ids not in the graph, with one
 *   problem per id), NOT_A_PRODUCT (spofs/cutSets on a non-product), INVALID_ARGUMENT (empty
 *   failure set, limit out of range).
 * - Everything is single-threaded and iterative (graphs may be 10^6 deep); structures derived
 *   from a compact graph are memoised per graph (cache.ts), so repeated queries are cheap.
 */
export { compact, graphArrays, type CompactGraph, type GraphArrays, type GraphInput } from "./compact";
export { compactCache, memoByGraph, type GraphMemo } from "./cache";
// Derived structures and the passes that build them, for callers that schedule the passes
// themselves (the CLI builds some on a worker thread; see cli/parallel-derivations.ts).
export { allSpofsOf, articulationOf, coverageOf, dominanceOf, hhiOf, riskInputsOf, singleRegionOf, statedDominanceOf } from "./derived";
export { productCoverage } from "./gaps";
export { buildDominance, type Dominance } from "./dominance";
export { articulationPointIndices } from "./articulation";
export type { Finding, FindingCode } from "./findings";
export {
  allSpofs,
  articulationPoints,
  availability,
  concentration,
  criticality,
  cutSets,
  mappingGaps,
  nodeConcentration,
  nodeCriticality,
  DEFAULT_MAX_PATH_IDS,
  riskRanking,
  riskScore,
  singleRegion,
  soleSource,
  spofs,
  type AvailabilityResult,
  type CutPair,
  type CutSetResult,
  type ProductSpofIds,
  type ProductSpofResult,
  type SpofVerdict,
} from "./api";
export { scenario, type DisabledProduct, type ScenarioResult, type TimeToSurvive } from "./scenario";
export type { Step, StepRule } from "./steps";
export type { CriticalityEntry, CriticalityRanking } from "./criticality";
export type { ConcentrationEntry, RegionShare, SingleRegionEntry, SoleSourceEntry } from "./concentration";
export type { ConeCoverage } from "./gaps";
export { RISK_WEIGHTS, type RiskScore, type RiskTerm, type RiskTermName } from "./risk";
export { DEFAULT_CUT_LIMIT, MAX_CUT_LIMIT } from "./cutsets";
export type { ByteSink } from "./json-writer";
export {
  analyzeReport,
  writeAnalyzeReport,
  writeAnalyzeReportBytes,
  scenarioReport,
  ANALYSIS_FORMAT,
  SCENARIO_FORMAT,
  REPORT_VERSION,
  type AnalyzeOptions,
  type AnalyzeReport,
  type GraphSummary,
  type ReportProduct,
  type ReportSpof,
  type ScenarioReport,
} from "./report";
