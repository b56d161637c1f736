import { longLivedInt32 } from "./long-lived-arrays";

const EMPTY = -1;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Ids numbered 0, 1, 2, … in the order they were added, with each id's number found through an
 * open-addressing table of (number, id hash) pairs in one typed array. Used wherever millions of
 * ids are resolved (validating a file's edges, compacting a snapshot for analysis). A Map of 10^6
 * string keys is slower here: JSON.parse leaves most ids as separate string objects, which a Map
 * must hash and compare through several scattered memory reads, and it grows by rehashing large
 * backing stores; this table is allocated once at a load factor ≤ 0.5, and compares ids only
 * when their hashes agree, so it stays exact.
 */
export class IdTable {
  /** The ids by number. */
  readonly ids: string[] = [];
  /** slots[2k] = number (or EMPTY), slots[2k + 1] = hash of the id there. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(private readonly capacity: number) {
    // A power of two at least twice the capacity, so that probes stay short.
    let size = 16;
    while (size < 2 * capacity) size *= 2;
    this.slots = longLivedInt32(2 * size).fill(EMPTY);
    this.mask = size - 1;
  }

  get size(): number {
    return this.ids.length;
  }

  /** Gives `id` the next number and returns -1; or, when `id` is already present, changes
   *  nothing and returns its number. */
  add(id: string): number {
    const h = hashId(id);
    let k = h & this.mask;
    for (let p = this.slots[2 * k]!; p !== EMPTY; p = this.slots[2 * k]!) {
      if (this.slots[2 * k + 1] === h && this.ids[p] === id) return p;
      k = (k + 1) & this.mask;
    }
    const p = this.ids.length;
    if (p === this.capacity) throw new RangeError(`an IdTable made for ${this.capacity} ids`);
    this.slots[2 * k] = p;
    this.slots[2 * k + 1] = h;
    this.ids.push(id);
    return -1;
  }

  /** The number of `id`, or undefined. */
  get(id: string): number | undefined {
    const h = hashId(id);
    let k = h & this.mask;
    for (let p = this.slots[2 * k]!; p !== EMPTY; p = this.slots[2 * k]!) {
      if (this.slots[2 * k + 1] === h && this.ids[p] === id) return p;
      k = (k + 1) & this.mask;
    }
    return undefined;
  }

  /** The number of the id whose characters are bytes `start … end - 1` of `b`, which the caller
   *  has checked are ASCII (one character each), or undefined. Hashes exactly as `get` does. */
  getAscii(b: Uint8Array, start: number, end: number): number | undefined {
    const h = hashAscii(b, start, end);
    let k = h & this.mask;
    for (let p = this.slots[2 * k]!; p !== EMPTY; p = this.slots[2 * k]!) {
      if (this.slots[2 * k + 1] === h && asciiIs(this.ids[p]!, b, start, end)) return p;
      k = (k + 1) & this.mask;
    }
    return undefined;
  }

  /** The id numbered `p`. */
  idAt(p: number): string {
    return this.ids[p]!;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }
}

/** FNV-1a over the UTF-16 code units, then a final avalanche so that ids differing only in their
 *  last characters (part-1, part-2, …) still spread over the low bits the table uses. */
function hashId(id: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), FNV_PRIME);
  return avalanche(h);
}

/** hashId of the ASCII text in bytes `start … end - 1` of `b`. */
function hashAscii(b: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ b[i]!, FNV_PRIME);
  return avalanche(h);
}

function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Whether `id` is the ASCII text in bytes `start … end - 1` of `b`. */
export function asciiIs(id: string, b: Uint8Array, start: number, end: number): boolean {
  if (id.length !== end - start) return false;
  for (let i = 0; i < id.length; i++) if (id.charCodeAt(i) !== b[start + i]) return false;
  return true;
}
