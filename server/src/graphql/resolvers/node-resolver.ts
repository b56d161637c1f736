import { Arg, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { GraphNode, NodeKind } from "@chokepoint/graph-schema";
import type { GraphService } from "../../services/graph-service";
import { NodeKindEnum } from "../enums";
import { AttrType, EdgeType, NodeConnection, NodeType } from "../types/graph-types";

@Resolver(() => NodeType)
export class NodeResolver {
  constructor(private readonly graph: GraphService) {}

  @Query(() => NodeType, { nullable: true, description: "One node by id, or null" })
  async node(@Arg("id", () => ID) id: string): Promise<GraphNode | null> {
    return (await this.graph.node(id))?.node ?? null;
  }

  @Query(() => NodeConnection, { description: "Nodes ordered by id, filtered, one page at a time (first ≤ 500)" })
  nodes(
    @Arg("kind", () => NodeKindEnum, { nullable: true }) kind?: NodeKind,
    @Arg("search", () => String, { nullable: true, description: "Substring of id, zh or en name, or alias" }) search?: string,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<NodeConnection> {
    return this.graph.nodes({ kind, search, first, after });
  }

  @FieldResolver(() => [AttrType])
  attrs(@Root() node: GraphNode): AttrType[] {
    return Object.entries(node.attrs).map(([key, value]) => ({ key, value }));
  }

  @FieldResolver(() => [EdgeType], { description: "Edges from this node: what it requires, where it is sourced or located" })
  async outgoing(@Root() node: GraphNode): Promise<readonly EdgeType[]> {
    return (await this.graph.node(node.id))?.outgoing ?? [];
  }

  @FieldResolver(() => [EdgeType], { description: "Edges into this node: who requires it, who is sourced or located here" })
  async incoming(@Root() node: GraphNode): Promise<readonly EdgeType[]> {
    return (await this.graph.node(node.id))?.incoming ?? [];
  }
}
