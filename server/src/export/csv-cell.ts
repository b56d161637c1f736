/** Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"), plus the
 *  control characters some spreadsheets skip before looking for one. */
const FORMULA_START = /^[=+\-@\t\r\0]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * One CSV cell (RFC 4180), safe to open in a spreadsheet: a cell that could start a formula gets a
 * leading `'`, which spreadsheets show as text; the importer strips it again, so the stored text
 * round-trips. Cells with quotes, commas, line breaks or edge spaces are quoted.
 */
export function csvCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return "";
  if (typeof value !== "string") return String(value);
  const neutralised = FORMULA_START.test(value);
  const text = neutralised ? `'${value}` : value;
  return neutralised || NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | boolean | undefined)[]): string {
  return cells.map(csvCell).join(",");
}

/** UTF-8 byte-order mark: without it, Excel opens UTF-8 CSV as the local code page and garbles
 *  Chinese names. */
export const CSV_BOM = "\uFEFF";
