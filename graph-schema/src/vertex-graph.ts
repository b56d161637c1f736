import type { KnownAttr } from "./kinds";
import { EdgeAttributeColumns } from "./edge-attributes";
import { longLivedInt32 } from "./long-lived-arrays";
import type { IdTable } from "./id-table";
import { NodeIndex } from "./node-index";
import type { GraphEdge, GraphNode } from "./types";

/** Edges as vertex numbers, for the reference checks. Nodes are vertices 0…nodeCount-1 (their index
 *  positions); ids no node has are numbered after them in order of first mention, so edges to a
 *  missing node still take part in the duplicate and cycle checks exactly as named ids do. */
export interface VertexGraph {
  readonly nodeCount: number;
  readonly vertexCount: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Each edge's kind as its index in EDGE_KINDS. */
  readonly kind: Uint8Array;
  /** The edges grouped by source: those of vertex v are `order[start[v]…start[v+1]-1]`, in edge order. */
  readonly start: Int32Array;
  readonly order: Int32Array;
  idOf(vertex: number): string;
}

/**
 * A validated graph as columns: node p is nodes[p] (positions numbered by `ids`, so
 * ids.ids[p] === nodes[p].id); edge i goes from nodes[from[i]] to nodes[to[i]]; and every field
 * the analysis engine reads is here too. Validation reads each item once anyway; recording these
 * while the object is at hand lets the engine build its graph from typed arrays alone, without
 * hashing millions of ids a second time or reading millions of objects scattered over the heap.
 */
export interface GraphColumns {
  /** Per node: its kind's index in NODE_KINDS. */
  readonly nodeKind: Uint8Array;
  /** Per node: its flags as FLAG_BITS. */
  readonly flags: Uint8Array;
  /** The known numeric attributes, by node position (only the nodes that have them). */
  readonly attrs: Readonly<Record<KnownAttr, ReadonlyMap<number, number>>>;
  /** True when every edge has been checked as validation checks it: both endpoints are nodes of
   *  kinds its edge kind allows, and it is no self-loop (the engine then skips those checks). */
  readonly checked: boolean;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly ids: IdTable;
  /** The edge kind's index in EDGE_KINDS. */
  readonly kind: Uint8Array;
  /** 1 where the edge's confidence is `stated`. */
  readonly stated: Uint8Array;
  /** 0, or 1 + the index in `groupNames` of the edge's alternatives group. */
  readonly group: Int32Array;
  readonly groupNames: readonly string[];
  /** `share` by edge index, for the edges that have one. */
  readonly shares: ReadonlyMap<number, number>;
}

/**
 * Builds a VertexGraph edge by edge, so that a reader can resolve each edge's endpoints while the
 * edge is at hand. Endpoints are looked up near the previous edge's (see NodeIndex.positionNear),
 * which in files that list a node's edges together saves most of the hash lookups.
 */
export class VertexGraphBuilder {
  private readonly unknown = new Map<string, number>();
  private readonly unknownIds: string[] = [];
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  private readonly attributes: EdgeAttributeColumns;
  private count = 0;
  private fromHint = -1;
  private toHint = -1;

  /** Room for `capacity` edges. */
  constructor(
    private readonly index: NodeIndex,
    capacity: number,
  ) {
    this.from = longLivedInt32(capacity);
    this.to = longLivedInt32(capacity);
    this.attributes = new EdgeAttributeColumns(capacity);
  }

  add(edge: GraphEdge): void {
    const f = this.index.positionNear(edge.from, this.fromHint);
    const t = this.index.positionNear(edge.to, this.toHint);
    this.push(edge, f ?? this.unknownVertex(edge.from), t ?? this.unknownVertex(edge.to));
  }

  /** Adds the edge when both its endpoints are nodes and returns true; otherwise adds nothing and
   *  returns false (then `add` numbers the missing ids). */
  addBetweenNodes(edge: GraphEdge): boolean {
    const f = this.index.positionNear(edge.from, this.fromHint);
    if (f === undefined) return false;
    const t = this.index.positionNear(edge.to, this.toHint);
    if (t === undefined) return false;
    this.push(edge, f, t);
    return true;
  }

  private push(edge: GraphEdge, from: number, to: number): void {
    const i = this.count;
    if (i === this.from.length) throw new RangeError(`a VertexGraphBuilder made for ${this.from.length} edges`);
    if (from < this.index.size) this.fromHint = from;
    if (to < this.index.size) this.toHint = to;
    this.from[i] = from;
    this.to[i] = to;
    this.attributes.setFrom(i, edge);
    this.count = i + 1;
  }

