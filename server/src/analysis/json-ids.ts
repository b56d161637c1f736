/**
 * Node ids as UTF-8 JSON string literals, all encoded once into one byte pool: an id appears in
 * many proof paths and product lists, and copying its bytes is cheaper than encoding it again.
 */
import { copiesAsIs, type JsonWriter } from "./json-writer";
import { scratchInt32, scratchUint8 } from "./scratch";

const COMMA = 0x2c;
const QUOTE = 0x22;
/** Room past the last id, so copies can read whole words (see JsonWriter.copy). */
const SLACK = 8;

const encoder = new TextEncoder();

export class JsonIds {
  /** `,"id"` of node v (the comma leads, so a list element is one copy) is
   *  `pool[start[v], start[v + 1])`. */
  private readonly pool: DataView;
  private readonly start: Int32Array;

  constructor(
    ids: readonly string[],
    private readonly out: JsonWriter,
  ) {
    this.start = scratchInt32("report.idStart", ids.length + 1);
    this.pool = encodeAllPlain(ids, this.start) ?? encodeEach(ids, this.start);
  }

  /** Writes node v's id as a JSON string. */
  write(v: number): void {
    this.out.copy(this.pool, this.start[v] + 1, this.start[v + 1]);
  }

  /** Writes a comma, then node v's id as a JSON string (the next element of a list). */
  writeNext(v: number): void {
    this.out.copy(this.pool, this.start[v], this.start[v + 1]);
  }
}

/**
 * The usual case, ids that are plain ASCII needing no escapes, in two native calls: the JSON of
 * the id array `["a","b",…]` already holds `,"b"` for every id but the first (whose `[` becomes
 * a comma). Null if any id is not plain: escapes make the JSON longer than the ids' lengths
 * predict, and non-ASCII makes the UTF-8 longer than the JSON.
 */
function encodeAllPlain(ids: readonly string[], start: Int32Array): DataView | null {
  let length = 2 + Math.max(0, ids.length - 1);
  for (let v = 0; v < ids.length; v++) length += ids[v]!.length + 2;
  const json = JSON.stringify(ids);
  if (json.length !== length) return null;
  const pool = scratchUint8("report.idBytes", length + SLACK);
  const { read, written } = encoder.encodeInto(json, pool);
  if (read !== length || written !== length) return null;
  pool[0] = COMMA;
  start[0] = 0;
  for (let v = 0; v < ids.length; v++) start[v + 1] = start[v] + ids[v]!.length + 3;
  return new DataView(pool.buffer, pool.byteOffset, pool.byteLength);
}

/** Any ids: each as `,` + JSON.stringify(id) in UTF-8 (its escaping, so lone surrogates and
 *  control characters come out exactly as it writes them). */
function encodeEach(ids: readonly string[], start: Int32Array): DataView {
  // A bound on the bytes: plain ids take their length plus 3; others at most 3 UTF-8 bytes per
  // UTF-16 unit of their JSON, plus the comma.
  let bound = SLACK;
  for (let v = 0; v < ids.length; v++) bound += isPlain(ids[v]!) ? ids[v]!.length + 3 : 3 * JSON.stringify(ids[v]!).length + 1;
  const pool = new Uint8Array(bound);
  let pos = 0;
  for (let v = 0; v < ids.length; v++) {
    const id = ids[v]!;
    start[v] = pos;
    pool[pos++] = COMMA;
    if (isPlain(id)) {
      pool[pos++] = QUOTE;
      for (let i = 0; i < id.length; i++) pool[pos++] = id.charCodeAt(i);
      pool[pos++] = QUOTE;
    } else pos += encoder.encodeInto(JSON.stringify(id), pool.subarray(pos)).written;
  }
  start[ids.length] = pos;
  return new DataView(pool.buffer);
}

/** True when JSON.stringify leaves s as it is and UTF-8 is one byte per character. */
function isPlain(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!copiesAsIs(c)) return false;
  }
  return true;
}
