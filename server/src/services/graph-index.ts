import { ChokepointError, edgeKey, normalizeText, type Category, type Flag, type GraphEdge, type GraphNode, type NodeKind, type SourceDocument } from "@chokepoint/graph-schema";
import { MAX_PAGE_SIZE, type GraphSnapshot } from "../domain/graph-store";

export interface NodeFilter {
  readonly kind?: NodeKind;
  readonly category?: Category;
  readonly flag?: Flag;
  /** A region id: suppliers located in it (or in a region within it), items sourced from it, regions within it. */
  readonly region?: string;
  readonly search?: string;
}

export interface RankedPage {
  readonly items: readonly GraphNode[];
  readonly totalCount: number;
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

export interface Subgraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** True when the depth bound cut off nodes that exist further away. */
  readonly truncated: boolean;
}

/** How well a node matches a search: lower is better; undefined = no match. */
function matchRank(node: GraphNode, needle: string): number | undefined {
  const fields: string[] = [node.id, node.name.zh ?? "", node.name.en?.toLowerCase() ?? "", ...node.aliases.map((a) => a.toLowerCase())];
  let best: number | undefined;
  for (const f of fields) {
    if (f === "") continue;
    const r = f === needle ? 0 : f.startsWith(needle) ? 1 : f.includes(needle) ? 2 : undefined;
    if (r !== undefined && (best === undefined || r < best)) best = r;
  }
  return best;
}

const CURSOR_PREFIX = "o:";

function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, "utf8").toString("base64url");
}

function decodeCursor(cursor: string): number {
  const raw = Buffer.from(cursor, "base64url").toString("utf8");
  const n = Number(raw.slice(CURSOR_PREFIX.length));
  if (!raw.startsWith(CURSOR_PREFIX) || !Number.isSafeInteger(n) || n < 0) throw new ChokepointError("INVALID_ARGUMENT", "`after` is not a cursor this server issued");
  return n;
}

/** Checks a requested page size against the hard maximum. */
export function pageSize(first: number | undefined, fallback = 50): number {
  const n = first ?? fallback;
  if (!Number.isSafeInteger(n) || n < 1) throw new ChokepointError("INVALID_ARGUMENT", "`first` must be a positive whole number");
  if (n > MAX_PAGE_SIZE) throw new ChokepointError("PAGE_TOO_LARGE", `\`first\` is at most ${MAX_PAGE_SIZE}`);
  return n;
}

/**
 * An in-memory index over one snapshot, for the API's lookups: nodes by id, incident edges,
 * ranked search, filters and bounded neighbourhood subgraphs. Built once per data version.
 */
export class GraphIndex {
  readonly snapshot: GraphSnapshot;
  readonly version: number;
  readonly documents: readonly SourceDocument[];
  private readonly byId = new Map<string, GraphNode>();
  private readonly out = new Map<string, GraphEdge[]>();
  private readonly in = new Map<string, GraphEdge[]>();
  private readonly edgesByKey = new Map<string, GraphEdge>();
  private readonly sorted: readonly GraphNode[];

