import { readEdgesCsv, readNodesCsv } from "./csv-file";
import type { ParsedImport } from "./import-items";
import { readJsonFile } from "./json-file";
import type { ImportLimits } from "./limits";
import { fileError, type ProblemList } from "./problems";

export type ImportFormat = "json" | "csv-nodes" | "csv-edges";

export interface ImportFile {
  /** Raw bytes (a file) or text (a GraphQL argument). */
  readonly content: Buffer | string;
  /** Shown in problems and recorded in evidence as `file`; a base name, never a path. */
  readonly fileName: string;
}

/** One file in a given format, or a nodes.csv + edges.csv pair imported together. */
export type ImportRequest =
  | (ImportFile & { readonly format: ImportFormat })
  | { readonly format: "csv"; readonly nodes: ImportFile; readonly edges: ImportFile };

export const IMPORT_FORMATS: readonly ImportRequest["format"][] = ["json", "csv-nodes", "csv-edges", "csv"];

/** The name an import is reported under: the file, or "nodes.csv + edges.csv". */
export function importLabel(request: ImportRequest): string {
  return request.format === "csv" ? `${request.nodes.fileName} + ${request.edges.fileName}` : request.fileName;
}

const NO_ROWS = "the file has a header but no data rows";

/**
 * Reads and validates everything in the request that does not depend on the store. File-level
 * faults (too large, empty, not text, not JSON, too deep) throw at once with their own code;
 * row-level problems are collected in `problems`.
 */
export function readImport(request: ImportRequest, limits: ImportLimits, problems: ProblemList): ParsedImport {
  switch (request.format) {
    case "json":
      return readJsonFile(request.content, request.fileName, limits, problems);
    case "csv-nodes": {
      const { items, invalidIds, dataRows } = readNodesCsv(request.content, request.fileName, limits, problems);
      if (dataRows === 0 && problems.count === 0) throw fileError("FILE_EMPTY", { file: request.fileName }, NO_ROWS);
      return { documents: [], nodes: items, edges: [], invalidIds };
    }
    case "csv-edges": {
      const { items, dataRows } = readEdgesCsv(request.content, request.fileName, limits, problems);
      if (dataRows === 0 && problems.count === 0) throw fileError("FILE_EMPTY", { file: request.fileName }, NO_ROWS);
      return { documents: [], nodes: [], edges: items, invalidIds: new Set() };
    }
    case "csv": {
      // Either file of a pair may be header-only (new nodes alone, or edges among stored nodes).
      const nodes = readNodesCsv(request.nodes.content, request.nodes.fileName, limits, problems);
      const edges = readEdgesCsv(request.edges.content, request.edges.fileName, limits, problems);
      if (nodes.dataRows + edges.dataRows === 0 && problems.count === 0) throw fileError("FILE_EMPTY", { file: importLabel(request) }, "both files have a header but no data rows");
      return { documents: [], nodes: nodes.items, edges: edges.items, invalidIds: nodes.invalidIds };
    }
  }
}
