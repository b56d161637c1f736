import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import type { EdgeKind, NodeKind } from "@chokepoint/graph-schema";
import { EdgeKindEnum, NodeKindEnum } from "../enums";
import { NodeType } from "./graph-types";

/** GraphQL shapes of the engine's answers. Every verdict carries its reasons and whether it rests
 *  on a non-stated edge (`inferred`), so the UI can show *why* and how sure. */

@ObjectType({ description: "One link of an explanation: why `from` falls when `to` falls" })
export class StepType {
  @Field(() => ID) from!: string;
  @Field(() => ID) to!: string;
  @Field(() => EdgeKindEnum) edge!: EdgeKind;
  @Field(() => String, { description: "requires (sole requirement), group (all alternatives gone), sources (every source gone), located-in, within" }) rule!: string;
  @Field(() => [ID], { nullable: true, description: "For groups and source sets: every member, all of them gone" }) members?: readonly string[];
  @Field(() => String, { nullable: true }) group?: string;
  @Field(() => Boolean, { description: "Whether the edge is stated by a document" }) stated!: boolean;
  @Field(() => String, { description: "The reason as a sentence" }) text!: string;
}

@ObjectType({ description: "A single point of failure of a product, with its proof" })
export class SpofVerdictType {
  @Field(() => ID) id!: string;
  @Field(() => NodeKindEnum) kind!: NodeKind;
  @Field(() => NodeType, { nullable: true }) node?: NodeType;
  @Field(() => [ID], { description: "Proof path: product → … → this node" }) path!: readonly string[];
  @Field(() => [StepType]) steps!: readonly StepType[];
  @Field(() => Boolean, { description: "True when no proof uses only stated edges" }) inferred!: boolean;
}

@ObjectType()
export class ConeCoverageType {
  @Field(() => Int, { description: "Items the product depends on, itself included" }) items!: number;
  @Field(() => [ID], { description: "Of those, items whose supply is unknown (no sources, no requirements)" }) gaps!: readonly string[];
}

@ObjectType({ description: "The SPOFs of one product. An empty list with many gaps means 'not mapped', not 'safe'." })
export class ProductSpofsType {
  @Field(() => ID) product!: string;
  @Field(() => NodeType, { nullable: true }) productNode?: NodeType;
  @Field(() => [SpofVerdictType]) spofs!: readonly SpofVerdictType[];
  @Field(() => Boolean) inferred!: boolean;
  @Field(() => ConeCoverageType) coverage!: ConeCoverageType;
}

@ObjectType()
export class CutMemberType {
  @Field(() => ID) id!: string;
  @Field(() => [ID], { description: "Which of the pair takes this member down" }) disabledBy!: readonly string[];
}

@ObjectType({ description: "Two nodes, neither a SPOF, whose joint failure disables the product" })
export class CutPairType {
  @Field(() => [ID]) ids!: readonly string[];
  @Field(() => [NodeKindEnum]) kinds!: readonly NodeKind[];
  @Field(() => ID, { description: "Where the two failures meet" }) at!: string;
  @Field(() => [ID]) path!: readonly string[];
  @Field(() => String, { description: "sources or group" }) rule!: string;
  @Field(() => String, { nullable: true }) group?: string;
  @Field(() => [CutMemberType]) members!: readonly CutMemberType[];
  @Field(() => Boolean) inferred!: boolean;
  @Field(() => String) text!: string;
}

@ObjectType()
export class CutSetResultType {
  @Field(() => ID) product!: string;
  @Field(() => Int) order!: number;
  @Field(() => Int) limit!: number;
  @Field(() => [CutPairType]) pairs!: readonly CutPairType[];
  @Field(() => Boolean, { description: "More pairs exist than `limit`" }) truncated!: boolean;
  @Field(() => Int) coneSize!: number;
}

@ObjectType()
export class TimeToSurviveType {
  @Field(() => Float, { nullable: true, description: "Days the product keeps going (inventoryDays)" }) surviveDays!: number | null;
  @Field(() => Float, { nullable: true, description: "Days until supply recovers (largest recoveryDays on the explanation)" }) recoverDays!: number | null;
  @Field(() => Boolean, { nullable: true, description: "survive < recover" }) exposed!: boolean | null;
  @Field(() => Float, { nullable: true }) gapDays!: number | null;
}

@ObjectType()
export class DisabledProductType {
  @Field(() => ID) id!: string;
  @Field(() => NodeType, { nullable: true }) node?: NodeType;
  @Field(() => [ID], { description: "Shortest chain from the product to a failed node" }) explanation!: readonly string[];
  @Field(() => [StepType]) steps!: readonly StepType[];
  @Field(() => Boolean) inferred!: boolean;
  @Field(() => TimeToSurviveType) time!: TimeToSurviveType;
}

@ObjectType()
export class ScenarioResultType {
  @Field(() => [ID]) failed!: readonly string[];
  @Field(() => [DisabledProductType]) disabled!: readonly DisabledProductType[];
  @Field(() => [KindCountType], { description: "Unavailable nodes by kind, the failed ones included" }) unavailable!: readonly KindCountType[];
  @Field(() => Boolean) inferred!: boolean;
}

