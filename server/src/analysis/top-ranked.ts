/**
 * The first `limit` nodes by descending score, ties in snapshot order, among the nodes `eligible`
 * accepts. A bounded min-heap keeps the best `limit` seen so far, so ranking a million nodes for
 * the top 100 is one pass (sorting them all measured a third of a second).
 */
export function topRanked(nodeCount: number, score: Float64Array, limit: number, eligible: (v: number) => boolean): number[] {
  // "a ranks below b": lower score, or equal score and later in snapshot order.
  const below = (a: number, b: number): boolean => score[a] < score[b] || (score[a] === score[b] && a > b);
  const heap: number[] = [];
  const swap = (i: number, j: number): void => {
    const t = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = t;
  };
  for (let v = 0; v < nodeCount && limit > 0; v++) {
    if (!eligible(v)) continue;
    if (heap.length < limit) {
      heap.push(v);
      for (let i = heap.length - 1; i > 0 && below(heap[i]!, heap[(i - 1) >> 1]!); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
      continue;
    }
    if (!below(heap[0]!, v)) continue;
    heap[0] = v;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      if (l >= heap.length) break;
      const c = l + 1 < heap.length && below(heap[l + 1]!, heap[l]!) ? l + 1 : l;
      if (!below(heap[c]!, heap[i]!)) break;
      swap(i, c);
      i = c;
    }
  }
  return heap.sort((a, b) => score[b] - score[a] || a - b);
}
