import { isValidId, MAX_ID_LENGTH, normalizeId, normalizeText, type ErrorCode } from "@chokepoint/graph-schema";
import { LIST_SEPARATOR } from "./csv-columns";

/** Result of reading one cell: a value, nothing (empty cell), or a problem for that cell. */
export type Cell<T> = { readonly value: T } | { readonly empty: true } | { readonly code: ErrorCode; readonly message: string };

/** An empty cell where a value is needed is FIELD_MISSING. */
export function required<T>(cell: Cell<T>, what: string): Cell<T> {
  return "empty" in cell ? { code: "FIELD_MISSING", message: `${what} is required` } : cell;
}

/** Export prefixes cells that a spreadsheet would run as a formula with `'` (csv-cell.ts in
 *  export); reading strips that prefix again so an exported file imports to the same text. */
const NEUTRALISED = /^'[=+\-@\t\r\0]/;

/** The cell's text: trimmed, export's formula guard removed; undefined when empty. */
export function cellText(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const t = raw.trim();
  if (t === "") return undefined;
  return NEUTRALISED.test(t) ? t.slice(1) : t;
}

/** Decimal numbers with a dot; no thousands separators, no percent signs, no hex. */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function numberCell(raw: string | undefined, options: { share?: boolean } = {}): Cell<number> {
  const t = cellText(raw);
  if (t === undefined) return { empty: true };
  if (!NUMBER.test(t)) {
    const hint = /^\d+,\d+$/.test(t) ? " (use a dot as the decimal separator)" : t.endsWith("%") ? " (write a fraction such as 0.4, not a percentage)" : "";
    return { code: "NUMBER_INVALID", message: `${quoted(t)} is not a number${hint}` };
  }
  const n = Number(t);
  if (!Number.isFinite(n)) return { code: "NUMBER_INVALID", message: `${quoted(t)} is too large to be a number` };
  if (n < 0) return { code: options.share ? "SHARE_OUT_OF_RANGE" : "NUMBER_INVALID", message: `${quoted(t)} is negative; quantities are zero or more` };
  if (options.share && n > 1) return { code: "SHARE_OUT_OF_RANGE", message: `a share is a fraction from 0 to 1, not ${quoted(t)}` };
  return { value: n === 0 ? 0 : n };
}

const TRUE = new Set(["true", "yes", "y", "1"]);
const FALSE = new Set(["false", "no", "n", "0"]);

export function booleanCell(raw: string | undefined): Cell<boolean> {
  const t = cellText(raw)?.toLowerCase();
  if (t === undefined) return { empty: true };
  if (TRUE.has(t)) return { value: true };
  if (FALSE.has(t)) return { value: false };
  return { code: "FIELD_TYPE", message: `${quoted(t)} is not true or false` };
}

/** A `|`-separated list; empty entries are dropped. */
export function listCell(raw: string | undefined): string[] {
  const t = cellText(raw);
  if (t === undefined) return [];
  return t
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** A fixed vocabulary (kinds, flags, categories) matched forgivingly: case, and `-` or spaces
 *  for `_`, do not matter ("sourced from" is SOURCED_FROM, "product" is Product). */
export class Vocabulary<T extends string> {
  private readonly byKey = new Map<string, T>();

  constructor(
    private readonly values: readonly T[],
    private readonly code: ErrorCode,
    private readonly what: string,
  ) {
    for (const v of values) {
      this.byKey.set(v, v);
      this.byKey.set(canonical(v), v);
    }
  }

  read(raw: string | undefined): Cell<T> {
    const t = cellText(raw);
    if (t === undefined) return { empty: true };
    const found = this.byKey.get(t) ?? this.byKey.get(canonical(t));
    return found !== undefined ? { value: found } : { code: this.code, message: `${quoted(t)} is not a known ${this.what}; use one of ${this.values.join(", ")}` };
  }
}

function canonical(s: string): string {
  return s.toLowerCase().replace(/[\s-]+/g, "_");
}

/** An id cell under graph-schema's id rules (normalised, then lowercase kebab-case). */
export function idCell(raw: string | undefined): Cell<string> {
  const t = cellText(raw);
  if (t === undefined) return { code: "FIELD_MISSING", message: "the id is missing" };
  const id = normalizeId(t);
  if (!isValidId(id)) return { code: "ID_INVALID", message: `${quoted(t)} is not an id: use lowercase kebab-case (letters a-z, digits, single hyphens), at most ${MAX_ID_LENGTH} characters` };
  return { value: id };
}

/** A text cell under graph-schema's text rules: at most `max` characters, stored in NFC without
 *  invisible characters; empty after that counts as not given. */
export function textCell(raw: string | undefined, max: number): Cell<string> {
  const t = cellText(raw);
  if (t === undefined) return { empty: true };
  if (t.length > max) return { code: "TEXT_TOO_LONG", message: `the text is ${t.length} characters; the limit is ${max}` };
  const normal = normalizeText(t);
  return normal === "" ? { empty: true } : { value: normal };
}

/** User text in a message: JSON-quoted (so control and bidi characters are visible) and short. */
export function quoted(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
}
