/**
 * The JSON documents of `chokepoint analyze --json` and `chokepoint scenario --json`. These shapes
 * are a public, stable interface (documented in CLI_JSON.md): add fields, never rename or remove.
 */
import type { LocalizedName, NodeKind } from "@chokepoint/graph-schema";
import { articulationPoints, ARTICULATION_LENS, concentration, riskRanking, singleRegion, soleSource } from "./api";
import { KIND_NAMES, PRODUCT, type CompactGraph } from "./compact";
import type { ConcentrationEntry, SingleRegionEntry, SoleSourceEntry } from "./concentration";
import { criticalityRanking, type CriticalityEntry } from "./criticality";
import { allSpofsOf, dominanceOf } from "./derived";
import type { Finding } from "./findings";
import { coneCoverage, mappingGaps } from "./gaps";
import { buildPaths, ProofBuilder } from "./proof";
import { round, type RiskScore } from "./risk";
import { scenario, type DisabledProduct } from "./scenario";

export const ANALYSIS_FORMAT = "chokepoint/analysis";
export const SCENARIO_FORMAT = "chokepoint/scenario";
export const REPORT_VERSION = 1;

export interface GraphSummary {
  /** The store's data version, or null for a file. */
  readonly version: number | null;
  readonly nodes: number;
  readonly edges: number;
}

export interface ReportSpof {
  readonly id: string;
  readonly kind: NodeKind;
  /** Proof path: product → … → this SPOF. */
  readonly path: readonly string[];
  /** True when the verdict rests on a non-stated edge (no all-stated proof exists). */
  readonly inferred: boolean;
  /** Present (true) only when the path was shortened to keep the report bounded; see CLI_JSON.md. */
  readonly pathTruncated?: true;
}

export interface ReportProduct {
  readonly id: string;
  readonly name: LocalizedName;
  readonly spofs: readonly ReportSpof[];
  /** Items the product depends on (itself included). */
  readonly items: number;
  /** How many of those are mapping gaps (no sources, no requirements). */
  readonly mappingGaps: number;
}

export interface AnalyzeReport {
  readonly format: typeof ANALYSIS_FORMAT;
  readonly version: typeof REPORT_VERSION;
  readonly graph: GraphSummary;
  readonly findings: readonly Finding[];
  readonly products: readonly ReportProduct[];
  /** "annualValue" when criticality is ranked by value at risk, else "count". */
  readonly criticalityRankedBy: "annualValue" | "count";
  readonly criticality: readonly CriticalityEntry[];
  readonly mappingGaps: readonly string[];
  readonly soleSource: readonly SoleSourceEntry[];
  readonly singleRegion: readonly SingleRegionEntry[];
  /** The most concentrated items (at most `top`). */
  readonly concentration: readonly ConcentrationEntry[];
  /** The highest risk scores (at most `top`), each with its breakdown. */
  readonly risk: readonly RiskScore[];
  readonly articulationPoints: { readonly lens: string; readonly count: number; readonly ids: readonly string[] };
}

export interface AnalyzeOptions {
  /** Length of the ranked secondary lists (concentration, risk, articulation points). Default 100. */
  readonly top?: number;
  /** Total ids allowed in proof paths before paths are shortened. Default 5,000,000. */
  readonly maxPathIds?: number;
}

export function analyzeReport(g: CompactGraph, options: AnalyzeOptions = {}): AnalyzeReport {
  const top = options.top ?? 100;
  const all = allSpofsOf(g);
  const builder = new ProofBuilder(g, dominanceOf(g));
  const budget = { left: options.maxPathIds ?? 5_000_000 };
  const stamp = new Int32Array(g.nodeCount);
  const products = Array.from(all.products, (p, i): ReportProduct => {
    const lo = all.offsets[i];
    const hi = all.offsets[i + 1];
    const { paths, truncated } = buildPaths(builder, p, all, lo, hi, budget);
    const spofs = paths.map((path, k): ReportSpof => {
      const x = all.node[lo + k];
      return {
        id: g.ids[x]!,
        kind: KIND_NAMES[g.kind[x]]!,
        path: Array.from(path, (v) => g.ids[v]!),
        inferred: all.inferred[lo + k] === 1,
        ...(truncated[k] === 1 && { pathTruncated: true as const }),
      };
    });
    const coverage = coneCoverage(g, p, stamp, i + 1);
    return { id: g.ids[p]!, name: g.nodes[p]!.name, spofs, items: coverage.items, mappingGaps: coverage.gaps.length };
  });
  const ranking = criticalityRanking(g, all);
  const ap = articulationPoints(g);
  return {
    format: ANALYSIS_FORMAT,
    version: REPORT_VERSION,
    graph: summary(g),
    findings: g.findings,
    products,
    criticalityRankedBy: ranking.weighted ? "annualValue" : "count",
    criticality: ranking.entries,
    mappingGaps: mappingGaps(g),
    soleSource: soleSource(g),
    singleRegion: singleRegion(g),
    concentration: concentration(g, { limit: top }).map((e) => ({ ...e, hhi: round(e.hhi), regions: e.regions.map((r) => ({ ...r, share: round(r.share) })) })),
    risk: riskRanking(g, { limit: top }),
    articulationPoints: { lens: ARTICULATION_LENS, count: ap.ids.length, ids: ap.ids.slice(0, top) },
  };
}

export interface ScenarioReport {
  readonly format: typeof SCENARIO_FORMAT;
  readonly version: typeof REPORT_VERSION;
  readonly graph: GraphSummary;
  readonly findings: readonly Finding[];
  readonly failed: readonly string[];
  readonly disabled: readonly DisabledProduct[];
  /** Products that stay available, by id. */
  readonly available: readonly string[];
  readonly unavailable: Readonly<Record<NodeKind, number>>;
  readonly inferred: boolean;
  /** Disabled products whose survive time is shorter than their recover time. */
  readonly exposed: readonly string[];
}

export function scenarioReport(g: CompactGraph, failIds: readonly string[]): ScenarioReport {
  const result = scenario(g, failIds);
  const down = new Set(result.disabled.map((d) => d.id));
  const available: string[] = [];
  for (let v = 0; v < g.nodeCount; v++) if (g.kind[v] === PRODUCT && !down.has(g.ids[v]!)) available.push(g.ids[v]!);
  return {
    format: SCENARIO_FORMAT,
    version: REPORT_VERSION,
    graph: summary(g),
    findings: g.findings,
    failed: result.failed,
    disabled: result.disabled,
    available: available.sort(),
    unavailable: result.unavailable,
    inferred: result.inferred,
    exposed: result.disabled.filter((d) => d.time.exposed === true).map((d) => d.id),
  };
}

function summary(g: CompactGraph): GraphSummary {
  return { version: g.version ?? null, nodes: g.nodeCount, edges: g.edgeCount };
}
