import {
  ChokepointError,
  normalizeId,
  type Category,
  type Evidence,
  type Flag,
  type GraphEdge,
  type GraphNode,
  type InterchangeGraph,
  type NodeKind,
} from "@chokepoint/graph-schema";

/** What part of the graph to export; all given conditions must hold. */
export interface ExportFilter {
  readonly kind?: NodeKind;
  readonly category?: Category;
  readonly flag?: Flag;
  /** A region id: regions within it, suppliers located there, items sourced from them. */
  readonly region?: string;
  /** A node id: it and everything it depends on (requirements, sources, their locations and
   *  enclosing regions), i.e. its dependency cone. */
  readonly focus?: string;
}

export function isEmptyFilter(f: ExportFilter): boolean {
  return f.kind === undefined && f.category === undefined && f.flag === undefined && f.region === undefined && f.focus === undefined;
}

function index(edges: readonly GraphEdge[], key: "from" | "to"): Map<string, GraphEdge[]> {
  const m = new Map<string, GraphEdge[]>();
  for (const e of edges) {
    const list = m.get(e[key]);
    if (list) list.push(e);
    else m.set(e[key], [e]);
  }
  return m;
}

function requireNode(byId: ReadonlyMap<string, GraphNode>, raw: string, what: string, kind?: NodeKind): string {
  const id = normalizeId(raw);
  const node = byId.get(id);
  if (!node || (kind !== undefined && node.kind !== kind)) throw new ChokepointError("UNKNOWN_NODE", `no ${what} with id "${id.slice(0, 128)}"`);
  return id;
}

/** The dependency cone: everything reachable from `id` along outgoing edges. */
function cone(id: string, out: ReadonlyMap<string, readonly GraphEdge[]>): Set<string> {
  const seen = new Set([id]);
  const stack = [id];
  while (stack.length > 0) {
    for (const e of out.get(stack.pop()!) ?? []) {
      if (!seen.has(e.to)) {
        seen.add(e.to);
        stack.push(e.to);
      }
    }
  }
  return seen;
}

/** Regions within `region`, suppliers located in them, and items sourced from either (the same
 *  reading of "in a region" as the API's node filter). */
function inRegion(region: string, byId: ReadonlyMap<string, GraphNode>, edges: readonly GraphEdge[]): Set<string> {
  const incoming = index(edges, "to");
  const regions = new Set([region]);
  const stack = [region];
  while (stack.length > 0) {
    for (const e of incoming.get(stack.pop()!) ?? []) {
      if (e.kind === "WITHIN" && !regions.has(e.from)) {
        regions.add(e.from);
        stack.push(e.from);
      }
    }
  }
  const found = new Set(regions);
  for (const e of edges) if (e.kind === "LOCATED_IN" && regions.has(e.to)) found.add(e.from);
  for (const e of edges) {
    if (e.kind === "SOURCED_FROM" && (regions.has(e.to) || (byId.get(e.to)?.kind === "Supplier" && found.has(e.to)))) found.add(e.from);
  }
  return found;
}

/** The part of a graph (nodes sorted by id, edges by key, as the store exports them) that the
 *  filter selects: matching nodes, the edges among them, and the documents their evidence cites. */
export function selectView(graph: InterchangeGraph, filter: ExportFilter): InterchangeGraph {
  if (isEmptyFilter(filter)) return graph;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const focus = filter.focus === undefined ? undefined : cone(requireNode(byId, filter.focus, "node"), index(graph.edges, "from"));
  const region = filter.region === undefined ? undefined : inRegion(requireNode(byId, filter.region, "region", "Region"), byId, graph.edges);
  const nodes = graph.nodes.filter(
    (n) =>
      (filter.kind === undefined || n.kind === filter.kind) &&
      (filter.category === undefined || n.category === filter.category) &&
      (filter.flag === undefined || n.flags.some((f) => f.flag === filter.flag)) &&
      (focus === undefined || focus.has(n.id)) &&
      (region === undefined || region.has(n.id)),
  );
  const kept = new Set(nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => kept.has(e.from) && kept.has(e.to));
  const cited = new Set<string>();
  const cite = (evidence: readonly Evidence[]) => evidence.forEach((e) => e.doc !== undefined && cited.add(e.doc));
  for (const n of nodes) {
    cite(n.evidence);
    n.flags.forEach((f) => cite(f.evidence));
  }
  edges.forEach((e) => cite(e.evidence));
  return { ...graph, documents: graph.documents.filter((d) => cited.has(d.id)), nodes, edges };
}
