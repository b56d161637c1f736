import { EDGE_KINDS, MAX_NAME_LENGTH, MAX_QUOTE_LENGTH, type Evidence, type GraphEdge } from "@chokepoint/graph-schema";
import { booleanCell, idCell, required, numberCell, textCell, Vocabulary, type Cell } from "./csv-cells";
import type { EdgeColumn } from "./csv-columns";
import type { ColumnIndex } from "./csv-header";
import type { CsvRecord } from "./csv-parse";
import { checkRecordShape } from "./csv-record-shape";
import type { EdgeItem } from "./import-items";
import type { Place, ProblemList } from "./problems";

const KINDS = new Vocabulary(EDGE_KINDS, "EDGE_KIND_UNKNOWN", "edge kind");

/** Reads the data rows of an edges.csv into items, like readNodeRows, with graph-schema's edge
 *  rules: ids, known kind, no self-loop, `group` only on REQUIRES, share (0–1), lead time and
 *  qualified only on SOURCED_FROM. */
export function readEdgeRows(records: readonly CsvRecord[], columns: ColumnIndex<EdgeColumn>, width: number, file: string, maxFieldChars: number, problems: ProblemList): EdgeItem[] {
  const items: EdgeItem[] = [];
  const at = (c: EdgeColumn): number => columns.get(c) ?? -1;
  const col = { from: at("from"), to: at("to"), kind: at("kind"), group: at("group"), share: at("share"), lead: at("lead_time_days"), qualified: at("qualified"), note: at("note") };
  for (const record of records) {
    if (problems.full) break;
    if (!checkRecordShape(record, columns, width, file, maxFieldChars, problems)) continue;
    const f = record.fields;
    const raw = (i: number): string | undefined => (i === -1 ? undefined : f[i]);
    const place: Place = { file, row: record.row };
    const before = problems.count;
    const cell = <T>(column: EdgeColumn, result: Cell<T>): T | undefined => {
      if ("value" in result) return result.value;
      if ("code" in result) problems.at({ ...place, column }, result.code, result.message);
      return undefined;
    };
    const from = cell("from", idCell(raw(col.from)));
    const to = cell("to", idCell(raw(col.to)));
    const kind = cell("kind", required(KINDS.read(raw(col.kind)), "kind"));
    const group = cell("group", textCell(raw(col.group), MAX_NAME_LENGTH));
    const share = cell("share", numberCell(raw(col.share), { share: true }));
    const leadTimeDays = cell("lead_time_days", numberCell(raw(col.lead)));
    const qualified = cell("qualified", booleanCell(raw(col.qualified)));
    const note = cell("note", textCell(raw(col.note), MAX_QUOTE_LENGTH));
    if (from !== undefined && from === to) problems.at({ ...place, column: "to" }, "EDGE_SELF_LOOP", "an edge cannot connect a node to itself");
    if (kind !== undefined && kind !== "REQUIRES" && group !== undefined) problems.at({ ...place, column: "group" }, "FIELD_UNKNOWN", "only REQUIRES edges have alternative groups");
    if (kind !== undefined && kind !== "SOURCED_FROM") {
      for (const [column, value] of [["share", share], ["lead_time_days", leadTimeDays], ["qualified", qualified]] as const) {
        if (value !== undefined) problems.at({ ...place, column }, "FIELD_UNKNOWN", `${column} belongs to SOURCED_FROM edges, not ${kind}`);
      }
    }
    if (problems.count > before || from === undefined || to === undefined || kind === undefined) continue;
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
    const provenance: Evidence = { file, row: record.row, ...(note !== undefined && { note }) };
    items.push({
      place,
      edge,
      given: { group: group !== undefined, share: share !== undefined, leadTimeDays: leadTimeDays !== undefined, qualified: qualified !== undefined, confidence: false },
      provenance,
    });
  }
  return items;
}
