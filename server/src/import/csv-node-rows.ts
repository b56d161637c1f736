import { CATEGORIES, FLAGS, MAX_NAME_LENGTH, MAX_QUOTE_LENGTH, NODE_KINDS, normalizeId, type Evidence, type Flag, type GraphNode } from "@chokepoint/graph-schema";
import { ATTR_COLUMNS, type NodeColumn } from "./csv-columns";
import type { ColumnIndex } from "./csv-header";
import type { CsvRecord } from "./csv-parse";
import { checkRecordShape } from "./csv-record-shape";
import { cellText, CsvRowReader, Vocabulary } from "./csv-row-reader";
import type { NodeItem } from "./import-items";
import type { ProblemList } from "./problems";

const KINDS = new Vocabulary(NODE_KINDS, "KIND_UNKNOWN", "node kind");
const CATEGORY = new Vocabulary(CATEGORIES, "CATEGORY_UNKNOWN", "category");
const FLAG = new Vocabulary(FLAGS, "FLAG_UNKNOWN", "flag");

/**
 * Reads the data rows of a nodes.csv into items; every fault becomes a problem at its row and
 * column and the row is left out. Cells are read directly under graph-schema's rules rather than
 * through its generic readNode, which costs several times more per row; the store validates every
 * node again with graph-schema before writing it.
 */
export function readNodeRows(records: readonly CsvRecord[], columns: ColumnIndex<NodeColumn>, width: number, file: string, maxFieldChars: number, problems: ProblemList): { items: NodeItem[]; invalidIds: Set<string> } {
  const items: NodeItem[] = [];
  const invalidIds = new Set<string>();
  const cells = new CsvRowReader(file, columns, problems);
  const idColumn = columns.get("id");
  const attrColumns = ATTR_COLUMNS.filter(([column]) => columns.has(column));
  for (const record of records) {
    if (problems.full) break;
    if (!checkRecordShape(record, columns, width, file, maxFieldChars, problems)) {
      const rawId = idColumn === undefined ? undefined : cellText(record.fields[idColumn]);
      if (rawId !== undefined) invalidIds.add(normalizeId(rawId));
      continue;
    }
    cells.start(record);
    const id = cells.id("id");
    const kind = cells.requiredTerm("kind", KINDS);
    const zh = cells.words("name_zh", MAX_NAME_LENGTH);
    const en = cells.words("name_en", MAX_NAME_LENGTH);
    const aliases: string[] = [];
    for (const a of cells.list("aliases")) {
      const alias = cells.words("aliases", MAX_NAME_LENGTH, a);
      if (alias !== undefined && !aliases.includes(alias)) aliases.push(alias);
    }
    const category = cells.term("category", CATEGORY);
    const flags: Flag[] = [];
    for (const name of cells.list("flags")) {
      const flag = cells.term("flags", FLAG, name);
      if (flag !== undefined && !flags.includes(flag)) flags.push(flag);
    }
    const attrs: Record<string, number> = {};
    const attrKeys: string[] = [];
    for (const [column, attr] of attrColumns) {
      const n = cells.number(column);
      if (n !== undefined) {
        attrs[attr] = n;
        attrKeys.push(attr);
      }
    }
    const note = cells.words("note", MAX_QUOTE_LENGTH);
    if (cells.failed || id === undefined || kind === undefined) {
      if (id !== undefined) invalidIds.add(id);
      continue;
    }
    const node: GraphNode = {
      id,
      kind,
      // Without a name the row can only update a stored node (checked against the store later).
      name: zh === undefined ? (en === undefined ? {} : { en }) : en === undefined ? { zh } : { zh, en },
      aliases,
      ...(category !== undefined && { category }),
      flags: flags.map((flag) => ({ flag, confidence: "imported", evidence: [] })),
      attrs,
      confidence: "imported",
      // The row's own statement; provenance is added by the merge only where it changes something.
      evidence: [],
    };
    const provenance: Evidence = note === undefined ? { file, row: record.row } : { file, row: record.row, note };
    items.push({
      place: { file, row: record.row },
      node,
      given: { nameless: zh === undefined && en === undefined, zh: zh !== undefined, en: en !== undefined, category: category !== undefined, attrs: attrKeys, confidence: false },
      provenance,
    });
  }
  return { items, invalidIds };
}
