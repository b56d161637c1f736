/**
 * The JSON documents of `chokepoint analyze --json` and `chokepoint scenario --json`. These shapes
 * are a public, stable interface (documented in the README, "CLI JSON output"): add fields, never rename or remove.
 */
import type { LocalizedName, NodeKind } from "@chokepoint/graph-schema";
import { articulationPoints, ARTICULATION_LENS, concentration, riskRanking, singleRegion, soleSource } from "./api";
import { KIND_NAMES, PRODUCT, type CompactGraph } from "./compact";
import type { ConcentrationEntry, SingleRegionEntry, SoleSourceEntry } from "./concentration";
import { criticalIndex, criticalityEntry, type CriticalIndex, type CriticalityEntry } from "./criticality";
import { allSpofsOf, dominanceOf } from "./derived";
import type { Finding } from "./findings";
import { coneCoverage, mappingGaps } from "./gaps";
import { buildPaths, ProofBuilder } from "./proof";
import { round, type RiskScore } from "./risk";
import { scenario, type DisabledProduct } from "./scenario";
import { scratchInt32 } from "./scratch";
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
  private readonly stamp: Int32Array;
  /** pathTexts: per node, the product (1-based) whose path entry `pathEntry` holds (a Map per
   *  product measured slower at a million verdicts). */
  private readonly pathStamp: Int32Array;
  private readonly pathEntry: Int32Array;
  private pathEpoch = 0;
  private readonly ids: JsonIds;

  constructor(
    readonly g: CompactGraph,
    options: AnalyzeOptions,
  ) {
    this.top = options.top ?? 100;
    this.all = allSpofsOf(g);
    this.critical = criticalIndex(g, this.all);
    this.builder = new ProofBuilder(g, dominanceOf(g));
    this.budget = { left: options.maxPathIds ?? 5_000_000 };
    this.stamp = scratchInt32("report.coverageStamp", g.nodeCount, true);
    this.pathStamp = scratchInt32("report.pathStamp", g.nodeCount, true);
    this.pathEntry = scratchInt32("report.pathEntry", g.nodeCount);
    this.ids = new JsonIds(g.ids);
  }

  get productCount(): number {
    return this.all.products.length;
  }

  /** Product i's node and the range of its verdicts in `all`, and its cone coverage. */
  private productParts(i: number): { p: number; lo: number; hi: number; items: number; gaps: number } {
    const all = this.all;
    const p = all.products[i];
    const coverage = coneCoverage(this.g, p, this.stamp, i + 1);
    return { p, lo: all.offsets[i], hi: all.offsets[i + 1], items: coverage.items, gaps: coverage.gaps.length };
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

  /** `JSON.stringify(product(i))`, written directly: a 10^6-node report has millions of proof
   *  paths, and building each as objects and arrays first costs several times the text. */
  productJson(i: number): string {
    const { g, all, ids } = this;
    const { p, lo, hi, items, gaps } = this.productParts(i);
    const paths = this.pathTexts(p, lo, hi);
    let text = `{"id":${ids.of(p)},"name":${JSON.stringify(g.nodes[p]!.name)},"spofs":[`;
    for (let k = 0; k < hi - lo; k++) {
      const x = all.node[lo + k];
      text += `${k === 0 ? "" : ","}{"id":${ids.of(x)},"kind":"${KIND_NAMES[g.kind[x]]!}","path":[${paths.texts[k]!}],"inferred":${all.inferred[lo + k] === 1}${paths.truncated[k] === 1 ? ',"pathTruncated":true' : ""}}`;
    }
    return `${text}],"items":${items},"mappingGaps":${gaps}}`;
  }

  /**
   * `buildPaths` (same budget rule, same result) as the JSON text of each path's ids: a path is
   * its `after`'s path plus a segment plus x, and V8 keeps `prefix + rest` as a rope that points
   * at the prefix, so shared prefixes are neither copied nor held as arrays until output.
   */
  private pathTexts(p: number, lo: number, hi: number): { texts: string[]; truncated: Uint8Array } {
    const { all, ids, budget } = this;
    const texts: string[] = [];
    const lengths: number[] = [];
    const truncated = new Uint8Array(hi - lo);
    // Node → its entry in texts/lengths, for the nodes whose full path is known (-1: the product).
    const { pathStamp, pathEntry } = this;
    const ep = ++this.pathEpoch;
    pathStamp[p] = ep;
    pathEntry[p] = -1;
    const productText = ids.of(p);
    for (let i = lo; i < hi; i++) {
      const x = all.node[i];
      const after = all.after[i];
      const seg = this.builder.through(all.slot[i]);
      const segText = seg.length === 0 ? "" : `,${ids.join(seg)}`;
      const k = pathStamp[after] === ep ? pathEntry[after] : undefined;
      const prefixLength = k === undefined ? 0 : k < 0 ? 1 : lengths[k]!;
      let text: string;
      let length: number;
      if (k !== undefined && budget.left >= prefixLength + seg.length + 1) {
        text = `${k < 0 ? productText : texts[k]!}${segText},${ids.of(x)}`;
        length = prefixLength + seg.length + 1;
        pathStamp[x] = ep;
        pathEntry[x] = i - lo;
      } else {
        const head = after === p ? productText : `${productText},${ids.of(after)}`;
        text = `${head}${segText},${ids.of(x)}`;
        length = (after === p ? 1 : 2) + seg.length + 1;
        if (after !== p) truncated[i - lo] = 1;
        else {
          pathStamp[x] = ep;
          pathEntry[x] = i - lo;
        }
      }
      budget.left -= length;
      texts.push(text);
      lengths.push(length);
    }
    return { texts, truncated };
  }

  get criticalCount(): number {
    return this.critical.nodes.length;
  }

  criticality(i: number): CriticalityEntry {
    return criticalityEntry(this.g, this.all, this.critical, i);
  }

  /** `JSON.stringify(criticality(i))`, written directly (see `productJson`). */
  criticalityJson(i: number): string {
    const { g, all, critical, ids } = this;
    const v = critical.nodes[i];
    const products = ids.list(critical.products.subarray(critical.offsets[i], critical.offsets[i + 1]));
    return `{"id":${ids.of(v)},"kind":"${KIND_NAMES[g.kind[v]]!}","products":${products},"count":${all.count[v]},"value":${all.value[v]},"inferredCount":${all.inferredCount[v]}}`;
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
 * Writes exactly `JSON.stringify(analyzeReport(g, options))`, entry by entry, to `write` (in
 * chunks of about a megabyte): for graphs of 10^6 nodes the report has millions of entries, and
 * building them all as objects first costs more in garbage collection than the analysis itself.
 */
export function writeAnalyzeReport(g: CompactGraph, options: AnalyzeOptions, write: (chunk: string) => void): void {
  const parts = new AnalyzeParts(g, options);
  let pending: string[] = [];
  let size = 0;
  const put = (s: string): void => {
    pending.push(s);
    size += s.length;
    if (size >= 1 << 16) flush();
  };
  const flush = (): void => {
    if (pending.length > 0) write(pending.join(""));
    pending = [];
    size = 0;
  };
  const J = JSON.stringify;
  const list = (count: number, entryJson: (i: number) => string): void => {
    put("[");
    for (let i = 0; i < count; i++) put(i === 0 ? entryJson(i) : `,${entryJson(i)}`);
    put("]");
  };
  put(`{"format":${J(ANALYSIS_FORMAT)},"version":${REPORT_VERSION},"graph":${J(summary(g))},"findings":${J(g.findings)},"products":`);
  list(parts.productCount, (i) => parts.productJson(i));
  put(`,"criticalityRankedBy":${J(parts.critical.weighted ? "annualValue" : "count")},"criticality":`);
  list(parts.criticalCount, (i) => parts.criticalityJson(i));
  put(`,"mappingGaps":${J(mappingGaps(g))},"soleSource":${J(soleSource(g))},"singleRegion":${J(singleRegion(g))}`);
  put(`,"concentration":${J(parts.concentration())},"risk":${J(riskRanking(g, { limit: parts.top }))},"articulationPoints":${J(parts.articulationPoints())}}`);
  flush();
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

/** True when JSON.stringify would escape something in s: a quote, a backslash, a control
 *  character or a surrogate (lone ones are escaped; pairs are left to the general encoder). */
function needsEscape(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return true;
  }
  return false;
}

/** `JSON.stringify(s)` for a string; ids rarely need escaping, so skip the general encoder. */
function encodeString(s: string): string {
  return needsEscape(s) ? JSON.stringify(s) : `"${s}"`;
}

/** Node ids as JSON string literals, each encoded once (an id appears in many paths). */
class JsonIds {
  // Allocated at full length: filled at random positions, a growing array would turn sparse (a
  // dictionary) and every lookup would hash.
  private readonly encoded: (string | undefined)[];

  constructor(private readonly ids: readonly string[]) {
    this.encoded = new Array<string | undefined>(ids.length).fill(undefined);
  }

  of(v: number): string {
    return (this.encoded[v] ??= encodeString(this.ids[v]!));
  }

  /** The ids of `nodes` as JSON strings separated by commas. */
  join(nodes: ArrayLike<number>): string {
    let text = "";
    for (let i = 0; i < nodes.length; i++) text += i === 0 ? this.of(nodes[i]!) : `,${this.of(nodes[i]!)}`;
    return text;
  }

  /** A JSON array of the ids of `nodes`. */
  list(nodes: ArrayLike<number>): string {
    return `[${this.join(nodes)}]`;
  }
}

function summary(g: CompactGraph): GraphSummary {
  return { version: g.version ?? null, nodes: g.nodeCount, edges: g.edgeCount };
}
