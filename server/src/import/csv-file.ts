import { EDGE_TABLE, NODE_TABLE } from "./csv-columns";
import { readEdgeRows } from "./csv-edge-rows";
import { readHeader } from "./csv-header";
import { readNodeRows } from "./csv-node-rows";
import { csvRowOf, parseCsv, type CsvRecord } from "./csv-parse";
import { decodeText } from "./decode-text";
import type { EdgeItem, NodeItem } from "./import-items";
import type { ImportLimits } from "./limits";
import { fileError, type ProblemList } from "./problems";

export type CsvKind = "nodes" | "edges";

/** Decodes and parses a CSV file; FILE_EMPTY when it has no header. Data rows may be absent
 *  (the caller decides whether a header-only file is acceptable). */
function records(content: Buffer | string, file: string, limits: ImportLimits, problems: ProblemList): { header?: CsvRecord; rows: CsvRecord[] } {
  const text = decodeText(content, { file, maxBytes: limits.maxBytes, rowOf: csvRowOf });
  if (!/\S/.test(text)) throw fileError("FILE_EMPTY", { file }, "the file is empty");
  const before = problems.count;
  const [header, ...rows] = parseCsv(text, file, problems);
  if (!header && problems.count === before) throw fileError("FILE_EMPTY", { file }, "the file is empty");
  return { ...(header && { header }), rows };
}

export interface CsvNodes {
  readonly items: NodeItem[];
  readonly invalidIds: Set<string>;
  readonly dataRows: number;
}

export function readNodesCsv(content: Buffer | string, file: string, limits: ImportLimits, problems: ProblemList): CsvNodes {
  const { header, rows } = records(content, file, limits, problems);
  const columns = header && readHeader(header, NODE_TABLE, file, problems);
  if (!header || !columns) return { items: [], invalidIds: new Set(), dataRows: rows.length };
  return { ...readNodeRows(rows, columns, header.fields.length, file, limits.maxFieldChars, problems), dataRows: rows.length };
}

export function readEdgesCsv(content: Buffer | string, file: string, limits: ImportLimits, problems: ProblemList): { items: EdgeItem[]; dataRows: number } {
  const { header, rows } = records(content, file, limits, problems);
  const columns = header && readHeader(header, EDGE_TABLE, file, problems);
  if (!header || !columns) return { items: [], dataRows: rows.length };
  return { items: readEdgeRows(rows, columns, header.fields.length, file, limits.maxFieldChars, problems), dataRows: rows.length };
}

/** A .csv file's kind from its header: edge files have `from` and `to` columns. */
export function sniffCsvKind(content: Buffer | string): CsvKind {
  const head = (typeof content === "string" ? content.slice(0, 4096) : content.subarray(0, 4096).toString("utf8")).replace(/^\uFEFF/, "");
  const firstLine = head.split(/\r\n|\n|\r/, 1)[0] ?? "";
  const names = new Set(firstLine.split(",").map((c) => c.trim().replace(/^"|"$/g, "").toLowerCase()));
  return names.has("from") && names.has("to") ? "edges" : "nodes";
}
