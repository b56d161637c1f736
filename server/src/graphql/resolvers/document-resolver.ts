import { FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Evidence, SourceDocument } from "@chokepoint/graph-schema";
import type { GraphService } from "../../services/graph-service";
import { DocumentType, EvidenceType } from "../types/graph-types";

@Resolver(() => EvidenceType)
export class DocumentResolver {
  constructor(private readonly graph: GraphService) {}

  @Query(() => [DocumentType], { description: "The source documents the seed graph was extracted from" })
  documents(): Promise<readonly SourceDocument[]> {
    return this.graph.documents();
  }

  @FieldResolver(() => DocumentType, { nullable: true, description: "The document this evidence quotes (title, issuer, date)" })
  async document(@Root() evidence: Evidence): Promise<SourceDocument | null> {
    if (evidence.doc === undefined) return null;
    return (await this.graph.documents()).find((d) => d.id === evidence.doc) ?? null;
  }
}
