import type { ColumnIndex } from "./csv-header";
import type { CsvRecord } from "./csv-parse";
import type { ProblemList } from "./problems";

/** Checks what every data row needs before its cells are read: well-formed quoting (already
 *  reported by the parser), as many cells as the header (CSV_COLUMN_COUNT), and no cell longer
 *  than the limit (TEXT_TOO_LONG). */
export function checkRecordShape<C extends string>(record: CsvRecord, columns: ColumnIndex<C>, width: number, file: string, maxFieldChars: number, problems: ProblemList): boolean {
  if (record.malformed) return false;
  if (record.fields.length !== width) {
    problems.at({ file, row: record.row }, "CSV_COLUMN_COUNT", `the row has ${record.fields.length} cells; the header has ${width} (an unquoted comma inside a cell splits it; quote such cells)`);
    return false;
  }
  let ok = true;
  for (const [column, i] of columns) {
    const length = record.fields[i]!.length;
    if (length > maxFieldChars) {
      problems.at({ file, row: record.row, column }, "TEXT_TOO_LONG", `the cell holds ${length} characters; the limit is ${maxFieldChars}`);
      ok = false;
    }
  }
  return ok;
}
