import { EDGE_KINDS, longLivedInt32, NODE_KINDS, type EdgeKind, type GraphEdge, type GraphNode, type NodeKind, type SourceDocument } from "@chokepoint/graph-schema";
import type { EdgeRef } from "../../domain/graph-store";
import { edgeSortKey } from "./edge-sort-key";
import { IncidenceIndex } from "./incidence-index";
import { SortedKeys } from "./sorted-keys";
import type { StoredChange } from "./stored-change";

/** A stored node and its slot: a small integer the node keeps from insertion to deletion (a
 *  deleted node's slot goes to a later new node). */
interface NodeEntry {
  readonly node: GraphNode;
  readonly slot: number;
}

/** A stored edge and the slots of its endpoints (-1 for an endpoint that is no stored node, which
 *  only a damaged snapshot file could produce: writes are checked). */
interface EdgeEntry {
  readonly edge: GraphEdge;
  readonly from: number;
  readonly to: number;
}

/** The graph in export order, with every edge's endpoints as positions in `nodes` (-1 where an
 *  endpoint is no node), so that the analysis needs to hash no ids (see `state-snapshot.ts`). */
export interface SortedContent {
  readonly documents: SourceDocument[];
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
  readonly from: Int32Array;
  readonly to: Int32Array;
}

/**
 * The whole graph in memory: nodes by id, edges by sort key, documents by id, incident-edge
 * indexes and per-kind counts. Objects held here are frozen; a write replaces them. Mutated only
 * through `apply` and `load`, after the change is durable, and never fails part-way (every check
 * happened while planning the write).
 *
 * Why slots: an edge records its endpoints' slots when it is stored, so listing the graph with
 * every endpoint as a node position costs an array read per endpoint instead of a hash lookup of
 * its id (2.8 million of them in a 10^6-node graph).
 */
export class GraphState {
  private readonly nodeEntries = new Map<string, NodeEntry>();
  private readonly edgeEntries = new Map<string, EdgeEntry>();
  readonly documents = new Map<string, SourceDocument>();
  private readonly freeSlots: number[] = [];
  private slotCount = 0;
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

  node(id: string): GraphNode | undefined {
    return this.nodeEntries.get(id)?.node;
  }

  hasNode(id: string): boolean {
    return this.nodeEntries.has(id);
  }

  /** The edge with this sort key. */
  edge(key: string): GraphEdge | undefined {
    return this.edgeEntries.get(key)?.edge;
  }

  /** Every node, unordered. */
  *allNodes(): IterableIterator<GraphNode> {
    for (const e of this.nodeEntries.values()) yield e.node;
  }

  /** Every edge, unordered. */
  *allEdges(): IterableIterator<GraphEdge> {
    for (const e of this.edgeEntries.values()) yield e.edge;
  }

  sortedNodeIds(): readonly string[] {
    return this.nodeOrder.keys(() => this.nodeEntries.keys());
  }

  sortedEdgeKeys(): readonly string[] {
    return this.edgeOrder.keys(() => this.edgeEntries.keys());
  }

  /** Documents and nodes by id, edges by sort key, and the edges' endpoints as node positions. */
  sortedContent(): SortedContent {
    const documents = [...this.documents.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const ids = this.sortedNodeIds();
    const nodes = new Array<GraphNode>(ids.length);
    const position = new Int32Array(this.slotCount);
    for (let i = 0; i < ids.length; i++) {
      const entry = this.nodeEntries.get(ids[i]!)!;
      nodes[i] = entry.node;
      position[entry.slot] = i;
    }
    const keys = this.sortedEdgeKeys();
    const m = keys.length;
    const edges = new Array<GraphEdge>(m);
    const from = longLivedInt32(m);
    const to = longLivedInt32(m);
    for (let i = 0; i < m; i++) {
      const entry = this.edgeEntries.get(keys[i]!)!;
      edges[i] = entry.edge;
      from[i] = entry.from < 0 ? -1 : position[entry.from]!;
      to[i] = entry.to < 0 ? -1 : position[entry.to]!;
    }
    return { documents, nodes, edges, from, to };
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
    return this.edge(edgeSortKey(ref));
  }

  counts(): { nodes: Readonly<Record<NodeKind, number>>; edges: Readonly<Record<EdgeKind, number>> } {
    return { nodes: { ...this.nodeCounts }, edges: { ...this.edgeCounts } };
  }

  private putNode(node: GraphNode): void {
    const prior = this.nodeEntries.get(node.id);
    let slot: number;
    if (prior) {
      this.nodeCounts[prior.node.kind]--;
      slot = prior.slot;
    } else {
      this.nodeOrder.add(node.id);
      slot = this.freeSlots.pop() ?? this.slotCount++;
    }
    this.nodeEntries.set(node.id, { node, slot });
    this.nodeCounts[node.kind]++;
    if (!prior) this.resolveEndpoints(node.id);
  }

  /** Edges stored before their endpoint `id` existed (only a damaged snapshot file holds such
   *  edges: writes are checked) get the new node's slot. A new node normally has no edges yet. */
  private resolveEndpoints(id: string): void {
    // Called for every new node (10^6 while a large snapshot file loads), whose lists are almost
    // always empty: nothing is copied or allocated for them.
    for (const key of this.outgoingKeys(id)) this.resolveEdge(key);
    for (const key of this.incomingKeys(id)) this.resolveEdge(key);
  }

  /** Re-reads the slots of a stored edge's endpoints (the incidence lists are not changed). */
  private resolveEdge(key: string): void {
    const { edge } = this.edgeEntries.get(key)!;
    this.edgeEntries.set(key, { edge, from: this.slotOf(edge.from), to: this.slotOf(edge.to) });
  }

  /** The slot of a stored node, or -1. */
  private slotOf(id: string): number {
    return this.nodeEntries.get(id)?.slot ?? -1;
  }

  private putEdge(edge: GraphEdge, key = edgeSortKey(edge)): void {
    const prior = this.edgeEntries.get(key);
    if (prior) {
      this.edgeCounts[prior.edge.kind]--;
    } else {
      this.outgoing.add(edge.from, key);
      this.incoming.add(edge.to, key);
      this.edgeOrder.add(key);
    }
    this.edgeEntries.set(key, { edge, from: this.slotOf(edge.from), to: this.slotOf(edge.to) });
    this.edgeCounts[edge.kind]++;
  }

  private removeNode(id: string): number {
    const entry = this.nodeEntries.get(id);
    if (!entry) return 0;
    let removed = 0;
    for (const key of [...this.outgoingKeys(id), ...this.incomingKeys(id)]) if (this.removeEdge(key)) removed++;
    this.nodeEntries.delete(id);
    this.freeSlots.push(entry.slot);
    this.nodeCounts[entry.node.kind]--;
    this.nodeOrder.remove(id);
    return removed;
  }

  private removeEdge(key: string): boolean {
    const edge = this.edgeEntries.get(key)?.edge;
    if (!edge) return false;
    this.edgeEntries.delete(key);
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
