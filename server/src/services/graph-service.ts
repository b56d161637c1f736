import type { GraphCounts, GraphStore, NodeQuery, NodeWithEdges, Page } from "../domain/graph-store";
import type { GraphNode } from "@chokepoint/graph-schema";

/** Read access to the stored graph for the API: lookups, listing and counts. */
export class GraphService {
  constructor(private readonly store: GraphStore) {}

  node(id: string): Promise<NodeWithEdges | null> {
    return this.store.getNode(id);
  }

  nodes(query: NodeQuery): Promise<Page<GraphNode>> {
    return this.store.listNodes(query);
  }

  stats(): Promise<GraphCounts> {
    return this.store.counts();
  }
}
