import { FieldResolver, Float, Int, Resolver, Root } from "type-graphql";
import type { GraphNode } from "@chokepoint/graph-schema";
import type { AnalysisService } from "../../services/analysis-service";
import { NodeType } from "../types/graph-types";

/** Per-node analysis fields, so a map can colour every node without one query per node. */
@Resolver(() => NodeType)
export class NodeRiskResolver {
  constructor(private readonly analysis: AnalysisService) {}

  @FieldResolver(() => Float, { description: "Risk score in [0, 1]; the breakdown is `riskScore(id)`" })
  async risk(@Root() node: GraphNode): Promise<number> {
    return (await this.analysis.nodeMetrics(node.id)).risk;
  }

  @FieldResolver(() => Int, { description: "How many products this node is a single point of failure of" })
  async spofOf(@Root() node: GraphNode): Promise<number> {
    return (await this.analysis.nodeMetrics(node.id)).spofOf;
  }

  @FieldResolver(() => Boolean, { description: "An item with neither sources nor requirements: its supply is unknown" })
  async mappingGap(@Root() node: GraphNode): Promise<boolean> {
    return (await this.analysis.nodeMetrics(node.id)).mappingGap;
  }
}
