import type {
  Category,
  EdgeKind,
  Flag,
  GraphColumns,
  GraphEdge,
  GraphNode,
  InterchangeGraph,
  NodeKind,
  SourceDocument,
} from "@chokepoint/graph-schema";

/** Largest page any list call returns; larger requests fail with PAGE_TOO_LARGE. */
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

/** An edge is addressed by its endpoints and kind (at most one edge of a kind between two nodes). */
export interface EdgeRef {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
}

/** One atomic write. Applied in this order: delete edges, delete nodes (with their incident edges),
 *  upsert nodes, upsert edges. Either all of it becomes visible or none of it does. Upserts replace
 *  the whole stored object. */
export interface ChangeBatch {
  readonly upsertNodes?: readonly GraphNode[];
  readonly upsertEdges?: readonly GraphEdge[];
  readonly deleteNodes?: readonly string[];
  readonly deleteEdges?: readonly EdgeRef[];
  readonly upsertDocuments?: readonly SourceDocument[];
}

/** Counts are of stored objects that actually changed: an upsert equal to what is stored, or a
 *  delete of something absent, counts 0. `edgesDeleted` includes edges removed because an endpoint
 *  was deleted. */
export interface ApplyResult {
  /** The data version after the write (unchanged if the batch changed nothing). */
  readonly version: number;
  readonly nodesUpserted: number;
  readonly edgesUpserted: number;
  readonly nodesDeleted: number;
  readonly edgesDeleted: number;
}

export interface NodeQuery {
  readonly kind?: NodeKind;
  readonly category?: Category;
  readonly flag?: Flag;
  /** Case-insensitive substring of id, zh name, en name or an alias, compared in NFC. */
  readonly search?: string;
  /** 1..MAX_PAGE_SIZE, default DEFAULT_PAGE_SIZE. */
  readonly first?: number;
  /** Opaque cursor from a previous page's `endCursor`. */
  readonly after?: string;
}

export interface EdgeQuery {
  readonly kind?: EdgeKind;
  readonly from?: string;
  readonly to?: string;
  readonly first?: number;
  readonly after?: string;
}

/** Nodes are ordered by id, edges by (from, kind, to); cursors are opaque strings. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

export interface NodeWithEdges {
  readonly node: GraphNode;
  readonly outgoing: readonly GraphEdge[];
  readonly incoming: readonly GraphEdge[];
}

/** An immutable view of the whole graph at one data version, for the analysis engine. Arrays and
 *  the objects in them are frozen; the same version always yields equal content, in the export
 *  order (documents and nodes by id, edges by (from, kind, to)). */
export interface GraphSnapshot {
  readonly version: number;
  readonly documents: readonly SourceDocument[];
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** The same graph as columns (edge endpoints as node positions), when the store keeps its
   *  nodes numbered and can list them so without hashing ids: the analysis then hashes none. */
  readonly columns?: GraphColumns;
}

export interface GraphCounts {
  readonly version: number;
  readonly nodes: Readonly<Record<NodeKind, number>>;
  readonly edges: Readonly<Record<EdgeKind, number>>;
}

export interface ImportResult extends ApplyResult {
  /** Nodes and edges in the file that were already stored with the same content. */
  readonly unchanged: number;
}

export interface StoreHealth {
  readonly ok: boolean;
  /** A short, user-safe sentence (never a driver message, path or secret). */
  readonly detail: string;
}

/**
 * The storage port (DESIGN §3). Implemented by the embedded adapter and the Neo4j adapter, and
 * checked by one contract suite (tests/contract). Every method rejects with a `ChokepointError`
 * carrying a stable code: invalid data → VALIDATION_FAILED (with `problems`), unknown cursor or
 * argument → INVALID_ARGUMENT / PAGE_TOO_LARGE, edge to a missing node → VALIDATION_FAILED with an
 * EDGE_ENDPOINT_MISSING problem, store down → STORE_UNAVAILABLE / STORE_TIMEOUT, after close →
 * STORE_CLOSED. Adapter-specific errors never escape.
 */
export interface GraphStore {
  readonly kind: "embedded" | "neo4j";
  /** Current data version; changes on every write that changes data. */
  version(): Promise<number>;
  /** Atomic batch write, validated as a whole (shapes, endpoints, endpoint kinds — also of stored
   *  edges when a node changes kind) before anything is written. REQUIRES cycles are not rejected
   *  here: the analysis reports and breaks them. */
  apply(batch: ChangeBatch): Promise<ApplyResult>;
  getNode(id: string): Promise<NodeWithEdges | null>;
  listNodes(query?: NodeQuery): Promise<Page<GraphNode>>;
  listEdges(query?: EdgeQuery): Promise<Page<GraphEdge>>;
  counts(): Promise<GraphCounts>;
  snapshot(): Promise<GraphSnapshot>;
  /** Merges a validated interchange graph into the store, all-or-nothing. Importing the same graph
   *  twice changes nothing the second time (same version, `unchanged` = everything). */
  importGraph(graph: InterchangeGraph): Promise<ImportResult>;
  /** The whole stored graph as an interchange document (nodes by id, edges by key). */
  exportGraph(): Promise<InterchangeGraph>;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}
