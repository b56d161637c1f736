/** The seed extraction (DESIGN §5): the five source texts and the curated lexicon in, the seed
 *  supply graph out, with the document, line and exact quote of every fact. */
export { runExtraction } from "./run-extraction";
export { extractGraph, type ExtractionResult } from "./extract-graph";
export { loadLexicon, loadSourceTexts, DOCUMENTS_DIR, LEXICON_FILE, SEED_GRAPH_FILE } from "./seed-files";
export { parseLexicon, type Lexicon, type LexiconTerm } from "./lexicon";
export { parseDocumentMeta, type DocumentMeta, type SourceText } from "./document-meta";
export { joinLines, lineOf, lineRange, type JoinedText } from "./joined-text";
export { serializeGraph } from "./serialize";
export { summarize, formatSummary, type ExtractionSummary } from "./summary";
export { buildMatcher, type TermMatcher } from "./term-matcher";
export { buildResolver, type SurfaceResolver } from "./surface-resolver";
export { scoreRequires, type LabelledSample, type SampleScore } from "./sample-score";
export type { CurationCandidate } from "./assemble";
