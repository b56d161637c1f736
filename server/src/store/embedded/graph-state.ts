import { EDGE_KINDS, NODE_KINDS, type EdgeKind, type GraphEdge, type GraphNode, type NodeKind, type SourceDocument } from "@chokepoint/graph-schema";
import type { EdgeRef } from "../../domain/graph-store";
import { edgeSortKey } from "./edge-sort-key";
import { IncidenceIndex } from "./incidence-index";
import { SortedKeys } from "./sorted-keys";
import type { StoredChange } from "./stored-change";

/**
 * The whole graph in memory: nodes by id, edges by sort key, documents by id, incident-edge
 * indexes and per-kind counts. Objects held here are frozen; a write replaces them. Mutated only
 * through `apply` and `load`, after the change is durable, and never fails part-way (every check
 * happened while planning the write).
 */
export class GraphState {
  readonly nodes = new Map<string, GraphNode>();
  readonly edges = new Map<string, GraphEdge>();
  readonly documents = new Map<string, SourceDocument>();
  private readonly outgoing = new IncidenceIndex();
  private readonly incoming = new IncidenceIndex();
  private readonly nodeOrder = new SortedKeys();
  private readonly edgeOrder = new SortedKeys();
  private readonly nodeCounts = zeroCounts(NODE_KINDS);
  private readonly edgeCounts = zeroCounts(EDGE_KINDS);
  private currentVersion = 0;

  get version(): number {
    return this.currentVersion;
  }

  /** Fills an empty state from a snapshot file. */
  load(content: { version: number; documents: readonly SourceDocument[]; nodes: readonly GraphNode[]; edges: readonly GraphEdge[] }): void {
    for (const d of content.documents) this.documents.set(d.id, d);
    for (const n of content.nodes) this.putNode(n);
    for (const e of content.edges) this.putEdge(e);
    this.currentVersion = content.version;
  }

  /** Applies a planned change and advances the version by one. Returns how many edges went,
   *  counting those removed with a deleted endpoint. `upsertEdgeKeys`, when the planner already
   *  built them, are the sort keys of `change.upsertEdges`. */
  apply(change: StoredChange, upsertEdgeKeys?: readonly string[]): { edgesDeleted: number } {
    let edgesDeleted = 0;
    for (const ref of change.deleteEdges) if (this.removeEdge(edgeSortKey(ref))) edgesDeleted++;
    for (const id of change.deleteNodes) edgesDeleted += this.removeNode(id);
    for (const d of change.upsertDocuments) this.documents.set(d.id, d);
    for (const n of change.upsertNodes) this.putNode(n);
    change.upsertEdges.forEach((e, i) => this.putEdge(e, upsertEdgeKeys?.[i]));
    this.currentVersion++;
    return { edgesDeleted };
  }

  sortedNodeIds(): readonly string[] {
    return this.nodeOrder.keys(() => this.nodes.keys());
  }

  sortedEdgeKeys(): readonly string[] {
    return this.edgeOrder.keys(() => this.edges.keys());
  }

  /** Sort keys of the edges leaving `id`, unordered. */
  outgoingKeys(id: string): Iterable<string> {
    return this.outgoing.keys(id);
  }

  /** Sort keys of the edges entering `id`, unordered. */
  incomingKeys(id: string): Iterable<string> {
    return this.incoming.keys(id);
  }

  edgeByRef(ref: EdgeRef): GraphEdge | undefined {
    return this.edges.get(edgeSortKey(ref));
  }

  counts(): { nodes: Readonly<Record<NodeKind, number>>; edges: Readonly<Record<EdgeKind, number>> } {
    return { nodes: { ...this.nodeCounts }, edges: { ...this.edgeCounts } };
  }

  private putNode(node: GraphNode): void {
    const prior = this.nodes.get(node.id);
    if (prior) this.nodeCounts[prior.kind]--;
    else this.nodeOrder.add(node.id);
    this.nodes.set(node.id, node);
    this.nodeCounts[node.kind]++;
  }

  private putEdge(edge: GraphEdge, key = edgeSortKey(edge)): void {
    const prior = this.edges.get(key);
    if (prior) {
      this.edgeCounts[prior.kind]--;
    } else {
      this.outgoing.add(edge.from, key);
      this.incoming.add(edge.to, key);
      this.edgeOrder.add(key);
    }
    this.edges.set(key, edge);
    this.edgeCounts[edge.kind]++;
  }

  private removeNode(id: string): number {
    const node = this.nodes.get(id);
    if (!node) return 0;
    let removed = 0;
    for (const key of [...this.outgoingKeys(id), ...this.incomingKeys(id)]) if (this.removeEdge(key)) removed++;
    this.nodes.delete(id);
    this.nodeCounts[node.kind]--;
    this.nodeOrder.remove(id);
    return removed;
  }

  private removeEdge(key: string): boolean {
    const edge = this.edges.get(key);
    if (!edge) return false;
    this.edges.delete(key);
    this.outgoing.remove(edge.from, key);
    this.incoming.remove(edge.to, key);
    this.edgeCounts[edge.kind]--;
    this.edgeOrder.remove(key);
    return true;
  }
}

function zeroCounts<K extends string>(kinds: readonly K[]): Record<K, number> {
  return Object.fromEntries(kinds.map((k) => [k, 0])) as Record<K, number>;
}
