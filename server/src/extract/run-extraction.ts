import { extractGraph, type ExtractionResult } from "./extract-graph";
import { loadLexicon, loadSourceTexts } from "./seed-files";

/** Reads seeds/documents and seeds/lexicon.json and extracts the seed graph. */
export function runExtraction(seedsDir: string): ExtractionResult {
  return extractGraph(loadSourceTexts(seedsDir), loadLexicon(seedsDir));
}
