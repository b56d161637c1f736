import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GraphNode } from "@chokepoint/graph-schema";
import type { GraphService } from "../../services/graph-service";
import type { RequestContext } from "../context";
import { CriticalityEntryType, DisabledProductType, ProductSpofsType, SpofVerdictType } from "../types/analysis-types";
import { NodeType } from "../types/graph-types";

/** Analysis answers carry ids; these resolve the full node on demand, from the same snapshot index. */

@Resolver(() => SpofVerdictType)
export class SpofVerdictLinks {
  constructor(private readonly graph: GraphService) {}
  @FieldResolver(() => NodeType, { nullable: true })
  node(@Root() v: SpofVerdictType, @Ctx() ctx: RequestContext): GraphNode | null | Promise<GraphNode | null> {
    return this.graph.within(ctx.reads, (g) => g.node(v.id) ?? null);
  }
}

@Resolver(() => ProductSpofsType)
export class ProductSpofsLinks {
  constructor(private readonly graph: GraphService) {}
  @FieldResolver(() => NodeType, { nullable: true })
  productNode(@Root() p: ProductSpofsType, @Ctx() ctx: RequestContext): GraphNode | null | Promise<GraphNode | null> {
    return this.graph.within(ctx.reads, (g) => g.node(p.product) ?? null);
  }
}

@Resolver(() => DisabledProductType)
export class DisabledProductLinks {
  constructor(private readonly graph: GraphService) {}
  @FieldResolver(() => NodeType, { nullable: true })
  node(@Root() d: DisabledProductType, @Ctx() ctx: RequestContext): GraphNode | null | Promise<GraphNode | null> {
    return this.graph.within(ctx.reads, (g) => g.node(d.id) ?? null);
  }
}

@Resolver(() => CriticalityEntryType)
export class CriticalityLinks {
  constructor(private readonly graph: GraphService) {}
  @FieldResolver(() => NodeType, { nullable: true })
  node(@Root() c: CriticalityEntryType, @Ctx() ctx: RequestContext): GraphNode | null | Promise<GraphNode | null> {
    return this.graph.within(ctx.reads, (g) => g.node(c.id) ?? null);
  }
}