@ObjectType("UnavailableCount")
export class KindCountType {
  @Field(() => NodeKindEnum) kind!: NodeKind;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class CriticalityEntryType {
  @Field(() => ID) id!: string;
  @Field(() => NodeKindEnum) kind!: NodeKind;
  @Field(() => NodeType, { nullable: true }) node?: NodeType;
  @Field(() => [ID], { description: "Products for which this node is a SPOF" }) products!: readonly string[];
  @Field(() => Int) count!: number;
  @Field(() => Float, { description: "Sum of those products' annualValue" }) value!: number;
  @Field(() => Int) inferredCount!: number;
}

@ObjectType()
export class CriticalityRankingType {
  @Field(() => Boolean, { description: "Ranked by annualValue (true) or by product count" }) weighted!: boolean;
  @Field(() => [CriticalityEntryType]) entries!: readonly CriticalityEntryType[];
}

@ObjectType()
export class RegionShareType {
  @Field(() => ID, { nullable: true }) region!: string | null;
  @Field(() => ID, { nullable: true, description: "For a supplier with no known region" }) supplier?: string;
  @Field(() => Float) share!: number;
}

@ObjectType({ description: "How concentrated an item's sources are: HHI over regions (shares where known, equal otherwise)" })
export class ConcentrationType {
  @Field(() => ID) id!: string;
  @Field(() => NodeKindEnum) kind!: NodeKind;
  @Field(() => Float) hhi!: number;
  @Field(() => Int) sourceCount!: number;
  @Field(() => Boolean) sharesKnown!: boolean;
  @Field(() => [RegionShareType]) regions!: readonly RegionShareType[];
}

@ObjectType()
export class SoleSourceType {
  @Field(() => ID) id!: string;
  @Field(() => NodeKindEnum) kind!: NodeKind;
  @Field(() => ID) source!: string;
  @Field(() => Boolean) stated!: boolean;
}

@ObjectType()
export class SingleRegionType {
  @Field(() => ID) id!: string;
  @Field(() => NodeKindEnum) kind!: NodeKind;
  @Field(() => [ID]) sources!: readonly string[];
  @Field(() => [ID], { description: "Regions all the sources lie in, most specific first" }) regions!: readonly string[];
}

@ObjectType()
export class RiskTermType {
  @Field(() => String) name!: string;
  @Field(() => Float, { description: "The term's input, normalised to [0, 1]" }) value!: number;
  @Field(() => Float) weight!: number;
  @Field(() => Float, { description: "value × weight" }) contribution!: number;
  @Field(() => String) detail!: string;
}

@ObjectType({ description: "A node's risk score in [0, 1] with its breakdown (see the README)" })
export class RiskScoreType {
  @Field(() => ID) id!: string;
  @Field(() => NodeKindEnum) kind!: NodeKind;
  @Field(() => Float) score!: number;
  @Field(() => [RiskTermType]) terms!: readonly RiskTermType[];
}

@ObjectType({ description: "Secondary fragility lens: undirected articulation points. Not SPOFs — they ignore alternatives and AND/OR logic." })
export class ArticulationType {
  @Field(() => String) lens!: string;
  @Field(() => [ID]) ids!: readonly string[];
}

@ObjectType({ description: "A data finding: a broken REQUIRES cycle, an unusable edge" })
export class FindingType {
  @Field(() => String) code!: string;
  @Field(() => String) message!: string;
  @Field(() => [ID], { nullable: true }) cycle?: readonly string[];
}

@InputType({ description: "A hypothetical alternate source: an existing supplier or region (`source`), or a new supplier placed in `region`" })
export class AlternateSourceInput {
  @Field(() => ID) item!: string;
  @Field(() => ID, { nullable: true }) source?: string;
  @Field(() => ID, { nullable: true }) region?: string;
  @Field(() => Float, { nullable: true }) share?: number;
}

/** The arguments of `Query.sandbox` and `Mutation.sandbox`. */
@ArgsType()
export class SandboxArgs {
  @Field(() => [AlternateSourceInput], { defaultValue: [] }) addSources!: AlternateSourceInput[];
  @Field(() => [ID], { defaultValue: [] }) removeNodes!: string[];
  @Field(() => [ID], { nullable: true }) productIds?: string[];
  @Field(() => [ID], { nullable: true }) fail?: string[];
}

@ObjectType()
export class SpofChangeType {
  @Field(() => ID) product!: string;
  @Field(() => ID) spof!: string;
}

@ObjectType({ description: "Answers as if the sandbox changes were made; stored data is untouched" })
export class SandboxResultType {
  @Field(() => [ProductSpofsType], { description: "SPOFs of the requested products, or of every product whose SPOFs changed" }) spofs!: readonly ProductSpofsType[];
  @Field(() => [SpofChangeType], { description: "SPOFs the mitigation removes" }) removedSpofs!: readonly SpofChangeType[];
  @Field(() => [SpofChangeType], { description: "SPOFs the changes introduce" }) addedSpofs!: readonly SpofChangeType[];
  @Field(() => ScenarioResultType, { nullable: true }) scenario!: ScenarioResultType | null;
}
