import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ChokepointError } from "@chokepoint/graph-schema";
import { parseDocumentMeta, type SourceText } from "./document-meta";
import { parseLexicon, type Lexicon } from "./lexicon";

/** The extractor's only file reads: the documents with their metadata, and the lexicon. */
export const DOCUMENTS_DIR = "documents";
export const LEXICON_FILE = "lexicon.json";
export const SEED_GRAPH_FILE = path.join("graph", "supply-graph.json");

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as unknown;
  } catch (e) {
    throw new ChokepointError("JSON_INVALID", `${file} is not valid JSON`, { cause: e });
  }
}

export function loadSourceTexts(seedsDir: string): SourceText[] {
  const dir = path.join(seedsDir, DOCUMENTS_DIR);
  const metas = readdirSync(dir)
    .filter((f) => f.endsWith(".meta.json"))
    .sort();
  return metas.map((m) => {
    const meta = parseDocumentMeta(readJson(path.join(dir, m)), m);
    // The texts are read as bytes decoded once; nothing is trimmed, so line numbers stay the file's.
    const raw = readFileSync(path.join(dir, meta.document.file), "utf8");
    return { meta, raw };
  });
}

export function loadLexicon(seedsDir: string): Lexicon {
  return parseLexicon(readJson(path.join(seedsDir, LEXICON_FILE)));
}
