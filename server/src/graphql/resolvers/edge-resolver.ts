import { FieldResolver, Resolver, Root } from "type-graphql";
import type { GraphEdge, GraphNode } from "@chokepoint/graph-schema";
import type { GraphService } from "../../services/graph-service";
import { EdgeType, NodeType } from "../types/graph-types";

@Resolver(() => EdgeType)
export class EdgeResolver {
  constructor(private readonly graph: GraphService) {}

  @FieldResolver(() => NodeType, { nullable: true, description: "The node the edge starts at" })
  async fromNode(@Root() edge: GraphEdge): Promise<GraphNode | null> {
    return (await this.graph.current()).node(edge.from) ?? null;
  }

  @FieldResolver(() => NodeType, { nullable: true, description: "The node the edge points to" })
  async toNode(@Root() edge: GraphEdge): Promise<GraphNode | null> {
    return (await this.graph.current()).node(edge.to) ?? null;
  }
}
