import { ChokepointError, isItemKind, type GraphEdge, type GraphNode } from "@chokepoint/graph-schema";
import {
  articulationPoints,
  compactCache,
  concentration,
  criticality,
  cutSets,
  mappingGaps,
  memoByGraph,
  nodeConcentration,
  nodeCriticality,
  riskRanking,
  riskScore,
  scenario,
  singleRegion,
  soleSource,
  spofs,
  type CompactGraph,
  type ConcentrationEntry,
  type CutSetResult,
  type ProductSpofResult,
} from "../analysis";
import type { GraphService } from "./graph-service";
import type { GraphIndex } from "./graph-index";

/** Hard bounds on what one analysis request may ask for. */
export const MAX_CUT_LIMIT = 500;
export const MAX_FAIL_NODES = 200;
export const MAX_RANKING = 500;
export const MAX_SANDBOX_CHANGES = 200;

export interface AlternateSource {
  readonly item: string;
  /** An existing supplier or region… */
  readonly source?: string;
  /** …or a region in which a hypothetical new supplier is placed. */
  readonly region?: string;
  readonly share?: number;
}

export interface SandboxRequest {
  readonly addSources: readonly AlternateSource[];
  readonly removeNodes: readonly string[];
  /** Products whose SPOFs to compare; default: every product whose SPOFs change. */
  readonly productIds?: readonly string[];
  readonly fail?: readonly string[];
}

export interface SpofChange {
  readonly product: string;
  readonly spof: string;
}

export interface NodeMetrics {
  readonly risk: number;
  readonly spofOf: number;
  readonly mappingGap: boolean;
}

const nodeMetricsOf = memoByGraph((g: CompactGraph): ReadonlyMap<string, NodeMetrics> => {
  const gaps = new Set(mappingGaps(g));
  const table = new Map<string, NodeMetrics>();
  for (const id of g.ids) {
    table.set(id, { risk: riskScore(g, id).score, spofOf: nodeCriticality(g, id).count, mappingGap: gaps.has(id) });
  }
  return table;
});

function bounded(n: number | undefined, fallback: number, max: number, what: string): number {
  const v = n ?? fallback;
  if (!Number.isSafeInteger(v) || v < 1 || v > max) throw new ChokepointError("INVALID_ARGUMENT", `${what} must be a whole number from 1 to ${max}`);
  return v;
}

/**
 * Runs the engine for the API on the compact graph of the current data version (built once per
 * version and shared by every request), and answers mitigation what-ifs on a private copy.
 */
export class AnalysisService {
  private readonly compact = compactCache();

  constructor(private readonly graph: GraphService) {}

  /** The index and compact graph of the current version. */
  async current(): Promise<{ index: GraphIndex; g: CompactGraph }> {
    const index = await this.graph.current();
    return { index, g: this.compact(index.snapshot) };
  }

  async spofs(productId: string): Promise<ProductSpofResult> {
    return spofs((await this.current()).g, productId);
  }

  async cutSets(productId: string, order: number, limit: number | undefined): Promise<CutSetResult> {
    if (order !== 2) throw new ChokepointError("INVALID_ARGUMENT", "only order-2 cut sets are offered (pairs); SPOFs are the order-1 answer");
    return cutSets((await this.current()).g, productId, { limit: bounded(limit, 50, MAX_CUT_LIMIT, "limit") });
  }

  async scenario(fail: readonly string[]) {
    if (fail.length > MAX_FAIL_NODES) throw new ChokepointError("INVALID_ARGUMENT", `a scenario fails at most ${MAX_FAIL_NODES} nodes`);
    return scenario((await this.current()).g, fail);
  }

  async criticality(first: number | undefined) {
    return criticality((await this.current()).g, { limit: bounded(first, 50, MAX_RANKING, "first") });
  }

  async concentrationOf(id: string): Promise<ConcentrationEntry | null> {
    return nodeConcentration((await this.current()).g, id);
  }

  async concentrationRanking(first: number | undefined): Promise<ConcentrationEntry[]> {
    return concentration((await this.current()).g, { limit: bounded(first, 50, MAX_RANKING, "first") });
  }

  async mappingGaps(): Promise<string[]> {
    return mappingGaps((await this.current()).g);
  }

  /** Risk score, SPOF count and mapping-gap status of one node, from a table built once per
   *  data version (a map paint asks for every node at once). */
  async nodeMetrics(id: string): Promise<NodeMetrics> {
    const metrics = nodeMetricsOf((await this.current()).g);
    const m = metrics.get(id);
    if (!m) throw new ChokepointError("UNKNOWN_NODE", `no node with id "${id}"`);
    return m;
  }

  async soleSource() {
    return soleSource((await this.current()).g);
  }

