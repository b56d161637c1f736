import type { Evidence, GraphEdge, GraphNode } from "@chokepoint/graph-schema";
import { ATTR_COLUMNS, EDGE_COLUMNS, LIST_SEPARATOR, NODE_COLUMNS } from "../import/csv-columns";
import { CSV_BOM, csvLine } from "./csv-cell";

/** The documented import columns, so an exported file imports again. CSV carries what a
 *  spreadsheet user edits; evidence quotes and other attributes travel in the JSON export. */

function firstNote(evidence: readonly Evidence[]): string | undefined {
  return evidence.find((e) => e.note !== undefined)?.note;
}

/** nodes.csv, a line at a time (CRLF, UTF-8 with a byte-order mark). */
export function* nodesCsvChunks(nodes: readonly GraphNode[]): Generator<string> {
  yield `${CSV_BOM}${csvLine(NODE_COLUMNS)}\r\n`;
  for (const n of nodes) {
    yield `${csvLine([
        n.id,
        n.kind,
        n.name.zh,
        n.name.en,
        n.aliases.join(LIST_SEPARATOR),
        n.category,
        n.flags.map((f) => f.flag).join(LIST_SEPARATOR),
        ...ATTR_COLUMNS.map(([, attr]) => n.attrs[attr]),
        firstNote(n.evidence),
      ])}\r\n`;
  }
}

/** edges.csv, a line at a time. */
export function* edgesCsvChunks(edges: readonly GraphEdge[]): Generator<string> {
  yield `${CSV_BOM}${csvLine(EDGE_COLUMNS)}\r\n`;
  for (const e of edges) yield `${csvLine([e.from, e.to, e.kind, e.group, e.share, e.leadTimeDays, e.qualified, firstNote(e.evidence)])}\r\n`;
}
