import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GraphEdge, GraphNode } from "@chokepoint/graph-schema";
import type { GraphService } from "../../services/graph-service";
import type { RequestContext } from "../context";
import { EdgeType, NodeType } from "../types/graph-types";

@Resolver(() => EdgeType)
export class EdgeResolver {
  constructor(private readonly graph: GraphService) {}

  @FieldResolver(() => NodeType, { nullable: true, description: "The node the edge starts at" })
  fromNode(@Root() edge: GraphEdge, @Ctx() ctx: RequestContext): GraphNode | null | Promise<GraphNode | null> {
    return this.graph.within(ctx.reads, (g) => g.node(edge.from) ?? null);
  }

  @FieldResolver(() => NodeType, { nullable: true, description: "The node the edge points to" })
  toNode(@Root() edge: GraphEdge, @Ctx() ctx: RequestContext): GraphNode | null | Promise<GraphNode | null> {
    return this.graph.within(ctx.reads, (g) => g.node(edge.to) ?? null);
  }
}
