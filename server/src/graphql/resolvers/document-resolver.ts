import { Arg, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { ChokepointError } from "@chokepoint/graph-schema";
import type { Evidence, SourceDocument } from "@chokepoint/graph-schema";
import type { DocumentTextService, QuoteInContext } from "../../services/document-text";
import type { GraphService } from "../../services/graph-service";
import { DocumentType, EvidenceType, QuoteContextType } from "../types/graph-types";

@Resolver(() => EvidenceType)
export class DocumentResolver {
  constructor(
    private readonly graph: GraphService,
    private readonly texts: DocumentTextService,
  ) {}

  @Query(() => [DocumentType], { description: "The source documents the seed graph was extracted from" })
  documents(): Promise<readonly SourceDocument[]> {
    return this.graph.documents();
  }

  @FieldResolver(() => DocumentType, { nullable: true, description: "The document this evidence quotes (title, issuer, date)" })
  async document(@Root() evidence: Evidence): Promise<SourceDocument | null> {
    if (evidence.doc === undefined) return null;
    return (await this.graph.documents()).find((d) => d.id === evidence.doc) ?? null;
  }

  @FieldResolver(() => QuoteContextType, { nullable: true, description: "The quote inside the document text around it: `radius` lines (0–5) before and after" })
  async context(@Root() evidence: Evidence, @Arg("radius", () => Int, { defaultValue: 1 }) radius: number): Promise<QuoteInContext | null> {
    if (!Number.isSafeInteger(radius) || radius < 0 || radius > 5) throw new ChokepointError("INVALID_ARGUMENT", "radius must be a whole number from 0 to 5");
    if (evidence.doc === undefined || evidence.line === undefined || evidence.quote === undefined) return null;
    const doc = (await this.graph.documents()).find((d) => d.id === evidence.doc);
    return doc ? this.texts.context(doc.file, evidence.line, evidence.quote, radius) : null;
  }
}
