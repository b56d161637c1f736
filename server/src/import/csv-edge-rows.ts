import { EDGE_KINDS, readEdge, type Evidence, type Problem } from "@chokepoint/graph-schema";
import { booleanCell, cellText, numberCell, vocabularyCell, type Cell } from "./csv-cells";
import type { EdgeColumn } from "./csv-columns";
import type { ColumnIndex } from "./csv-header";
import type { CsvRecord } from "./csv-parse";
import { checkRecordShape } from "./csv-record-shape";
import type { EdgeItem } from "./import-items";
import type { Place, ProblemList } from "./problems";
import { readWithSchema } from "./schema-problems";

/** graph-schema paths inside an edge → the CSV column that supplied them. */
function edgeColumn(path: string, p: Problem): string | undefined {
  if (p.code === "EDGE_SELF_LOOP") return "to";
  if (path === "") return "kind";
  const head = /^[a-z]+/i.exec(path)?.[0];
  switch (head) {
    case "from":
    case "to":
    case "kind":
    case "group":
    case "share":
    case "qualified":
      return head;
    case "leadTimeDays":
      return "lead_time_days";
    case "evidence":
      return "note";
    default:
      return undefined;
  }
}

/** Reads the data rows of an edges.csv into validated items, like readNodeRows. */
export function readEdgeRows(records: readonly CsvRecord[], columns: ColumnIndex<EdgeColumn>, width: number, file: string, maxFieldChars: number, problems: ProblemList): EdgeItem[] {
  const items: EdgeItem[] = [];
  for (const record of records) {
    if (problems.full) break;
    if (!checkRecordShape(record, columns, width, file, maxFieldChars, problems)) continue;
    const place: Place = { file, row: record.row };
    const raw = (c: EdgeColumn): string | undefined => {
      const i = columns.get(c);
      return i === undefined ? undefined : record.fields[i];
    };
    const before = problems.count;
    const cell = <T>(c: EdgeColumn, result: Cell<T>): T | undefined => {
      if ("value" in result) return result.value;
      if ("code" in result) problems.at({ ...place, column: c }, result.code, result.message);
      return undefined;
    };
    const kind = cell("kind", vocabularyCell(raw("kind"), EDGE_KINDS, "EDGE_KIND_UNKNOWN", "edge kind"));
    if (cellText(raw("kind")) === undefined) problems.at({ ...place, column: "kind" }, "FIELD_MISSING", "kind is required");
    const share = cell("share", numberCell(raw("share"), { share: true }));
    const leadTimeDays = cell("lead_time_days", numberCell(raw("lead_time_days")));
    const qualified = cell("qualified", booleanCell(raw("qualified")));
    const group = cellText(raw("group"));
    const note = cellText(raw("note"));
    const provenance: Evidence = { file, row: record.row, ...(note !== undefined && { note }) };
    const edge = readWithSchema(
      readEdge,
      {
        from: cellText(raw("from")),
        to: cellText(raw("to")),
        // An unknown kind is already reported; a stand-in keeps the other checks quiet about it.
        kind: kind ?? (share !== undefined || leadTimeDays !== undefined || qualified !== undefined ? "SOURCED_FROM" : "REQUIRES"),
        ...(group !== undefined && { group }),
        ...(share !== undefined && { share }),
        ...(leadTimeDays !== undefined && { leadTimeDays }),
        ...(qualified !== undefined && { qualified }),
        confidence: "imported",
        evidence: [provenance],
      },
      place,
      edgeColumn,
      problems,
    );
    if (!edge || problems.count > before) continue;
    items.push({
      place,
      edge: { ...edge, evidence: [] },
      given: { group: group !== undefined, share: share !== undefined, leadTimeDays: leadTimeDays !== undefined, qualified: qualified !== undefined, confidence: false },
      provenance,
    });
  }
  return items;
}
