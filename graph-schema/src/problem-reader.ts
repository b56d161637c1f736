import { isValidId, normalizeId, normalizeText } from "./ids";
import type { ErrorCode, Problem } from "./errors";
import { isConfidence, type Confidence } from "./kinds";

/** Longest name, alias or note we accept; a quote may be longer (a whole sentence). Multi-megabyte
 *  fields are rejected rather than stored. */
export const MAX_NAME_LENGTH = 300;
export const MAX_QUOTE_LENGTH = 4000;

export type Json = unknown;
export type Obj = Record<string, Json>;

/** A field name (`.kind`) or an array index (`[3]`): one step of a JSON path. */
export type PathKey = string | number;

/**
 * Collects problems while reading untrusted JSON; every reader returns `undefined` after
 * recording a problem, so one pass reports everything wrong with a document.
 *
 * The reader knows where it is (`enter`/`leave` move it into and out of a field or element) and
 * builds a JSON path only when it records a problem: a valid million-edge file then costs no path
 * strings at all. Composite readers work at the reader's position; the scalar readers take the
 * key of the field they read.
 */
export class ProblemReader {
  readonly problems: Problem[] = [];
  /** The root path (`$`, `$.node`) followed by the keys entered since. */
  private readonly at: PathKey[] = [];

  enter(key: PathKey): void {
    this.at.push(key);
  }

  leave(): void {
    this.at.pop();
  }

  /** The JSON path of the reader's position, extended by `key` when given. */
  private path(key?: PathKey): string {
    let p = String(this.at[0] ?? "");
    for (let i = 1; i < this.at.length; i++) p += step(this.at[i]!);
    return key === undefined ? p : p + step(key);
  }

  add(code: ErrorCode, key: PathKey | undefined, message: string): undefined {
    this.problems.push({ code, path: this.path(key), message });
    return undefined;
  }

  /** The value here as an object, reporting each field not in `allowed`. */
  object(v: Json, allowed: ReadonlySet<string>): Obj | undefined {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return this.add("FIELD_TYPE", undefined, "expected an object");
    const o = v as Obj;
    // for…in rather than Object.keys: no array per object. It also visits inherited enumerable
    // keys, which Object.keys does not, so an unknown key must be the object's own to count.
    for (const k in o) {
      if (!allowed.has(k) && Object.prototype.hasOwnProperty.call(o, k)) this.add("FIELD_UNKNOWN", k, `unknown field "${k.slice(0, 40)}"`);
    }
    return o;
  }

  /** The value here as an array. */
  array(v: Json): readonly Json[] | undefined {
    if (!Array.isArray(v)) return this.add("FIELD_TYPE", undefined, "expected an array");
    return v;
  }

  text(v: Json, key: PathKey, max = MAX_NAME_LENGTH, required = true): string | undefined {
    if (v === undefined || v === null) return required ? this.add("FIELD_MISSING", key, "required text is missing") : undefined;
    if (typeof v !== "string") return this.add("FIELD_TYPE", key, "expected text");
    if (v.length > max) return this.add("TEXT_TOO_LONG", key, `text longer than ${max} characters`);
    const t = normalizeText(v);
    if (required && t === "") return this.add("FIELD_MISSING", key, "required text is empty");
    return t === "" ? undefined : t;
  }

  id(v: Json, key: PathKey): string | undefined {
    if (v === undefined || v === null) return this.add("FIELD_MISSING", key, "id is missing");
    if (typeof v !== "string") return this.add("ID_INVALID", key, "an id must be text (numbers are not ids)");
    if (isValidId(v)) return v; // already normal (see normalizeId)
    const id = normalizeId(v);
    if (!isValidId(id)) return this.add("ID_INVALID", key, "an id must be lowercase kebab-case: letters a-z, digits and single hyphens, at most 128 characters");
    return id;
  }

  /** A finite number in [min, max] (no upper bound when `max` is undefined), whole if `integer`;
   *  out of range is `code`. Plain parameters rather than an options object: this runs per value. */
  number(v: Json, key: PathKey, min: number, max: number | undefined, integer: boolean, code: ErrorCode = "NUMBER_INVALID"): number | undefined {
    if (typeof v !== "number" || !Number.isFinite(v)) return this.add("NUMBER_INVALID", key, "expected a finite number");
    if (integer && !Number.isSafeInteger(v)) return this.add("NUMBER_INVALID", key, "expected a whole number");
    if (v < min || (max !== undefined && v > max)) return this.add(code, key, `expected a number between ${min} and ${max ?? "∞"}`);
    return v;
  }

  confidence(v: Json, key: PathKey): Confidence | undefined {
    if (v === undefined) return "stated";
    return isConfidence(v) ? v : this.add("CONFIDENCE_UNKNOWN", key, "confidence must be stated, inferred or imported");
  }
}

function step(key: PathKey): string {
  return typeof key === "number" ? `[${key}]` : `.${key}`;
}
