import { Query, Resolver } from "type-graphql";
import type { GraphService } from "../../services/graph-service";
import { Stats } from "../types/graph-types";

@Resolver()
export class StatsResolver {
  constructor(private readonly graph: GraphService) {}

  @Query(() => Stats, { description: "Node and edge counts by kind, and the data version" })
  async stats(): Promise<Stats> {
    const c = await this.graph.stats();
    const nodes = Object.entries(c.nodes).map(([kind, count]) => ({ kind, count }));
    const edges = Object.entries(c.edges).map(([kind, count]) => ({ kind, count }));
    return {
      version: c.version,
      nodeCount: nodes.reduce((s, k) => s + k.count, 0),
      edgeCount: edges.reduce((s, k) => s + k.count, 0),
      nodes,
      edges,
    };
  }
}
