import { EDGE_KINDS, MAX_NAME_LENGTH, MAX_QUOTE_LENGTH, type Evidence, type GraphEdge } from "@chokepoint/graph-schema";
import type { EdgeColumn } from "./csv-columns";
import type { ColumnIndex } from "./csv-header";
import type { CsvRecord } from "./csv-parse";
import { checkRecordShape } from "./csv-record-shape";
import { CsvRowReader, Vocabulary } from "./csv-row-reader";
import type { EdgeItem } from "./import-items";
import type { ProblemList } from "./problems";

const KINDS = new Vocabulary(EDGE_KINDS, "EDGE_KIND_UNKNOWN", "edge kind");

/** Reads the data rows of an edges.csv into items, like readNodeRows, with graph-schema's edge
 *  rules: ids, known kind, no self-loop, `group` only on REQUIRES, share (0–1), lead time and
 *  qualified only on SOURCED_FROM. */
export function readEdgeRows(records: readonly CsvRecord[], columns: ColumnIndex<EdgeColumn>, width: number, file: string, maxFieldChars: number, problems: ProblemList): EdgeItem[] {
  const items: EdgeItem[] = [];
  const cells = new CsvRowReader(file, columns, problems);
  for (const record of records) {
    if (problems.full) break;
    if (!checkRecordShape(record, columns, width, file, maxFieldChars, problems)) continue;
    cells.start(record);
    const from = cells.id("from");
    const to = cells.id("to");
    const kind = cells.requiredTerm("kind", KINDS);
    const group = cells.words("group", MAX_NAME_LENGTH);
    const share = cells.number("share", true);
    const leadTimeDays = cells.number("lead_time_days");
    const qualified = cells.boolean("qualified");
    const note = cells.words("note", MAX_QUOTE_LENGTH);
    if (from !== undefined && from === to) cells.fail("to", "EDGE_SELF_LOOP", "an edge cannot connect a node to itself");
    if (kind !== undefined && kind !== "REQUIRES" && group !== undefined) cells.fail("group", "FIELD_UNKNOWN", "only REQUIRES edges have alternative groups");
    if (kind !== undefined && kind !== "SOURCED_FROM") {
      for (const [column, value] of [["share", share], ["lead_time_days", leadTimeDays], ["qualified", qualified]] as const) {
        if (value !== undefined) cells.fail(column, "FIELD_UNKNOWN", `${column} belongs to SOURCED_FROM edges, not ${kind}`);
      }
    }
    if (cells.failed || from === undefined || to === undefined || kind === undefined) continue;
    const edge: GraphEdge = {
      from,
      to,
      kind,
      ...(group !== undefined && { group }),
      ...(share !== undefined && { share }),
      ...(leadTimeDays !== undefined && { leadTimeDays }),
      ...(qualified !== undefined && { qualified }),
      confidence: "imported",
      evidence: [],
    };
    const provenance: Evidence = note === undefined ? { file, row: record.row } : { file, row: record.row, note };
    items.push({
      place: { file, row: record.row },
      edge,
      given: { group: group !== undefined, share: share !== undefined, leadTimeDays: leadTimeDays !== undefined, qualified: qualified !== undefined, confidence: false },
      provenance,
    });
  }
  return items;
}
