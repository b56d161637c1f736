import { edgeKey, type GraphEdge, type GraphNode } from "@chokepoint/graph-schema";
import type { GraphSnapshot } from "../domain/graph-store";

/** Lookups over the stored graph that an import is checked and merged against. */
export interface StoreView {
  readonly version: number;
  readonly nodes: ReadonlyMap<string, GraphNode>;
  readonly edges: ReadonlyMap<string, GraphEdge>;
  readonly documents: ReadonlySet<string>;
  readonly allEdges: readonly GraphEdge[];
}

export function storeView(snapshot: GraphSnapshot): StoreView {
  const nodes = new Map<string, GraphNode>();
  for (const n of snapshot.nodes) nodes.set(n.id, n);
  const edges = new Map<string, GraphEdge>();
  for (const e of snapshot.edges) edges.set(edgeKey(e), e);
  return { version: snapshot.version, nodes, edges, documents: new Set(snapshot.documents.map((d) => d.id)), allEdges: snapshot.edges };
}
