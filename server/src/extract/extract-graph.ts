import type { InterchangeGraph } from "@chokepoint/graph-schema";
import { assemble, type CurationCandidate } from "./assemble";
import type { SourceText } from "./document-meta";
import { prepareDocument, type PreparedDocument } from "./document-views";
import type { Fact } from "./facts";
import type { Lexicon } from "./lexicon";
import type { Pattern } from "./pattern-kit";
import { PATTERNS } from "./patterns";
import { summarize, type ExtractionSummary } from "./summary";
import { buildMatcher } from "./term-matcher";

export interface ExtractionResult {
  readonly graph: InterchangeGraph;
  readonly candidates: readonly CurationCandidate[];
  readonly summary: ExtractionSummary;
  /** The prepared documents, for callers that need to cut or check quotes. */
  readonly documents: ReadonlyMap<string, PreparedDocument>;
}

/** The whole extraction, without I/O: documents and lexicon in, seed graph out. */
export function extractGraph(sources: readonly SourceText[], lexicon: Lexicon, patterns: readonly Pattern[] = PATTERNS): ExtractionResult {
  const matcher = buildMatcher(lexicon);
  const documents = new Map<string, PreparedDocument>();
  const facts: Fact[] = [];
  for (const source of sources) {
    const doc = prepareDocument(source, matcher, lexicon);
    documents.set(source.meta.document.id, doc);
    for (const view of doc.views) for (const p of patterns) facts.push(...p.run(view, { lexicon }));
  }
  const { graph, candidates } = assemble(facts, documents, lexicon);
  return { graph, candidates, summary: summarize(graph, candidates), documents };
}
