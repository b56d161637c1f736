import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import type { Confidence, EdgeKind, Flag, NodeKind } from "@chokepoint/graph-schema";
import { ConfidenceEnum, EdgeKindEnum, FlagEnum, NodeKindEnum } from "../enums";

/** GraphQL shapes of the domain objects. Resolvers return graph-schema objects as they are; these
 *  classes only declare how they look in the schema (field names match the domain). */

@ObjectType({ description: "A name in Chinese and English; either may be missing for analyst data" })
export class LocalizedNameType {
  @Field(() => String, { nullable: true }) zh?: string;
  @Field(() => String, { nullable: true }) en?: string;
}

@ObjectType({ description: "Where a fact comes from: a document quote (doc, line, quote), an analyst's file (file, row), or a note explaining an inference" })
export class EvidenceType {
  @Field(() => String, { nullable: true, description: "Document id, e.g. 000" }) doc?: string;
  @Field(() => Int, { nullable: true, description: "Line in the document where the quote starts" }) line?: number;
  @Field(() => String, { nullable: true, description: "Exact text of the document, line breaks removed" }) quote?: string;
  @Field(() => String, { nullable: true }) file?: string;
  @Field(() => Int, { nullable: true }) row?: number;
  @Field(() => String, { nullable: true }) note?: string;
}

@ObjectType({ description: "A quote with the document text around it (line breaks removed)" })
export class QuoteContextType {
  @Field(() => String) before!: string;
  @Field(() => String) quote!: string;
  @Field(() => String) after!: string;
}

@ObjectType()
export class FlagEntryType {
  @Field(() => FlagEnum) flag!: Flag;
  @Field(() => ConfidenceEnum) confidence!: Confidence;
  @Field(() => [EvidenceType]) evidence!: readonly EvidenceType[];
}

@ObjectType({ description: "A numeric attribute such as inventoryDays, recoveryDays or annualValue" })
export class AttrType {
  @Field(() => String) key!: string;
  @Field(() => Float) value!: number;
}

@ObjectType("Edge")
export class EdgeType {
  @Field(() => ID) from!: string;
  @Field(() => ID) to!: string;
  @Field(() => EdgeKindEnum) kind!: EdgeKind;
  @Field(() => String, { nullable: true, description: "REQUIRES edges of one parent that share a group are alternatives" }) group?: string;
  @Field(() => Float, { nullable: true }) share?: number;
  @Field(() => Float, { nullable: true }) leadTimeDays?: number;
  @Field(() => Boolean, { nullable: true }) qualified?: boolean;
  @Field(() => ConfidenceEnum) confidence!: Confidence;
  @Field(() => [EvidenceType]) evidence!: readonly EvidenceType[];
}

@ObjectType("Node")
export class NodeType {
  @Field(() => ID) id!: string;
  @Field(() => NodeKindEnum) kind!: NodeKind;
  @Field(() => LocalizedNameType) name!: LocalizedNameType;
  @Field(() => [String]) aliases!: readonly string[];
  @Field(() => String, { nullable: true, description: "Equipment area (the seven of document 003) or pharmaceuticals / protective-supplies" }) category?: string;
  @Field(() => [FlagEntryType]) flags!: readonly FlagEntryType[];
  @Field(() => ConfidenceEnum) confidence!: Confidence;
  @Field(() => [EvidenceType]) evidence!: readonly EvidenceType[];
}

@ObjectType()
export class NodeConnection {
  @Field(() => [NodeType]) items!: readonly NodeType[];
  @Field(() => String, { nullable: true, description: "Pass as `after` to get the next page" }) endCursor!: string | null;
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Int) totalCount!: number;
}

@ObjectType()
export class KindCount {
  @Field(() => String) kind!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: "Counts of the stored graph at one data version" })
export class Stats {
  @Field(() => Int) version!: number;
  @Field(() => Int) nodeCount!: number;
  @Field(() => Int) edgeCount!: number;
  @Field(() => [KindCount]) nodes!: readonly KindCount[];
  @Field(() => [KindCount]) edges!: readonly KindCount[];
}

@ObjectType("Document", { description: "A source document: one of the five policy texts" })
export class DocumentType {
  @Field(() => ID) id!: string;
  @Field(() => String) file!: string;
  @Field(() => LocalizedNameType) title!: LocalizedNameType;
  @Field(() => LocalizedNameType, { nullable: true }) issuer?: LocalizedNameType;
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" }) date?: string;
}

@ObjectType({ description: "A bounded part of the graph around one node" })
export class Subgraph {
  @Field(() => [NodeType]) nodes!: readonly NodeType[];
  @Field(() => [EdgeType]) edges!: readonly EdgeType[];
  @Field(() => Boolean, { description: "True when the depth or size bound left out nodes further away" }) truncated!: boolean;
}

@ObjectType({ description: "What a write changed" })
export class WriteResult {
  @Field(() => Int) version!: number;
  @Field(() => Int) nodesUpserted!: number;
  @Field(() => Int) edgesUpserted!: number;
  @Field(() => Int) nodesDeleted!: number;
  @Field(() => Int) edgesDeleted!: number;
  @Field(() => Int, { description: "Nodes and edges that were already stored with the same content" }) unchanged!: number;
}
