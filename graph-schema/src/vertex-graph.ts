import type { EdgeKind } from "./kinds";
import { longLivedInt32, longLivedUint8 } from "./long-lived-arrays";
import type { IdTable } from "./id-table";
import type { NodeIndex } from "./node-index";
import type { GraphEdge } from "./types";

/** Edges as vertex numbers, for the reference checks. Nodes are vertices 0…nodeCount-1 (their index
 *  positions); ids no node has are numbered after them in order of first mention, so edges to a
 *  missing node still take part in the duplicate and cycle checks exactly as named ids do. */
export interface VertexGraph {
  readonly nodeCount: number;
  readonly vertexCount: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** kindIndex of each edge's kind. */
  readonly kind: Uint8Array;
  /** The edges grouped by source: those of vertex v are `order[start[v]…start[v+1]-1]`, in edge order. */
  readonly start: Int32Array;
  readonly order: Int32Array;
  idOf(vertex: number): string;
}

/**
 * Where each edge of a validated graph starts and ends, as positions in its node list, with the id
 * table that numbered the nodes: edge i goes from nodes[from[i]] to nodes[to[i]], and
 * ids.ids[p] === nodes[p].id. Validation resolves every endpoint anyway; handing the result on
 * saves the analysis from hashing millions of ids a second time.
 */
export interface EdgeEndpoints {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly ids: IdTable;
}

/** The edge kind's index in EDGE_KINDS (a switch: this runs per edge). */
export function kindIndex(kind: EdgeKind): number {
  switch (kind) {
    case "REQUIRES":
      return 0;
    case "SOURCED_FROM":
      return 1;
    case "LOCATED_IN":
      return 2;
    case "WITHIN":
      return 3;
  }
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
  private readonly kind: Uint8Array;
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
    this.kind = longLivedUint8(capacity);
  }

  add(edge: GraphEdge): void {
    if (this.count === this.from.length) throw new RangeError(`a VertexGraphBuilder made for ${this.from.length} edges`);
    const f = this.index.positionNear(edge.from, this.fromHint);
    const t = this.index.positionNear(edge.to, this.toHint);
    if (f !== undefined) this.fromHint = f;
    if (t !== undefined) this.toHint = t;
    this.from[this.count] = f ?? this.unknownVertex(edge.from);
    this.to[this.count] = t ?? this.unknownVertex(edge.to);
    this.kind[this.count] = kindIndex(edge.kind);
    this.count++;
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
      kind: this.kind.subarray(0, this.count),
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
