/**
 * The JSON documents of `chokepoint analyze --json` and `chokepoint scenario --json`. These shapes
 * are a public, stable interface (documented in the README, "CLI JSON output"): add fields, never rename or remove.
 */
import type { LocalizedName, NodeKind } from "@chokepoint/graph-schema";
import { articulationPoints, ARTICULATION_LENS, concentration, riskRanking, singleRegion, soleSource } from "./api";
import type { CompactGraph } from "./compact";
import { KIND_NAMES, PRODUCT } from "./kind-codes";
import type { ConcentrationEntry, SingleRegionEntry, SoleSourceEntry } from "./concentration";
import { criticalIndex, criticalityEntry, type CriticalIndex, type CriticalityEntry } from "./criticality";
import { allSpofsOf, coverageOf, dominanceOf } from "./derived";
import type { Finding } from "./findings";
import { mappingGaps } from "./gaps";
import { JsonIds } from "./json-ids";
import { DEFAULT_CHUNK_BYTES, jsonFragment, JsonWriter, type ByteSink } from "./json-writer";
import { buildPaths, ProofBuilder } from "./proof";
import { ProofPathWriter } from "./proof-path-writer";
import { round, type RiskScore } from "./risk";
import { scenario, type DisabledProduct } from "./scenario";
import type { AllSpofs } from "./spofs";

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
  /** Present (true) only when the path was shortened to keep the report bounded; see the README, "CLI JSON output". */
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

/** The per-report helpers of the text writer (see `AnalyzeParts.textWriters`). */
interface ReportText {
  readonly ids: JsonIds;
  readonly paths: ProofPathWriter;
}

/** Constant JSON fragments of report entries, encoded once. */
const ID_FIELD = jsonFragment('{"id":');
const NAME_FIELD = jsonFragment(',"name":');
const SPOFS_FIELD = jsonFragment(',"spofs":[');
/** `,"kind":"<kind>","path":[` by kind code (a SPOF entry). */
const KIND_PATH_FIELDS = KIND_NAMES.map((k) => jsonFragment(`,"kind":${JSON.stringify(k)},"path":[`));
/** `,"kind":"<kind>","products":[` by kind code (a criticality entry). */
const KIND_PRODUCTS_FIELDS = KIND_NAMES.map((k) => jsonFragment(`,"kind":${JSON.stringify(k)},"products":[`));
/** The end of a SPOF entry after its path's ids, by `inferred` + 2 × `pathTruncated`, for the
 *  last entry of a product and (with the next entry's start) for the others. */
const SPOF_ENDS = ['],"inferred":false}', '],"inferred":true}', '],"inferred":false,"pathTruncated":true}', '],"inferred":true,"pathTruncated":true}'];
const LAST_SPOF_END = SPOF_ENDS.map(jsonFragment);
const SPOF_END_NEXT_ID = SPOF_ENDS.map((end) => jsonFragment(`${end},{"id":`));
const ITEMS_FIELD = jsonFragment('],"items":');
const GAPS_FIELD = jsonFragment(',"mappingGaps":');
const COUNT_FIELD = jsonFragment('],"count":');
const VALUE_FIELD = jsonFragment(',"value":');
const INFERRED_COUNT_FIELD = jsonFragment(',"inferredCount":');

export interface AnalyzeOptions {
  /** Length of the ranked secondary lists (concentration, risk, articulation points). Default 100. */
  readonly top?: number;
  /** Total ids allowed in proof paths before paths are shortened. Default 5,000,000. */
  readonly maxPathIds?: number;
}

/**
 * Builds the analyze report one entry at a time, so the same entries can be assembled into an
 * object (`analyzeReport`) or streamed as JSON text (`writeAnalyzeReport`) without holding a
 * million-verdict object tree in memory. Products must be taken in order (proof paths share a
 * budget).
 */
class AnalyzeParts {
  readonly all: AllSpofs;
  readonly critical: CriticalIndex;
  readonly top: number;
  private readonly builder: ProofBuilder;
  private readonly budget: { left: number };

  constructor(
    readonly g: CompactGraph,
    options: AnalyzeOptions,
  ) {
    this.top = options.top ?? 100;
    this.all = allSpofsOf(g);
    this.critical = criticalIndex(g, this.all);
    this.builder = new ProofBuilder(g, dominanceOf(g));
    this.budget = { left: options.maxPathIds ?? 5_000_000 };
  }

