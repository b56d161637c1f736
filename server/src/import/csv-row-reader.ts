import { isValidId, MAX_ID_LENGTH, normalizeId, normalizeText, type ErrorCode } from "@chokepoint/graph-schema";
import { LIST_SEPARATOR } from "./csv-columns";
import type { ColumnIndex } from "./csv-header";
import type { CsvRecord } from "./csv-parse";
import type { ProblemList } from "./problems";

/** Export prefixes cells that a spreadsheet would run as a formula with `'` (csv-cell.ts in
 *  export); reading strips that prefix again so an exported file imports to the same text. */
const NEUTRALISED = /^'[=+\-@\t\r\0]/;

/** A cell's text: trimmed, export's formula guard removed; undefined when empty. */
export function cellText(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const t = raw.trim();
  if (t === "") return undefined;
  return t.charCodeAt(0) === 0x27 && NEUTRALISED.test(t) ? t.slice(1) : t;
}

/** User text in a message: JSON-quoted (so control and bidi characters are visible) and short. */
export function quoted(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
}

/** A fixed vocabulary (kinds, flags, categories) matched forgivingly: case, and `-` or spaces
 *  for `_`, do not matter ("sourced from" is SOURCED_FROM, "product" is Product). */
export class Vocabulary<T extends string> {
  private readonly byKey = new Map<string, T>();

  constructor(
    readonly values: readonly T[],
    readonly code: ErrorCode,
    readonly what: string,
  ) {
    for (const v of values) {
      this.byKey.set(v, v);
      this.byKey.set(canonical(v), v);
    }
  }

  lookup(text: string): T | undefined {
    return this.byKey.get(text) ?? this.byKey.get(canonical(text));
  }
}

function canonical(s: string): string {
  return s.toLowerCase().replace(/[\s-]+/g, "_");
}

/** Decimal numbers with a dot; no thousands separators, no percent signs, no hex. */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const TRUE = new Set(["true", "yes", "y", "1"]);
const FALSE = new Set(["false", "no", "n", "0"]);

/**
 * Reads the cells of one CSV row at a time under graph-schema's rules (ids, text lengths and
 * normalisation, vocabularies, finite non-negative numbers). Each method returns the value, or
 * undefined for an empty cell or a fault; faults are recorded at the row and column. One reader
 * serves a whole file (no per-row closures or result objects: this runs for millions of cells).
 */
export class CsvRowReader<C extends string> {
  private fields: readonly string[] = [];
  private row = 0;
  private problemsBefore = 0;

  constructor(
    private readonly file: string,
    private readonly columns: ColumnIndex<C>,
    private readonly problems: ProblemList,
  ) {}

  start(record: CsvRecord): void {
    this.fields = record.fields;
    this.row = record.row;
    this.problemsBefore = this.problems.count;
  }

  /** True when a cell of the current row was faulty. */
  get failed(): boolean {
    return this.problems.count > this.problemsBefore;
  }

  fail(column: C, code: ErrorCode, message: string): undefined {
    this.problems.at({ file: this.file, row: this.row, column }, code, message);
    return undefined;
  }

  /** The cell's trimmed text, undefined when the column is absent or the cell empty. */
  text(column: C): string | undefined {
    const i = this.columns.get(column);
    return i === undefined ? undefined : cellText(this.fields[i]);
  }

  id(column: C): string | undefined {
    const t = this.text(column);
    if (t === undefined) return this.fail(column, "FIELD_MISSING", `${column} is required`);
    const id = normalizeId(t);
    if (isValidId(id)) return id;
    return this.fail(column, "ID_INVALID", `${quoted(t)} is not an id: use lowercase kebab-case (letters a-z, digits, single hyphens), at most ${MAX_ID_LENGTH} characters`);
  }

  /** Text stored in NFC without invisible characters; at most `max` characters. */
  words(column: C, max: number, raw = this.text(column)): string | undefined {
    if (raw === undefined) return undefined;
    if (raw.length > max) return this.fail(column, "TEXT_TOO_LONG", `the text is ${raw.length} characters; the limit is ${max}`);
    const t = normalizeText(raw);
    return t === "" ? undefined : t;
  }

  number(column: C, share = false): number | undefined {
    const t = this.text(column);
    if (t === undefined) return undefined;
    if (!NUMBER.test(t)) {
      const hint = /^\d+,\d+$/.test(t) ? " (use a dot as the decimal separator)" : t.endsWith("%") ? " (write a fraction such as 0.4, not a percentage)" : "";
      return this.fail(column, "NUMBER_INVALID", `${quoted(t)} is not a number${hint}`);
    }
    const n = Number(t);
    if (!Number.isFinite(n)) return this.fail(column, "NUMBER_INVALID", `${quoted(t)} is too large to be a number`);
    if (n < 0) return this.fail(column, share ? "SHARE_OUT_OF_RANGE" : "NUMBER_INVALID", `${quoted(t)} is negative; quantities are zero or more`);
    if (share && n > 1) return this.fail(column, "SHARE_OUT_OF_RANGE", `a share is a fraction from 0 to 1, not ${quoted(t)}`);
    return n === 0 ? 0 : n;
  }

  boolean(column: C): boolean | undefined {
    const t = this.text(column)?.toLowerCase();
    if (t === undefined) return undefined;
    if (TRUE.has(t)) return true;
    if (FALSE.has(t)) return false;
    return this.fail(column, "FIELD_TYPE", `${quoted(t)} is not true or false`);
  }

  term<T extends string>(column: C, vocabulary: Vocabulary<T>, raw = this.text(column)): T | undefined {
    if (raw === undefined) return undefined;
    return vocabulary.lookup(raw) ?? this.fail(column, vocabulary.code, `${quoted(raw)} is not a known ${vocabulary.what}; use one of ${vocabulary.values.join(", ")}`);
  }

  requiredTerm<T extends string>(column: C, vocabulary: Vocabulary<T>): T | undefined {
    const raw = this.text(column);
    return raw === undefined ? this.fail(column, "FIELD_MISSING", `${column} is required`) : this.term(column, vocabulary, raw);
  }

  /** A `|`-separated list; empty entries are dropped. */
  list(column: C): string[] {
    const t = this.text(column);
    if (t === undefined) return [];
    const out: string[] = [];
    for (const s of t.split(LIST_SEPARATOR)) {
      const item = s.trim();
      if (item !== "") out.push(item);
    }
    return out;
  }
}
