import { CATEGORIES, FLAGS, NODE_KINDS, normalizeId, readNode, type Evidence, type Flag } from "@chokepoint/graph-schema";
import { cellText, listCell, numberCell, vocabularyCell, type Cell } from "./csv-cells";
import { ATTR_COLUMNS, type NodeColumn } from "./csv-columns";
import type { ColumnIndex } from "./csv-header";
import type { CsvRecord } from "./csv-parse";
import { checkRecordShape } from "./csv-record-shape";
import type { NodeItem } from "./import-items";
import type { Place, ProblemList } from "./problems";
import { readWithSchema } from "./schema-problems";

/** graph-schema paths inside a node → the CSV column that supplied them. */
function nodeColumn(path: string): string | undefined {
  const head = /^[a-z]+/i.exec(path)?.[0];
  switch (head) {
    case "id":
    case "kind":
    case "category":
    case "aliases":
    case "flags":
      return head;
    case "name":
      return path.startsWith("name.zh") ? "name_zh" : "name_en";
    case "attrs":
      return ATTR_COLUMNS.find(([, attr]) => path === `attrs.${attr}`)?.[0];
    case "evidence":
      return "note";
    default:
      return undefined;
  }
}

/** Reads the data rows of a nodes.csv into validated items; every fault becomes a problem at its
 *  row and column, and the row is left out. */
export function readNodeRows(records: readonly CsvRecord[], columns: ColumnIndex<NodeColumn>, width: number, file: string, maxFieldChars: number, problems: ProblemList): { items: NodeItem[]; invalidIds: Set<string> } {
  const items: NodeItem[] = [];
  const invalidIds = new Set<string>();
  for (const record of records) {
    if (problems.full) break;
    const place: Place = { file, row: record.row };
    const raw = (c: NodeColumn): string | undefined => {
      const i = columns.get(c);
      return i === undefined ? undefined : record.fields[i];
    };
    const idText = cellText(raw("id"));
    const markInvalid = () => {
      if (idText !== undefined) invalidIds.add(normalizeId(idText));
    };
    if (!checkRecordShape(record, columns, width, file, maxFieldChars, problems)) {
      markInvalid();
      continue;
    }
    const before = problems.count;
    const cell = <T>(c: NodeColumn, result: Cell<T>): T | undefined => {
      if ("value" in result) return result.value;
      if ("code" in result) problems.at({ ...place, column: c }, result.code, result.message);
      return undefined;
    };
    const kind = cell("kind", vocabularyCell(raw("kind"), NODE_KINDS, "KIND_UNKNOWN", "node kind"));
    if (cellText(raw("kind")) === undefined) problems.at({ ...place, column: "kind" }, "FIELD_MISSING", "kind is required");
    const category = cell("category", vocabularyCell(raw("category"), CATEGORIES, "CATEGORY_UNKNOWN", "category"));
    const flags: Flag[] = [];
    for (const f of listCell(raw("flags"))) {
      const flag = cell("flags", vocabularyCell(f, FLAGS, "FLAG_UNKNOWN", "flag"));
      if (flag !== undefined && !flags.includes(flag)) flags.push(flag);
    }
    const attrs: Record<string, number> = {};
    for (const [column, attr] of ATTR_COLUMNS) {
      const n = cell(column, numberCell(raw(column)));
      if (n !== undefined) attrs[attr] = n;
    }
    const zh = cellText(raw("name_zh"));
    const en = cellText(raw("name_en"));
    const note = cellText(raw("note"));
    const provenance: Evidence = { file, row: record.row, ...(note !== undefined && { note }) };
    const node = readWithSchema(
      readNode,
      {
        id: idText,
        kind: kind ?? "Product",
        // Without a name the row can only update a stored node (checked against the store later);
        // the stand-in keeps graph-schema's name check quiet and is never stored.
        name: zh === undefined && en === undefined ? { en: "-" } : { ...(zh !== undefined && { zh }), ...(en !== undefined && { en }) },
        aliases: listCell(raw("aliases")),
        ...(category !== undefined && { category }),
        flags: flags.map((flag) => ({ flag, confidence: "imported" })),
        attrs,
        confidence: "imported",
        evidence: [provenance],
      },
      place,
      nodeColumn,
      problems,
    );
    if (!node || problems.count > before) {
      markInvalid();
      continue;
    }
    items.push({
      place,
      // The row's own statement; provenance is added by the merge only where it changes something.
      node: { ...node, evidence: [] },
      given: { ...(zh === undefined && en === undefined && { nameless: true }), zh: zh !== undefined, en: en !== undefined, category: category !== undefined, attrs: Object.keys(attrs), confidence: false },
      provenance,
    });
  }
  return { items, invalidIds };
}
