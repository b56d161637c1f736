/**
 * Id → node index, as an open-addressing hash table (linear probing, FNV-1a over UTF-16 code
 * units) in one Int32Array. A JS Map of 10^6 string keys grows by rehashing large backing stores
 * in the old generation, which on a big heap means repeated full garbage collections; this table
 * is allocated once, at a load factor ≤ 0.5, and holds no objects.
 */
export interface IdIndex {
  get(id: string): number | undefined;
  has(id: string): boolean;
  readonly size: number;
}

function hash(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h ^ (h >>> 15);
}

export class IdTable implements IdIndex {
  private readonly slots: Int32Array;
  private readonly mask: number;
  size = 0;

  constructor(
    /** The ids by index (the table stores indices only). */
    private readonly ids: readonly string[],
    capacity: number,
  ) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
  }

  /** Adds index i under `ids[i]` unless that id is present; returns false for a duplicate. */
  add(i: number): boolean {
    const id = this.ids[i]!;
    const { slots, mask, ids } = this;
    for (let p = hash(id) & mask; ; p = (p + 1) & mask) {
      const v = slots[p];
      if (v < 0) {
        slots[p] = i;
        this.size++;
        return true;
      }
      if (ids[v] === id) return false;
    }
  }

  get(id: string): number | undefined {
    const { slots, mask, ids } = this;
    for (let p = hash(id) & mask; ; p = (p + 1) & mask) {
      const v = slots[p];
      if (v < 0) return undefined;
      if (ids[v] === id) return v;
    }
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }
}