  async singleRegion() {
    return singleRegion((await this.current()).g);
  }

  async riskScore(id: string) {
    return riskScore((await this.current()).g, id);
  }

  async riskRanking(first: number | undefined) {
    return riskRanking((await this.current()).g, { limit: bounded(first, 50, MAX_RANKING, "first") });
  }

  async articulationPoints() {
    return articulationPoints((await this.current()).g);
  }

  async findings() {
    return (await this.current()).g.findings;
  }

  /**
   * Mitigation what-if: the SPOF (and, with `fail`, scenario) answers as if the alternates were
   * added and the nodes removed. Works on a copy of the snapshot; stored data is never touched.
   */
  async sandbox(request: SandboxRequest) {
    if (request.addSources.length + request.removeNodes.length > MAX_SANDBOX_CHANGES) {
      throw new ChokepointError("INVALID_ARGUMENT", `a sandbox takes at most ${MAX_SANDBOX_CHANGES} changes`);
    }
    const { index, g: baseline } = await this.current();
    const { nodes, edges } = applySandbox(index, request);
    const changed = compactCache()({ nodes, edges });
    const products =
      request.productIds ??
      nodes.filter((n) => n.kind === "Product").map((n) => n.id);
    const removedSpofs: SpofChange[] = [];
    const addedSpofs: SpofChange[] = [];
    const results: ProductSpofResult[] = [];
    for (const product of products) {
      const after = spofs(changed, product);
      const before = new Set(index.node(product) ? spofs(baseline, product).spofs.map((s) => s.id) : []);
      const now = new Set(after.spofs.map((s) => s.id));
      for (const id of before) if (!now.has(id) && !request.removeNodes.includes(id)) removedSpofs.push({ product, spof: id });
      for (const id of now) if (!before.has(id)) addedSpofs.push({ product, spof: id });
      if (request.productIds || before.size !== now.size || [...now].some((id) => !before.has(id))) results.push(after);
    }
    return {
      spofs: results,
      removedSpofs,
      addedSpofs,
      scenario: request.fail && request.fail.length > 0 ? scenario(changed, request.fail) : null,
    };
  }
}

const SANDBOX_NOTE = "hypothetical alternate source (mitigation sandbox); not stored";

/** The snapshot with the sandbox's changes applied, as new arrays (the snapshot itself is frozen). */
function applySandbox(index: GraphIndex, request: SandboxRequest): { nodes: GraphNode[]; edges: GraphEdge[] } {
  for (const id of request.removeNodes) {
    if (!index.node(id)) throw new ChokepointError("UNKNOWN_NODE", `no node with id "${id}"`);
  }
  const removed = new Set(request.removeNodes);
  const nodes = index.snapshot.nodes.filter((n) => !removed.has(n.id));
  const edges = index.snapshot.edges.filter((e) => !removed.has(e.from) && !removed.has(e.to));
  request.addSources.forEach((alt, i) => {
    const item = index.node(alt.item);
    if (!item || !isItemKind(item.kind)) throw new ChokepointError("UNKNOWN_NODE", `addSources[${i}].item: no component, material or product "${alt.item}"`);
    if ((alt.source === undefined) === (alt.region === undefined)) {
      throw new ChokepointError("INVALID_ARGUMENT", `addSources[${i}]: give either source (an existing supplier or region) or region (for a new hypothetical supplier)`);
    }
    if (alt.share !== undefined && !(alt.share >= 0 && alt.share <= 1)) throw new ChokepointError("INVALID_ARGUMENT", `addSources[${i}].share must be between 0 and 1`);
    const evidence = [{ note: SANDBOX_NOTE }];
    let source = alt.source;
    if (alt.region !== undefined) {
      if (index.node(alt.region)?.kind !== "Region") throw new ChokepointError("UNKNOWN_NODE", `addSources[${i}].region: no region "${alt.region}"`);
      source = `sandbox-supplier-${i + 1}`;
      nodes.push({ id: source, kind: "Supplier", name: { en: `Hypothetical supplier ${i + 1} in ${alt.region}` }, aliases: [], flags: [], attrs: {}, confidence: "inferred", evidence });
      edges.push({ from: source, to: alt.region, kind: "LOCATED_IN", confidence: "inferred", evidence });
    } else {
      const kind = index.node(source!)?.kind;
      if (kind !== "Supplier" && kind !== "Region") throw new ChokepointError("UNKNOWN_NODE", `addSources[${i}].source: no supplier or region "${source}"`);
    }
    if (index.edge(alt.item, "SOURCED_FROM", source!)) return;
    edges.push({ from: alt.item, to: source!, kind: "SOURCED_FROM", ...(alt.share !== undefined && { share: alt.share }), confidence: "inferred", evidence });
  });
  return { nodes, edges };
}
