import type { CsvTable } from "./csv-columns";
import type { CsvRecord } from "./csv-parse";
import type { ProblemList } from "./problems";

/** Column name → cell index, for the columns a file has. */
export type ColumnIndex<C extends string> = ReadonlyMap<C, number>;

/** Header names are matched trimmed and case-insensitively ("Name_EN" is name_en). */
function headerName(cell: string): string {
  return cell.trim().toLowerCase();
}

/**
 * Checks the header row: every cell a known column (CSV_HEADER_UNKNOWN), none twice
 * (CSV_HEADER_DUPLICATE), the required ones present (CSV_HEADER_MISSING). Returns the column index,
 * or undefined when the header is unusable.
 */
export function readHeader<C extends string>(header: CsvRecord, table: CsvTable<C>, file: string, problems: ProblemList): ColumnIndex<C> | undefined {
  const before = problems.count;
  const index = new Map<C, number>();
  const known = new Set<string>(table.columns);
  header.fields.forEach((cell, i) => {
    const name = headerName(cell);
    const shown = name === "" ? `column ${i + 1}` : name.slice(0, 40);
    if (!known.has(name)) {
      const hint = name.includes(";") || name.includes("\t") ? " (the file seems to use ; or tab as separator; use commas)" : "";
      return problems.at({ file, row: header.row, column: shown }, "CSV_HEADER_UNKNOWN", `unknown column "${shown}"; columns are ${table.columns.join(", ")}${hint}`);
    }
    if (index.has(name as C)) return problems.at({ file, row: header.row, column: name }, "CSV_HEADER_DUPLICATE", `column "${name}" appears twice`);
    index.set(name as C, i);
  });
  for (const c of table.required) {
    if (!index.has(c)) problems.at({ file, row: header.row, column: c }, "CSV_HEADER_MISSING", `required column "${c}" is missing`);
  }
  if (table.oneOf.length > 0 && !table.oneOf.some((c) => index.has(c))) {
    problems.at({ file, row: header.row, column: table.oneOf.join("|") }, "CSV_HEADER_MISSING", `needs at least one of the columns ${table.oneOf.join(", ")}`);
  }
  return problems.count > before ? undefined : index;
}
