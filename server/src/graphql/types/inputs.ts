import { Field, Float, ID, InputType, Int } from "type-graphql";
import type { Confidence, EdgeKind, Flag, NodeKind } from "@chokepoint/graph-schema";
import { ConfidenceEnum, EdgeKindEnum, FlagEnum, NodeKindEnum } from "../enums";

/** Mutation inputs. They mirror the interchange format; graph-schema validates them in full. */

@InputType()
export class LocalizedNameInput {
  @Field(() => String, { nullable: true }) zh?: string;
  @Field(() => String, { nullable: true }) en?: string;
}

@InputType()
export class EvidenceInput {
  @Field(() => String, { nullable: true }) doc?: string;
  @Field(() => Int, { nullable: true }) line?: number;
  @Field(() => String, { nullable: true }) quote?: string;
  @Field(() => String, { nullable: true }) file?: string;
  @Field(() => Int, { nullable: true }) row?: number;
  @Field(() => String, { nullable: true }) note?: string;
}

@InputType()
export class FlagInput {
  @Field(() => FlagEnum) flag!: Flag;
  @Field(() => ConfidenceEnum, { nullable: true }) confidence?: Confidence;
  @Field(() => [EvidenceInput], { nullable: true }) evidence?: EvidenceInput[];
}

@InputType()
export class AttrInput {
  @Field(() => String) key!: string;
  @Field(() => Float) value!: number;
}

@InputType({ description: "A whole node; an existing node with this id is replaced" })
export class NodeInput {
  @Field(() => ID) id!: string;
  @Field(() => NodeKindEnum) kind!: NodeKind;
  @Field(() => LocalizedNameInput) name!: LocalizedNameInput;
  @Field(() => [String], { nullable: true }) aliases?: string[];
  @Field(() => String, { nullable: true }) category?: string;
  @Field(() => [FlagInput], { nullable: true }) flags?: FlagInput[];
  @Field(() => [AttrInput], { nullable: true }) attrs?: AttrInput[];
  @Field(() => ConfidenceEnum, { nullable: true, description: "Default: inferred (an analyst's statement)" }) confidence?: Confidence;
  @Field(() => [EvidenceInput], { nullable: true }) evidence?: EvidenceInput[];
}

@InputType({ description: "A whole edge; an existing edge with the same from, kind and to is replaced" })
export class EdgeInput {
  @Field(() => ID) from!: string;
  @Field(() => ID) to!: string;
  @Field(() => EdgeKindEnum) kind!: EdgeKind;
  @Field(() => String, { nullable: true }) group?: string;
  @Field(() => Float, { nullable: true }) share?: number;
  @Field(() => Float, { nullable: true }) leadTimeDays?: number;
  @Field(() => Boolean, { nullable: true }) qualified?: boolean;
  @Field(() => ConfidenceEnum, { nullable: true, description: "Default: inferred (an analyst's statement)" }) confidence?: Confidence;
  @Field(() => [EvidenceInput], { nullable: true }) evidence?: EvidenceInput[];
}

/** Converts a GraphQL input object (class instance, `undefined` for absent fields) to plain data
 *  in the interchange shape, for graph-schema validation. */
export function toPlain(input: NodeInput | EdgeInput): Record<string, unknown> {
  const json = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
  if (Array.isArray(json.attrs)) {
    json.attrs = Object.fromEntries((json.attrs as { key: string; value: number }[]).map((a) => [a.key, a.value]));
  }
  return json;
}
