import { ChokepointError } from "@chokepoint/graph-schema";
import { deepFreeze } from "./frozen-data";
import { CHANGE_FIELDS, type StoredChange } from "./stored-change";

/** One log record's payload: a slice of a write. A write too large for one record (a big import)
 *  spans several; only the record with `last` set commits it, so recovery never applies half of
 *  one. JSON keeps the log greppable and lets V8's fast parser do the work. */
export interface ChangePart {
  readonly last: boolean;
  readonly change: StoredChange;
}

/** Splits a change into UTF-8 JSON payloads of about `maxBytes` each, produced one at a time so
 *  the caller can write each before the next is built. Items are serialised a slice at a time (one
 *  `JSON.stringify` per slice is much cheaper than one per item) and never all at once, so a change
 *  far larger than V8's maximum string length can still be written. */
export function* encodeChangeParts(change: StoredChange, maxBytes: number): Generator<Buffer> {
  let fields = new Map<string, string[]>();
  let size = 0;
  const part = (last: boolean): Buffer => {
    const body = [...fields].map(([f, slices]) => `${JSON.stringify(f)}:[${slices.join(",")}]`).join(",");
    fields = new Map();
    size = 0;
    return Buffer.from(`{"last":${last},"change":{${body}}}`, "utf8");
  };
  for (const field of CHANGE_FIELDS) {
    const items = change[field];
    let step = SLICE_ITEMS;
    for (let i = 0; i < items.length; ) {
      const json = JSON.stringify(items.slice(i, i + step));
      if (json.length > maxBytes && step > 1) {
        step = Math.max(1, step >> 2);
        continue;
      }
      if (size > 0 && size + json.length > maxBytes) yield part(false);
      let slices = fields.get(field);
      if (!slices) fields.set(field, (slices = []));
      slices.push(json.slice(1, -1));
      size += json.length;
      i += step;
    }
  }
  yield part(true);
}

const SLICE_ITEMS = 512;

/** Payloads passed their checksum, so a shape error here means a bug or a foreign file, not a
 *  torn write: the caller reports the store as corrupt rather than guessing. */
export function decodeChangePart(payload: Buffer): ChangePart {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload.toString("utf8"));
  } catch (cause) {
    throw new ChokepointError("STORE_CORRUPT", "a change-log record has a valid checksum but unreadable content", { cause });
  }
  const o = parsed as { last?: unknown; change?: Record<string, unknown> } | null;
  if (typeof o !== "object" || o === null || typeof o.last !== "boolean" || typeof o.change !== "object" || o.change === null) {
    throw new ChokepointError("STORE_CORRUPT", "a change-log record has a valid checksum but an unknown shape");
  }
  const change: Record<string, unknown[]> = {};
  for (const f of CHANGE_FIELDS) {
    const v = o.change[f];
    if (v !== undefined && !Array.isArray(v)) throw new ChokepointError("STORE_CORRUPT", `a change-log record has a malformed ${f} list`);
    change[f] = (v as unknown[] | undefined) ?? [];
  }
  return { last: o.last, change: deepFreeze(change as unknown as StoredChange) };
}
