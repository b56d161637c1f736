/**
 * Sorting a breadth-first level of node indices, for the passes that take a queue of nodes level by
 * level (Kahn's topological order, the failure propagation, the explanation search). Taking each
 * level's nodes in index order, rather than in the order they were found, turns their reads of
 * per-node arrays (adjacency offsets, kinds) from random reads over the graph into ascending runs,
 * which at 10^6 nodes is much of those passes' time.
 */

/** Sorts `a[from .. to)` (distinct node indices) ascending, through a bitmap of the nodes
 *  (`marks`, all zero, and left so): one bit per node, so the span of the graph a level covers is
 *  scanned 32 nodes at a time (at 10^6 nodes, at most 31,250 words). */
export function sortByIndex(a: Int32Array, from: number, to: number, marks: Int32Array): void {
  let lowest = 0x7fffffff;
  let highest = -1;
  for (let i = from; i < to; i++) {
    const v = a[i];
    marks[v >> 5] |= 1 << (v & 31);
    if (v < lowest) lowest = v;
    if (v > highest) highest = v;
  }
  let at = from;
  for (let word = lowest >> 5; word <= highest >> 5; word++) {
    let bits = marks[word];
    if (bits === 0) continue;
    marks[word] = 0;
    while (bits !== 0) {
      const low = bits & -bits;
      a[at++] = (word << 5) + 31 - Math.clz32(low);
      bits ^= low;
    }
  }
}

/**
 * For a queue taken level by level, called with each `head` in turn: at the start of a level
 * (`head === levelEnd`; the level is `queue[levelEnd .. tail)`), sorts the level and returns its
 * end; otherwise returns `levelEnd` unchanged. Small enough for the JIT to inline into the loops.
 */
export function sortLevelAt(queue: Int32Array, head: number, levelEnd: number, tail: number, marks: Int32Array): number {
  if (head !== levelEnd) return levelEnd;
  sortByIndex(queue, levelEnd, tail, marks);
  return tail;
}
