/** Keys of a map in ascending string order, for paging and deterministic export. Built lazily by
 *  one sort, then kept up to date from the adds and removals recorded since (binary-search splices
 *  for a few, one merge pass for many), so an edit does not cost a full re-sort of a large graph. */
export class SortedKeys {
  private sorted: string[] | null = null;
  private added = new Set<string>();
  private removed = new Set<string>();

  /** A key entered the underlying map. */
  add(key: string): void {
    if (this.sorted === null) return;
    if (!this.removed.delete(key)) this.added.add(key);
    this.dropIfLarge();
  }

  /** A key left the underlying map. */
  remove(key: string): void {
    if (this.sorted === null) return;
    if (!this.added.delete(key)) this.removed.add(key);
    this.dropIfLarge();
  }

  /** The keys in order. The returned array is owned by this index: read it, never keep it
   *  across a write. */
  keys(source: () => Iterable<string>): readonly string[] {
    if (this.sorted === null) {
      this.sorted = Array.from(source()).sort();
    } else if (this.added.size + this.removed.size > 0) {
      this.sorted = this.added.size + this.removed.size <= 32 ? this.splice(this.sorted) : this.merge(this.sorted);
    }
    this.added.clear();
    this.removed.clear();
    return this.sorted;
  }

  private splice(keys: string[]): string[] {
    for (const k of this.removed) {
      const i = lowerBound(keys, k);
      if (keys[i] === k) keys.splice(i, 1);
    }
    for (const k of this.added) keys.splice(lowerBound(keys, k), 0, k);
    return keys;
  }

  private merge(keys: string[]): string[] {
    const kept = this.removed.size > 0 ? keys.filter((k) => !this.removed.has(k)) : keys;
    const adds = Array.from(this.added).sort();
    const out = new Array<string>(kept.length + adds.length);
    let i = 0;
    let j = 0;
    let o = 0;
    while (i < kept.length && j < adds.length) out[o++] = kept[i]! < adds[j]! ? kept[i++]! : adds[j++]!;
    while (i < kept.length) out[o++] = kept[i++]!;
    while (j < adds.length) out[o++] = adds[j++]!;
    return out;
  }

  /** Pending changes that rival the index in size are cheaper to absorb with one fresh sort. */
  private dropIfLarge(): void {
    if (this.sorted !== null && this.added.size + this.removed.size > 1024 + this.sorted.length) {
      this.sorted = null;
      this.added.clear();
      this.removed.clear();
    }
  }
}

/** First index whose key is ≥ `key`. */
export function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose key is > `key`. */
export function upperBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
