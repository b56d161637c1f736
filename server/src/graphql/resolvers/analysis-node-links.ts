import { FieldResolver, Resolver, Root } from "type-graphql";
import type { GraphNode } from "@chokepoint/graph-schema";
import type { GraphService } from "../../services/graph-service";
import { CriticalityEntryType, DisabledProductType, ProductSpofsType, SpofVerdictType } from "../types/analysis-types";
import { NodeType } from "../types/graph-types";

/** Analysis answers carry ids; these resolve the full node on demand, from the same snapshot index. */

@Resolver(() => SpofVerdictType)
export class SpofVerdictLinks {
  constructor(private readonly graph: GraphService) {}
  @FieldResolver(() => NodeType, { nullable: true })
  node(@Root() v: SpofVerdictType): Promise<GraphNode | null> {
    return this.graph.node(v.id);
  }
}

@Resolver(() => ProductSpofsType)
export class ProductSpofsLinks {
  constructor(private readonly graph: GraphService) {}
  @FieldResolver(() => NodeType, { nullable: true })
  productNode(@Root() p: ProductSpofsType): Promise<GraphNode | null> {
    return this.graph.node(p.product);
  }
}

@Resolver(() => DisabledProductType)
export class DisabledProductLinks {
  constructor(private readonly graph: GraphService) {}
  @FieldResolver(() => NodeType, { nullable: true })
  node(@Root() d: DisabledProductType): Promise<GraphNode | null> {
    return this.graph.node(d.id);
  }
}

@Resolver(() => CriticalityEntryType)
export class CriticalityLinks {
  constructor(private readonly graph: GraphService) {}
  @FieldResolver(() => NodeType, { nullable: true })
  node(@Root() c: CriticalityEntryType): Promise<GraphNode | null> {
    return this.graph.node(c.id);
  }
}
