import { readFileSync } from "node:fs";
import path from "node:path";
import type { ImportRequest } from "../../server/src/import/read-import";
import { GENERATORS } from "./bad-import-generators";
import { CORPUS } from "./store-helpers";

export interface CorpusCase {
  readonly file: string;
  readonly format: "json" | "csv-nodes" | "csv-edges" | "csv";
  readonly kind: string;
  readonly code: string;
  readonly row?: number;
  readonly column?: string;
  readonly topCode?: string;
  readonly edges?: string;
  readonly generate?: string;
  readonly note?: string;
}

export const MANIFEST = JSON.parse(readFileSync(path.join(CORPUS, "manifest.json"), "utf8")) as { description: string; cases: CorpusCase[] };

export function contentOf(c: CorpusCase): Buffer {
  if (c.generate !== undefined) {
    const make = GENERATORS[c.generate];
    if (!make) throw new Error(`no generator "${c.generate}"`);
    return make();
  }
  return readFileSync(path.join(CORPUS, c.file));
}

export function requestOf(c: CorpusCase): ImportRequest {
  if (c.format === "csv") {
    return { format: "csv", nodes: { content: contentOf(c), fileName: c.file }, edges: { content: readFileSync(path.join(CORPUS, c.edges!)), fileName: c.edges! } };
  }
  return { format: c.format, content: contentOf(c), fileName: c.file };
}