  /** Ids met as endpoints that are no node's. */
  get unknownCount(): number {
    return this.unknownIds.length;
  }

  /** The nodes and the edges added so far as columns; only meaningful when every endpoint was a
   *  node. `checked`: the caller has checked every edge as validation does (see GraphColumns). */
  columns(checked: boolean): GraphColumns {
    const n = this.count;
    return {
      ...this.index.nodeColumns(),
      ...this.attributes.columns(n),
      from: this.from.subarray(0, n),
      to: this.to.subarray(0, n),
      ids: this.index.idTable,
      checked,
    };
  }

  finish(): VertexGraph {
    const nodeCount = this.index.size;
    const vertexCount = nodeCount + this.unknownIds.length;
    const from = this.from.subarray(0, this.count);
    const { index, unknownIds } = this;
    return {
      nodeCount,
      vertexCount,
      from,
      to: this.to.subarray(0, this.count),
      kind: this.attributes.kind.subarray(0, this.count),
      ...groupBySource(from, vertexCount),
      idOf: (v) => (v < nodeCount ? index.idAt(v) : unknownIds[v - nodeCount]!),
    };
  }

  private unknownVertex(id: string): number {
    const known = this.unknown.get(id);
    if (known !== undefined) return known;
    const v = this.index.size + this.unknownIds.length;
    this.unknown.set(id, v);
    this.unknownIds.push(id);
    return v;
  }
}

/**
 * The columns of a graph that is already known to be valid (a store snapshot, which was validated
 * as it was written), or undefined when it is not: an id repeats or an endpoint is no node.
 */
export function graphColumns(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): GraphColumns | undefined {
  const index = new NodeIndex(nodes.length);
  for (const node of nodes) if (index.add(node.id, node) !== -1) return undefined;
  const builder = new VertexGraphBuilder(index, edges.length);
  for (const e of edges) builder.add(e);
  return builder.unknownCount === 0 ? builder.columns(false) : undefined;
}

/**
 * The columns of a graph whose store has resolved every edge's endpoints to node positions already
 * (`from`, `to`; -1 for an endpoint that is no node), or undefined when an id repeats. Hashes each
 * node id once, for the id table, and no endpoint. `checked` (see GraphColumns) only when the
 * store checked every edge as validation does when it was written, and every endpoint resolved.
 */
export function resolvedGraphColumns(nodes: readonly GraphNode[], edges: readonly GraphEdge[], from: Int32Array, to: Int32Array, checked: boolean): GraphColumns | undefined {
  if (from.length !== edges.length || to.length !== edges.length) throw new RangeError("one endpoint position per edge");
  const index = new NodeIndex(nodes.length);
  for (const node of nodes) if (index.add(node.id, node) !== -1) return undefined;
  const attributes = new EdgeAttributeColumns(edges.length);
  for (let i = 0; i < edges.length; i++) attributes.setFrom(i, edges[i]!);
  return { ...index.nodeColumns(), ...attributes.columns(edges.length), from, to, ids: index.idTable, checked: checked && !from.includes(-1) && !to.includes(-1) };
}

/** Edges between the nodes of `index` (every endpoint a node position), as a VertexGraph. */
export function vertexGraphOfNodes(index: NodeIndex, from: Int32Array, to: Int32Array, kind: Uint8Array): VertexGraph {
  const nodeCount = index.size;
  return { nodeCount, vertexCount: nodeCount, from, to, kind, ...groupBySource(from, nodeCount), idOf: (v) => index.idAt(v) };
}

/** All edges of a list, as a VertexGraph. */
export function vertexGraph(index: NodeIndex, edges: readonly GraphEdge[]): VertexGraph {
  const builder = new VertexGraphBuilder(index, edges.length);
  for (const e of edges) builder.add(e);
  return builder.finish();
}

/** A stable counting sort of the edges by source. `start` first counts each source's edges, then
 *  holds where each group ends, and after edges are placed backwards, where each group begins. */
function groupBySource(from: Int32Array, vertexCount: number): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(vertexCount + 1);
  for (let i = 0; i < from.length; i++) start[from[i]!]!++;
  for (let v = 1; v <= vertexCount; v++) start[v]! += start[v - 1]!;
  const order = new Int32Array(from.length);
  for (let i = from.length - 1; i >= 0; i--) order[--start[from[i]!]!] = i;
  return { start, order };
}
