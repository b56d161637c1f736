/**
 * CSV for spreadsheets: RFC 4180 quoting, CRLF rows, a UTF-8 BOM so Excel reads Chinese text, and
 * cells that a spreadsheet would run as a formula (leading = + - @, tab or CR) prefixed with a
 * single quote (OWASP "CSV injection").
 */
export type Cell = string | number | boolean | null | undefined;

export const BOM = "\uFEFF";

export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : typeof value === "boolean" ? String(value) : neutralise(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return BOM + [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
