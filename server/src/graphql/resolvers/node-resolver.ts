import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { isCategory, ChokepointError, type Category, type Flag, type GraphEdge, type GraphNode, type NodeKind } from "@chokepoint/graph-schema";
import type { GraphService } from "../../services/graph-service";
import type { RequestContext } from "../context";
import { FlagEnum, NodeKindEnum } from "../enums";
import { AttrType, EdgeType, NodeConnection, NodeType, Subgraph } from "../types/graph-types";

function categoryArg(category: string | undefined): Category | undefined {
  if (category === undefined || category === null) return undefined;
  if (!isCategory(category)) throw new ChokepointError("INVALID_ARGUMENT", `unknown category "${category.slice(0, 40)}"`);
  return category;
}

@Resolver(() => NodeType)
export class NodeResolver {
  constructor(private readonly graph: GraphService) {}

  @Query(() => NodeType, { nullable: true, description: "One node by id, or null" })
  node(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): GraphNode | null | Promise<GraphNode | null> {
    return this.graph.within(ctx.reads, (g) => g.node(id) ?? null);
  }

  @Query(() => NodeConnection, {
    description: "Nodes, filtered; with `search`, ranked (exact, prefix, then substring match of id, zh or en name, or alias); one page at a time (first ≤ 500)",
  })
  nodes(
    @Arg("kind", () => NodeKindEnum, { nullable: true }) kind?: NodeKind,
    @Arg("category", () => String, { nullable: true }) category?: string,
    @Arg("flag", () => FlagEnum, { nullable: true }) flag?: Flag,
    @Arg("region", () => ID, { nullable: true, description: "Suppliers in, items sourced from, or regions within this region" }) region?: string,
    @Arg("search", () => String, { nullable: true }) search?: string,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<NodeConnection> {
    // GraphQL sends explicit nulls for omitted nullable arguments; the service expects absent ones.
    const filter = { kind: kind ?? undefined, category: categoryArg(category), flag: flag ?? undefined, region: region ?? undefined, search: search ?? undefined };
    return this.graph.nodes(filter, first ?? undefined, after ?? undefined);
  }

  @Query(() => Subgraph, { name: "graph", description: "The whole graph for the map, up to maxNodes nodes (by id) and the edges among them; `truncated` says when more exist" })
  wholeGraph(@Arg("maxNodes", () => Int, { defaultValue: 5000, description: "At most 20000" }) maxNodes: number): Promise<Subgraph> {
    return this.graph.whole(maxNodes);
  }

  @Query(() => Subgraph, { description: "What a node needs, down to `depth` steps (1–10): requirements, sources, locations, enclosing regions" })
  dependencies(@Arg("id", () => ID) id: string, @Arg("depth", () => Int, { defaultValue: 3 }) depth: number): Promise<Subgraph> {
    return this.graph.dependencies(id, depth);
  }

  @Query(() => Subgraph, { description: "Who needs a node, up to `depth` steps (1–10)" })
  dependents(@Arg("id", () => ID) id: string, @Arg("depth", () => Int, { defaultValue: 3 }) depth: number): Promise<Subgraph> {
    return this.graph.dependents(id, depth);
  }

  @FieldResolver(() => [AttrType])
  attrs(@Root() node: GraphNode): AttrType[] {
    return Object.entries(node.attrs).map(([key, value]) => ({ key, value }));
  }

  @FieldResolver(() => [EdgeType], { description: "Edges from this node: what it requires, where it is sourced or located" })
  outgoing(@Root() node: GraphNode, @Ctx() ctx: RequestContext): readonly GraphEdge[] | Promise<readonly GraphEdge[]> {
    return this.graph.within(ctx.reads, (g) => g.outgoing(node.id));
  }

  @FieldResolver(() => [EdgeType], { description: "Edges into this node: who requires it, who is sourced or located here" })
  incoming(@Root() node: GraphNode, @Ctx() ctx: RequestContext): readonly GraphEdge[] | Promise<readonly GraphEdge[]> {
    return this.graph.within(ctx.reads, (g) => g.incoming(node.id));
  }
}
