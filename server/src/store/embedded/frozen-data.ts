/** Stored objects are shared with every reader (pages, snapshots, exports), so they are frozen
 *  once on the way in and replaced, never mutated, on later writes. Empty lists and records (most
 *  nodes have no aliases, flags or attributes) are replaced by one shared frozen instance: a
 *  million-node graph then holds millions fewer objects, which is memory and garbage-collection
 *  time. Only call this on objects the store owns (validated copies, parsed files). */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = shareOrFreeze(value[i]);
  } else {
    const o = value as Record<string, unknown>;
    for (const k in o) o[k] = shareOrFreeze(o[k]);
  }
  return Object.freeze(value);
}

const EMPTY_LIST: readonly unknown[] = Object.freeze([]);
const EMPTY_RECORD: Readonly<Record<string, never>> = Object.freeze({});

function shareOrFreeze(v: unknown): unknown {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) return v.length === 0 ? EMPTY_LIST : deepFreeze(v);
  return Object.getPrototypeOf(v) === Object.prototype && !hasKeys(v) ? EMPTY_RECORD : deepFreeze(v);
}

function hasKeys(o: object): boolean {
  for (const k in o) if (k !== undefined) return true;
  return false;
}

/** Structural equality for JSON-shaped data; keys holding `undefined` count as absent, so a
 *  normalised object equals the same object parsed back from disk. Allocation-free, since
 *  re-importing a large file compares every item. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const aList = Array.isArray(a);
  if (aList !== Array.isArray(b)) return false;
  if (aList) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!sameData(x[i], y[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let keys = 0;
  for (const k in ao) {
    const v = ao[k];
    if (v === undefined) continue;
    keys++;
    if (!sameData(v, bo[k])) return false;
  }
  for (const k in bo) if (bo[k] !== undefined) keys--;
  return keys === 0;
}
