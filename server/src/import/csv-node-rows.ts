import { CATEGORIES, FLAGS, MAX_NAME_LENGTH, MAX_QUOTE_LENGTH, NODE_KINDS, normalizeId, type Evidence, type Flag, type GraphNode } from "@chokepoint/graph-schema";
import { cellText, idCell, required, listCell, numberCell, textCell, Vocabulary, type Cell } from "./csv-cells";
import { ATTR_COLUMNS, type NodeColumn } from "./csv-columns";
import type { ColumnIndex } from "./csv-header";
import type { CsvRecord } from "./csv-parse";
import { checkRecordShape } from "./csv-record-shape";
import type { NodeItem } from "./import-items";
import type { Place, ProblemList } from "./problems";

const KINDS = new Vocabulary(NODE_KINDS, "KIND_UNKNOWN", "node kind");
const CATEGORY = new Vocabulary(CATEGORIES, "CATEGORY_UNKNOWN", "category");
const FLAG = new Vocabulary(FLAGS, "FLAG_UNKNOWN", "flag");

/**
 * Reads the data rows of a nodes.csv into items, cell by cell under graph-schema's rules (ids,
 * text lengths and normalisation, vocabularies, non-negative finite numbers); every fault becomes
 * a problem at its row and column and the row is left out. Built directly rather than through
 * graph-schema's generic readNode because this runs per row of files with millions of rows; the
 * store validates every node again with graph-schema before writing it.
 */
export function readNodeRows(records: readonly CsvRecord[], columns: ColumnIndex<NodeColumn>, width: number, file: string, maxFieldChars: number, problems: ProblemList): { items: NodeItem[]; invalidIds: Set<string> } {
  const items: NodeItem[] = [];
  const invalidIds = new Set<string>();
  const at = (c: NodeColumn): number => columns.get(c) ?? -1;
  const col = { id: at("id"), kind: at("kind"), zh: at("name_zh"), en: at("name_en"), aliases: at("aliases"), category: at("category"), flags: at("flags"), note: at("note") };
  const attrCols = ATTR_COLUMNS.map(([column, attr]) => [column, attr, at(column)] as const).filter(([, , i]) => i !== -1);
  for (const record of records) {
    if (problems.full) break;
    const f = record.fields;
    const raw = (i: number): string | undefined => (i === -1 ? undefined : f[i]);
    const rawId = cellText(raw(col.id));
    if (!checkRecordShape(record, columns, width, file, maxFieldChars, problems)) {
      if (rawId !== undefined) invalidIds.add(normalizeId(rawId));
      continue;
    }
    const place: Place = { file, row: record.row };
    const before = problems.count;
    const cell = <T>(column: NodeColumn, result: Cell<T>): T | undefined => {
      if ("value" in result) return result.value;
      if ("code" in result) problems.at({ ...place, column }, result.code, result.message);
      return undefined;
    };
    const id = cell("id", idCell(raw(col.id)));
    const kind = cell("kind", required(KINDS.read(raw(col.kind)), "kind"));
    const zh = cell("name_zh", textCell(raw(col.zh), MAX_NAME_LENGTH));
    const en = cell("name_en", textCell(raw(col.en), MAX_NAME_LENGTH));
    const aliases: string[] = [];
    for (const a of listCell(raw(col.aliases))) {
      const alias = cell("aliases", textCell(a, MAX_NAME_LENGTH));
      if (alias !== undefined && !aliases.includes(alias)) aliases.push(alias);
    }
    const category = cell("category", CATEGORY.read(raw(col.category)));
    const flags: Flag[] = [];
    for (const name of listCell(raw(col.flags))) {
      const flag = cell("flags", FLAG.read(name));
      if (flag !== undefined && !flags.includes(flag)) flags.push(flag);
    }
    const attrs: Record<string, number> = {};
    for (const [column, attr, i] of attrCols) {
      const n = cell(column, numberCell(f[i]));
      if (n !== undefined) attrs[attr] = n;
    }
    const note = cell("note", textCell(raw(col.note), MAX_QUOTE_LENGTH));
    if (problems.count > before || id === undefined || kind === undefined) {
      if (id !== undefined) invalidIds.add(id);
      continue;
    }
    const provenance: Evidence = { file, row: record.row, ...(note !== undefined && { note }) };
    const node: GraphNode = {
      id,
      kind,
      // Without a name the row can only update a stored node (checked against the store later).
      name: { ...(zh !== undefined && { zh }), ...(en !== undefined && { en }) },
      aliases,
      ...(category !== undefined && { category }),
      flags: flags.map((flag) => ({ flag, confidence: "imported", evidence: [] })),
      attrs,
      confidence: "imported",
      // The row's own statement; provenance is added by the merge only where it changes something.
      evidence: [],
    };
    const nameless = zh === undefined && en === undefined;
    items.push({
      place,
      node,
      given: { ...(nameless && { nameless: true }), zh: zh !== undefined, en: en !== undefined, category: category !== undefined, attrs: Object.keys(attrs), confidence: false },
      provenance,
    });
  }
  return { items, invalidIds };
}