  /** What writing the report as text needs besides `out`: the encoded ids, and the proof paths
   *  (which draw on this report's path budget, as `product` does). */
  textWriters(out: JsonWriter): ReportText {
    const ids = new JsonIds(this.g.ids, out);
    return { ids, paths: new ProofPathWriter(this.builder, this.all, this.budget, ids, out, this.g.nodeCount) };
  }

  get productCount(): number {
    return this.all.products.length;
  }

  /** Product i's node and the range of its verdicts in `all`, and its cone coverage. */
  private productParts(i: number): { p: number; lo: number; hi: number; items: number; gaps: number } {
    const all = this.all;
    const p = all.products[i];
    const coverage = coverageOf(this.g);
    return { p, lo: all.offsets[i], hi: all.offsets[i + 1], items: coverage[2 * i], gaps: coverage[2 * i + 1] };
  }

  product(i: number): ReportProduct {
    const { g, all } = this;
    const { p, lo, hi, items, gaps } = this.productParts(i);
    const paths = buildPaths(this.builder, p, all, lo, hi, this.budget);
    const spofs = paths.paths.map((path, k): ReportSpof => {
      const x = all.node[lo + k];
      return {
        id: g.ids[x]!,
        kind: KIND_NAMES[g.kind[x]]!,
        path: Array.from(path, (v) => g.ids[v]!),
        inferred: all.inferred[lo + k] === 1,
        ...(paths.truncated[k] === 1 && { pathTruncated: true as const }),
      };
    });
    return { id: g.ids[p]!, name: g.nodes[p]!.name, spofs, items, mappingGaps: gaps };
  }

  /** Writes `JSON.stringify(product(i))`: a 10^6-node report has millions of proof paths, and
   *  building each as objects and arrays first costs several times the text. */
  writeProduct(i: number, out: JsonWriter, text: ReportText): void {
    const { g, all } = this;
    const { ids, paths } = text;
    const { p, lo, hi, items, gaps } = this.productParts(i);
    paths.begin(p, lo, hi);
    out.fragment(ID_FIELD);
    ids.write(p);
    out.fragment(NAME_FIELD);
    out.text(JSON.stringify(g.nodes[p]!.name));
    out.fragment(SPOFS_FIELD);
    if (hi > lo) out.fragment(ID_FIELD);
    for (let k = lo; k < hi; k++) {
      const x = all.node[k];
      ids.write(x);
      out.fragment(KIND_PATH_FIELDS[g.kind[x]]!);
      const end = all.inferred[k] + (paths.write(k) ? 2 : 0);
      out.fragment(k + 1 < hi ? SPOF_END_NEXT_ID[end]! : LAST_SPOF_END[end]!);
    }
    out.fragment(ITEMS_FIELD);
    out.number(items);
    out.fragment(GAPS_FIELD);
    out.number(gaps);
    out.byte(0x7d);
  }

  get criticalCount(): number {
    return this.critical.nodes.length;
  }

  criticality(i: number): CriticalityEntry {
    return criticalityEntry(this.g, this.all, this.critical, i);
  }

  /** Writes `JSON.stringify(criticality(i))` (see `writeProduct`). */
  writeCriticality(i: number, out: JsonWriter, ids: JsonIds): void {
    const { g, all, critical } = this;
    const v = critical.nodes[i];
    out.fragment(ID_FIELD);
    ids.write(v);
    out.fragment(KIND_PRODUCTS_FIELDS[g.kind[v]]!);
    for (let j = critical.offsets[i]; j < critical.offsets[i + 1]; j++) {
      if (j === critical.offsets[i]) ids.write(critical.products[j]);
      else ids.writeNext(critical.products[j]);
    }
    out.fragment(COUNT_FIELD);
    out.number(all.count[v]);
    out.fragment(VALUE_FIELD);
    out.number(all.value[v]);
    out.fragment(INFERRED_COUNT_FIELD);
    out.number(all.inferredCount[v]);
    out.byte(0x7d);
  }