  constructor(snapshot: GraphSnapshot) {
    this.snapshot = snapshot;
    this.version = snapshot.version;
    this.documents = snapshot.documents;
    for (const n of snapshot.nodes) this.byId.set(n.id, n);
    for (const e of snapshot.edges) {
      this.edgesByKey.set(edgeKey(e), e);
      push(this.out, e.from, e);
      push(this.in, e.to, e);
    }
    this.sorted = [...snapshot.nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  node(id: string): GraphNode | undefined {
    return this.byId.get(id);
  }

  edge(from: string, kind: GraphEdge["kind"], to: string): GraphEdge | undefined {
    return this.edgesByKey.get(edgeKey({ from, kind, to }));
  }

  outgoing(id: string): readonly GraphEdge[] {
    return this.out.get(id) ?? [];
  }

  incoming(id: string): readonly GraphEdge[] {
    return this.in.get(id) ?? [];
  }

  get size(): number {
    return this.byId.size;
  }

  /** Regions at or inside `region` (following WITHIN downwards). */
  regionsWithin(region: string): Set<string> {
    const found = new Set<string>([region]);
    const queue = [region];
    while (queue.length > 0) {
      const r = queue.pop()!;
      for (const e of this.incoming(r)) {
        if (e.kind === "WITHIN" && !found.has(e.from)) {
          found.add(e.from);
          queue.push(e.from);
        }
      }
    }
    return found;
  }

  private inRegion(node: GraphNode, regions: ReadonlySet<string>): boolean {
    if (node.kind === "Region") return regions.has(node.id);
    if (node.kind === "Supplier") return this.outgoing(node.id).some((e) => e.kind === "LOCATED_IN" && regions.has(e.to));
    return this.outgoing(node.id).some(
      (e) => e.kind === "SOURCED_FROM" && (regions.has(e.to) || (this.byId.get(e.to)?.kind === "Supplier" && this.inRegion(this.byId.get(e.to)!, regions))),
    );
  }

  /** Filtered nodes; with `search`, ranked (exact, then prefix, then substring; ties by id). */
  find(filter: NodeFilter, first: number | undefined, after: string | undefined): RankedPage {
    const size = pageSize(first);
    const offset = after === undefined || after === null ? 0 : decodeCursor(after);
    if (filter.region !== undefined && this.byId.get(filter.region)?.kind !== "Region") {
      throw new ChokepointError("UNKNOWN_NODE", `no region with id "${filter.region}"`);
    }
    const regions = filter.region !== undefined ? this.regionsWithin(filter.region) : undefined;
    const needle = filter.search === undefined ? "" : normalizeText(filter.search).toLowerCase();
    const ranked: { node: GraphNode; rank: number }[] = [];
    for (const node of this.sorted) {
      if (filter.kind && node.kind !== filter.kind) continue;
      if (filter.category && node.category !== filter.category) continue;
      if (filter.flag && !node.flags.some((f) => f.flag === filter.flag)) continue;
      if (regions && !this.inRegion(node, regions)) continue;
      const rank = needle === "" ? 0 : matchRank(node, needle);
      if (rank === undefined) continue;
      ranked.push({ node, rank });
    }
    // Array.prototype.sort is stable, so equal ranks keep id order.
    if (needle !== "") ranked.sort((a, b) => a.rank - b.rank);
    const items = ranked.slice(offset, offset + size).map((r) => r.node);
    const end = offset + items.length;
    return { items, totalCount: ranked.length, endCursor: items.length > 0 ? encodeCursor(end) : null, hasNextPage: end < ranked.length };
  }

  /** The whole graph, or its first `maxNodes` nodes (by id) and the edges among them. */
  whole(maxNodes: number): Subgraph {
    const nodes = this.sorted.length <= maxNodes ? this.sorted : this.sorted.slice(0, maxNodes);
    if (nodes === this.sorted) return { nodes, edges: this.snapshot.edges, truncated: false };
    const kept = new Set(nodes.map((n) => n.id));
    return { nodes, edges: this.snapshot.edges.filter((e) => kept.has(e.from) && kept.has(e.to)), truncated: true };
  }

  /**
   * The subgraph reachable from `id` within `depth` steps: downwards (what it needs: REQUIRES,
   * SOURCED_FROM, LOCATED_IN, WITHIN) or upwards (who needs it). Capped at `maxNodes`.
   */
  neighbourhood(id: string, direction: "down" | "up", depth: number, maxNodes: number): Subgraph {
    if (!this.byId.has(id)) throw new ChokepointError("UNKNOWN_NODE", `no node with id "${id}"`);
    const seen = new Set<string>([id]);
    const edges = new Map<string, GraphEdge>();
    let frontier = [id];
    let truncated = false;
    for (let level = 0; level < depth && frontier.length > 0; level++) {
      const next: string[] = [];
      for (const n of frontier) {
        for (const e of direction === "down" ? this.outgoing(n) : this.incoming(n)) {
          const other = direction === "down" ? e.to : e.from;
          if (!seen.has(other)) {
            if (seen.size >= maxNodes) {
              truncated = true;
              continue;
            }
            seen.add(other);
            next.push(other);
          }
          edges.set(edgeKey(e), e);
        }
      }
      frontier = next;
    }
    if (!truncated) {
      truncated = frontier.some((n) => (direction === "down" ? this.outgoing(n) : this.incoming(n)).some((e) => !seen.has(direction === "down" ? e.to : e.from)));
    }
    return { nodes: [...seen].map((n) => this.byId.get(n)!), edges: [...edges.values()], truncated };
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
