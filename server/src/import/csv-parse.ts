import type { ProblemList } from "./problems";

/** One CSV record. `row` counts records from 1 (the header), so it is the row number a
 *  spreadsheet shows even when a quoted cell spans several lines. */
export interface CsvRecord {
  readonly row: number;
  readonly fields: readonly string[];
  /** A quoting fault was reported for this record; its cells are not trustworthy. */
  readonly malformed: boolean;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/**
 * RFC 4180 parser: comma-separated, cells optionally in double quotes, `""` inside quotes is one
 * quote, quoted cells may hold commas and line breaks, records end in CRLF, LF or CR. Stricter
 * than spreadsheets on purpose: a quote inside an unquoted cell, or text after a closing quote, is
 * CSV_MALFORMED rather than guessed at; an unclosed quote stops parsing (everything after it would
 * be one cell). Blank lines are skipped but still counted, so row numbers match the file.
 * Cells are slices of the input, so a 10 MB cell costs no more than its bytes.
 */
export function parseCsv(text: string, file: string, problems: ProblemList): CsvRecord[] {
  const records: CsvRecord[] = [];
  const special = /[,\r\n"]/g;
  const cellEnd = /[,\r\n]/g;
  const n = text.length;
  let i = 0;
  let row = 0;
  while (i < n && !problems.full) {
    row++;
    const fields: string[] = [];
    let fault: string | undefined;
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        let start = i + 1;
        let pieces: string[] | undefined;
        let close: number;
        for (;;) {
          close = text.indexOf('"', start);
          if (close === -1) {
            problems.at({ file, row }, "CSV_MALFORMED", "a quoted cell that starts in this row is never closed (an unbalanced quote)");
            return records;
          }
          if (text.charCodeAt(close + 1) !== QUOTE) break;
          (pieces ??= []).push(text.slice(start, close + 1));
          start = close + 2;
        }
        fields.push(pieces ? pieces.join("") + text.slice(start, close) : text.slice(start, close));
        i = close + 1;
        const c = text.charCodeAt(i);
        if (i < n && c !== COMMA && c !== CR && c !== LF) {
          fault ??= `text after the closing quote of cell ${fields.length}; quote the whole cell and double any quote inside it`;
          cellEnd.lastIndex = i;
          i = cellEnd.exec(text)?.index ?? n;
        }
      } else {
        special.lastIndex = i;
        let m = special.exec(text);
        while (m && m[0] === '"') {
          fault ??= `a quote inside unquoted cell ${fields.length + 1}; quote the whole cell and double the quote ("")`;
          m = special.exec(text);
        }
        const end = m ? m.index : n;
        fields.push(text.slice(i, end));
        i = end;
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      i++;
      if (c === COMMA) continue;
      if (c === CR && text.charCodeAt(i) === LF) i++;
      break;
    }
    if (fault !== undefined) problems.at({ file, row }, "CSV_MALFORMED", fault);
    if (fields.length === 1 && fields[0] === "") continue;
    records.push({ row, fields, malformed: fault !== undefined });
  }
  return records;
}

/** The record number at the end of `textBefore` (for faults found before parsing, such as a bad
 *  byte): line breaks inside quotes do not start a new row. */
export function csvRowOf(textBefore: string): number {
  let row = 1;
  let quoted = false;
  for (let i = 0; i < textBefore.length; i++) {
    const c = textBefore.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === LF || (c === CR && textBefore.charCodeAt(i + 1) !== LF))) row++;
  }
  return row;
}