  concentration(): ConcentrationEntry[] {
    return concentration(this.g, { limit: this.top }).map((e) => ({ ...e, hhi: round(e.hhi), regions: e.regions.map((r) => ({ ...r, share: round(r.share) })) }));
  }

  articulationPoints(): AnalyzeReport["articulationPoints"] {
    const ap = articulationPoints(this.g);
    return { lens: ARTICULATION_LENS, count: ap.ids.length, ids: ap.ids.slice(0, this.top) };
  }
}

export function analyzeReport(g: CompactGraph, options: AnalyzeOptions = {}): AnalyzeReport {
  const parts = new AnalyzeParts(g, options);
  return {
    format: ANALYSIS_FORMAT,
    version: REPORT_VERSION,
    graph: summary(g),
    findings: g.findings,
    products: Array.from({ length: parts.productCount }, (_, i) => parts.product(i)),
    criticalityRankedBy: parts.critical.weighted ? "annualValue" : "count",
    criticality: Array.from({ length: parts.criticalCount }, (_, i) => parts.criticality(i)),
    mappingGaps: mappingGaps(g),
    soleSource: soleSource(g),
    singleRegion: singleRegion(g),
    concentration: parts.concentration(),
    risk: riskRanking(g, { limit: parts.top }),
    articulationPoints: parts.articulationPoints(),
  };
}

/**
 * Writes exactly `JSON.stringify(analyzeReport(g, options))` as UTF-8, entry by entry, to `sink`
 * (in chunks of `chunkBytes`, each valid only during the call): for graphs of 10^6 nodes the
 * report has millions of entries, and building them all as objects, or even as strings, costs
 * more in garbage collection and copying than writing their bytes once.
 */
export function writeAnalyzeReportBytes(g: CompactGraph, options: AnalyzeOptions, sink: ByteSink, chunkBytes = DEFAULT_CHUNK_BYTES): void {
  const parts = new AnalyzeParts(g, options);
  const out = new JsonWriter(sink, chunkBytes);
  const text = parts.textWriters(out);
  const J = JSON.stringify;
  out.text(`{"format":${J(ANALYSIS_FORMAT)},"version":${REPORT_VERSION},"graph":${J(summary(g))},"findings":`);
  out.text(J(g.findings));
  out.text(`,"products":[`);
  for (let i = 0; i < parts.productCount; i++) {
    if (i > 0) out.byte(0x2c);
    parts.writeProduct(i, out, text);
  }
  out.text(`],"criticalityRankedBy":${J(parts.critical.weighted ? "annualValue" : "count")},"criticality":[`);
  for (let i = 0; i < parts.criticalCount; i++) {
    if (i > 0) out.byte(0x2c);
    parts.writeCriticality(i, out, text.ids);
  }
  out.text(`],"mappingGaps":[`);
  const gaps = mappingGaps(g);
  for (let i = 0; i < gaps.length; i++) {
    if (i > 0) out.byte(0x2c);
    out.string(gaps[i]!);
  }
  // The remaining sections are lists of objects owned by other modules: JSON.stringify keeps
  // them exact whatever fields those gain, and one long string per section costs no scavenges
  // (it is allocated outside the young generation).
  out.text(`],"soleSource":`);
  out.text(J(soleSource(g)));
  out.text(`,"singleRegion":`);
  out.text(J(singleRegion(g)));
  out.text(`,"concentration":`);
  out.text(J(parts.concentration()));
  out.text(`,"risk":`);
  out.text(J(riskRanking(g, { limit: parts.top })));
  out.text(`,"articulationPoints":`);
  out.text(J(parts.articulationPoints()));
  out.byte(0x7d);
  out.flush();
}

/** `writeAnalyzeReportBytes` for a consumer of text: the same JSON, as strings. */
export function writeAnalyzeReport(g: CompactGraph, options: AnalyzeOptions, write: (chunk: string) => void): void {
  const decoder = new TextDecoder();
  writeAnalyzeReportBytes(g, options, (bytes) => {
    // `stream`: a chunk may end inside a multi-byte character; the decoder keeps the start.
    const chunk = decoder.decode(bytes, { stream: true });
    if (chunk.length > 0) write(chunk);
  });
  const rest = decoder.decode();
  if (rest.length > 0) write(rest);
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
