/** Edge keys by node id, for one direction. Most nodes have a handful of edges, so small lists are
 *  plain arrays (an eighth of a Set's memory, no hashing on insert); a list that grows past
 *  `SMALL` becomes a Set, so removing edges from a hub stays O(1). */
const SMALL = 8;
const EMPTY: readonly string[] = Object.freeze([]);

export class IncidenceIndex {
  private readonly lists = new Map<string, string[] | Set<string>>();

  add(id: string, key: string): void {
    const list = this.lists.get(id);
    if (list === undefined) this.lists.set(id, [key]);
    else if (!Array.isArray(list)) list.add(key);
    else if (list.length < SMALL) list.push(key);
    else this.lists.set(id, new Set([...list, key]));
  }

  remove(id: string, key: string): void {
    const list = this.lists.get(id);
    if (list === undefined) return;
    if (!Array.isArray(list)) {
      list.delete(key);
      if (list.size === 0) this.lists.delete(id);
      return;
    }
    const i = list.indexOf(key);
    if (i < 0) return;
    list[i] = list[list.length - 1]!;
    list.pop();
    if (list.length === 0) this.lists.delete(id);
  }

  /** The keys, unordered. Read them before the next write; they are the index's own storage. */
  keys(id: string): Iterable<string> {
    return this.lists.get(id) ?? EMPTY;
  }
}
