import { readFileSync } from "node:fs";
import path from "node:path";
import type { InterchangeGraph } from "@chokepoint/graph-schema";
import { runExtraction, SEED_GRAPH_FILE, type ExtractionResult } from "../../server/src/extract";

/** Shared by the extraction suites: the repository's seeds folder, a fresh extraction (run once
 *  per test file), and the committed seed graph. */
export const SEEDS_DIR = path.resolve(__dirname, "../../seeds");
export const SEED_GRAPH_PATH = path.join(SEEDS_DIR, SEED_GRAPH_FILE);

let cached: ExtractionResult | undefined;
export function freshExtraction(): ExtractionResult {
  cached ??= runExtraction(SEEDS_DIR);
  return cached;
}

export function committedGraph(): InterchangeGraph {
  return JSON.parse(readFileSync(SEED_GRAPH_PATH, "utf8")) as InterchangeGraph;
}
