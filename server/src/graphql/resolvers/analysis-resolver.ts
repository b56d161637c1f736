import { Arg, Args, ID, Int, Mutation, Query, Resolver, UseMiddleware } from "type-graphql";
import type { AnalysisService, SandboxRequest } from "../../services/analysis-service";
import { EditorOnly } from "../editor-only";
import {
  ArticulationType,
  ConcentrationType,
  CriticalityRankingType,
  CutSetResultType,
  FindingType,
  ProductSpofsType,
  RiskScoreType,
  SandboxArgs,
  SandboxResultType,
  ScenarioResultType,
  SingleRegionType,
  SoleSourceType,
} from "../types/analysis-types";
import type { ScenarioResult } from "../../analysis/scenario";

/** The scenario's per-kind counts as a list (GraphQL has no maps). */
function scenarioOut(r: ScenarioResult): ScenarioResultType {
  return { ...r, unavailable: Object.entries(r.unavailable).map(([kind, count]) => ({ kind: kind as never, count })) };
}

@Resolver()
export class AnalysisResolver {
  constructor(private readonly analysis: AnalysisService) {}

  @Query(() => ProductSpofsType, { description: "Single points of failure of a product (exact, DESIGN §2), each with a proof path" })
  spofs(@Arg("productId", () => ID) productId: string): Promise<ProductSpofsType> {
    return this.analysis.spofs(productId);
  }

  @Query(() => CutSetResultType, { description: "Pairs of nodes, neither a SPOF, whose joint failure disables the product" })
  cutSets(
    @Arg("productId", () => ID) productId: string,
    @Arg("order", () => Int, { defaultValue: 2 }) order: number,
    @Arg("limit", () => Int, { nullable: true, defaultValue: 50, description: "At most 500" }) limit?: number,
  ): Promise<CutSetResultType> {
    return this.analysis.cutSets(productId, order, limit);
  }

  @Query(() => ScenarioResultType, { description: "Fail any set of nodes (suppliers, regions, parts): every disabled product with a shortest explanation and time to survive vs recover" })
  async scenario(@Arg("fail", () => [ID]) fail: string[]): Promise<ScenarioResultType> {
    return scenarioOut(await this.analysis.scenario(fail));
  }

  @Query(() => CriticalityRankingType, { description: "Nodes ranked by the products (or annual value) for which they are a SPOF" })
  criticality(@Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first?: number): Promise<CriticalityRankingType> {
    return this.analysis.criticality(first);
  }

  @Query(() => ConcentrationType, { nullable: true, description: "Source concentration of one item (null when it has no sources)" })
  concentration(@Arg("id", () => ID) id: string): Promise<ConcentrationType | null> {
    return this.analysis.concentrationOf(id);
  }

  @Query(() => [ConcentrationType], { description: "Items ranked by source concentration (HHI over regions), highest first" })
  concentrationRanking(@Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first?: number): Promise<ConcentrationType[]> {
    return this.analysis.concentrationRanking(first);
  }

  @Query(() => [ID], { description: "Items with neither sources nor requirements: supply unknown (not 'safe')" })
  mappingGaps(): Promise<string[]> {
    return this.analysis.mappingGaps();
  }

  @Query(() => [SoleSourceType], { description: "Items with exactly one source" })
  soleSource(): Promise<SoleSourceType[]> {
    return this.analysis.soleSource();
  }

  @Query(() => [SingleRegionType], { description: "Items with several sources that all lie in one region" })
  singleRegion(): Promise<SingleRegionType[]> {
    return this.analysis.singleRegion();
  }

  @Query(() => RiskScoreType, { description: "A node's risk score with its breakdown" })
  riskScore(@Arg("id", () => ID) id: string): Promise<RiskScoreType> {
    return this.analysis.riskScore(id);
  }

  @Query(() => [RiskScoreType], { description: "Highest risk scores first, each with its breakdown" })
  riskRanking(@Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first?: number): Promise<RiskScoreType[]> {
    return this.analysis.riskRanking(first);
  }

  @Query(() => ArticulationType, { description: "Secondary fragility lens (undirected articulation points); not SPOFs" })
  articulationPoints(): Promise<ArticulationType> {
    return this.analysis.articulationPoints();
  }

  @Query(() => [FindingType], { description: "Data findings: REQUIRES cycles broken for analysis, unusable edges" })
  findings(): Promise<readonly FindingType[]> {
    return this.analysis.findings();
  }

  @Query(() => SandboxResultType, {
    description: "Mitigation what-if: SPOFs (and optionally a scenario) as if alternate sources were added and nodes removed. Never touches stored data, so readers may use it.",
  })
  sandbox(@Args(() => SandboxArgs) args: SandboxArgs): Promise<SandboxResultType> {
    return this.runSandbox(args);
  }

  @Mutation(() => SandboxResultType, {
    name: "sandbox",
    description:
      "The mitigation sandbox as a mutation (editor token required): the same arguments and answer as `Query.sandbox`, for clients that send what-ifs with their edits. It never touches stored data either.",
  })
  @UseMiddleware(EditorOnly)
  sandboxMutation(@Args(() => SandboxArgs) args: SandboxArgs): Promise<SandboxResultType> {
    return this.runSandbox(args);
  }

  /** Both sandbox fields: one service call, the scenario's counts as a list. */
  private async runSandbox({ addSources, removeNodes, productIds, fail }: SandboxArgs): Promise<SandboxResultType> {
    const request: SandboxRequest = { addSources, removeNodes, ...(productIds && { productIds }), ...(fail && { fail }) };
    const r = await this.analysis.sandbox(request);
    return { ...r, scenario: r.scenario && scenarioOut(r.scenario) };
  }
}
