/**
 * Intersection of two down-closed failure sets kept as generators (the `intersect` of
 * Cooper, Harvey & Kennedy, "A Simple, Fast Dominance Algorithm", 2001, generalised from a tree
 * to a DAG of generators).
 *
 * A set is I(A) = A ∪ everything reachable from A in the generator DAG, whose edges always go
 * to lower topological rank. Walk both frontiers from the highest rank down, one node at a time:
 * - if the top node v is in both frontiers, v and all of I(v) are in the intersection: emit v;
 * - if v is in one frontier only, nothing in the other frontier can reach v (all of it has lower
 *   rank), so v is not in the intersection; replace v by its generators in that frontier.
 * The walk stops when either frontier is empty. In a tree (one generator each) this is exactly
 * CHK's two-finger walk to the nearest common ancestor.
 */

import { longLivedInt32 } from "@chokepoint/graph-schema";
import { memoByGraph } from "./cache";
import { END, RANK, START } from "./dominance-info";

/**
 * Where the generators of a node live: `gens[info[4v + START] .. info[4v + END])`, with v's
 * topological rank at `info[4v + RANK]` (see `Dominance.info`). `overlay` (used by cut sets)
 * replaces some nodes' lists.
 */
export interface GeneratorView {
  gens: Int32Array;
  readonly info: Int32Array;
  readonly overlay?: Overlay;
}

/** Per-query replacement generator lists for the nodes with `stamp[v] === epoch`. */
export interface Overlay {
  readonly stamp: Int32Array;
  epoch: number;
  gens: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
}

/**
 * Per-node walk marks, interleaved as [in A, in B, queued] epoch stamps: a walk touches nodes all
 * over a 10^6-node graph, and one cache line per node instead of three is most of its speed.
 */
const IN_A = 0;
const IN_B = 1;
const QUEUED = 2;

export class MeetWalker {
  private readonly marks: Int32Array;
  private readonly heap: Int32Array;
  private readonly heapNode: Int32Array;
  private epoch = 0;
  private acc: Int32Array;
  private next: Int32Array;
  /** Result of the last `fold`: `result[0 .. resultLength)`. */
  result: Int32Array;
  resultLength = 0;

  constructor(nodeCount: number) {
    this.marks = longLivedInt32(3 * nodeCount);
    this.heap = longLivedInt32(nodeCount);
    this.heapNode = longLivedInt32(nodeCount);
    this.acc = longLivedInt32(64);
    this.next = longLivedInt32(64);
    this.result = this.acc;
  }

  /** Generators of ⋂ D(m) over `members[from .. to)` (to - from ≥ 1) into `result`, with the
   *  generators in `gens` and `info` (no overlay). Arrays rather than a view object: see
   *  `GeneratorList` in dominance.ts. */
  fold(members: Int32Array, from: number, to: number, gens: Int32Array, info: Int32Array): void {
    this.acc[0] = members[from];
    let len = 1;
    for (let i = from + 1; i < to && len > 0; i++) len = this.walk(len, members[i], gens, info, undefined);
    this.result = this.acc;
    this.resultLength = len;
  }

  /** Same as `fold` over an explicit list of members. */
  foldList(members: readonly number[], view: GeneratorView): void {
    this.acc[0] = members[0]!;
    let len = 1;
    for (let i = 1; i < members.length && len > 0; i++) len = this.walk(len, members[i]!, view.gens, view.info, view.overlay);
    this.result = this.acc;
    this.resultLength = len;
  }

  /** Intersects I(acc[0..accLen)) with D(b); the result replaces `acc`. */
  private walk(accLen: number, b: number, generators: Int32Array, info: Int32Array, overlay: Overlay | undefined): number {
    const { marks } = this;
    const useOverlay = overlay !== undefined;
    let acc = this.acc;
    // Fast path: one node on each side, following single-generator chains (CHK's two fingers).
    if (accLen === 1) {
      let a = acc[0];
      // Ranks are cached across steps: only the finger that moved needs a fresh (random) read,
      // and that read brings the node's generator range along in the same cache line.
      let rankA = info[4 * a + RANK];
      let rankB = info[4 * b + RANK];
      for (;;) {
        if (a === b) {
          acc[0] = a;
          return 1;
        }
        const top = rankA > rankB ? a : b;
        let gens = generators;
        let s = info[4 * top + START];
        let e = info[4 * top + END];
        if (useOverlay && overlay.stamp[top] === overlay.epoch) {
          gens = overlay.gens;
          s = overlay.start[top];
          e = overlay.end[top];
        }
        if (e === s) return 0;
        if (e - s > 1) break;
        if (top === a) {
          a = gens[s];
          rankA = info[4 * a + RANK];
        } else {
          b = gens[s];
          rankB = info[4 * b + RANK];
        }
      }
      acc[0] = a;
    }
    const ep = ++this.epoch;
    // A max-heap of ranks, with the node of each entry alongside (no rank → node lookup on pop).
    const { heap, heapNode } = this;
    let size = 0;
    let countA = 0;
    let countB = 0;
    for (let i = 0; i <= accLen; i++) {
      const x = i < accLen ? acc[i] : b;
      if (i < accLen) {
        if (marks[3 * x + IN_A] === ep) continue;
        marks[3 * x + IN_A] = ep;
        countA++;
      } else {
        marks[3 * x + IN_B] = ep;
        countB = 1;
      }
      if (marks[3 * x + QUEUED] === ep) continue;
      marks[3 * x + QUEUED] = ep;
      let h = size++;
      const r = info[4 * x + RANK];
      while (h > 0) {
        const p = (h - 1) >> 1;
        if (heap[p] >= r) break;
        heap[h] = heap[p];
        heapNode[h] = heapNode[p];
        h = p;
      }
      heap[h] = r;
      heapNode[h] = x;
    }
    if (this.next.length < acc.length) this.next = longLivedInt32(acc.length);
    let out = this.next;
    let outLen = 0;
    while (countA > 0 && countB > 0) {
      // Pop the highest rank.
      const v = heapNode[0];
      const last = heap[--size];
      const lastNode = heapNode[size];
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const r = l + 1;
        const c = r < size && heap[r] > heap[l] ? r : l;
        if (heap[c] <= last) break;
        heap[i] = heap[c];
        heapNode[i] = heapNode[c];
        i = c;
      }
      heap[i] = last;
      heapNode[i] = lastNode;
      const inA = marks[3 * v + IN_A] === ep;
      const inB = marks[3 * v + IN_B] === ep;
      if (inA) countA--;
      if (inB) countB--;
      if (inA && inB) {
        if (outLen === out.length) {
          const grown = longLivedInt32(out.length * 2);
          grown.set(out);
          out = grown;
        }
        out[outLen++] = v;
        continue;
      }
      let gens = generators;
      let s = info[4 * v + START];
      let e = info[4 * v + END];
      if (useOverlay && overlay.stamp[v] === overlay.epoch) {
        gens = overlay.gens;
        s = overlay.start[v];
        e = overlay.end[v];
      }
      for (let j = s; j < e; j++) {
        const x = gens[j];
        if (inA && marks[3 * x + IN_A] !== ep) {
          marks[3 * x + IN_A] = ep;
          countA++;
        }
        if (inB && marks[3 * x + IN_B] !== ep) {
          marks[3 * x + IN_B] = ep;
          countB++;
        }
        if (marks[3 * x + QUEUED] === ep) continue;
        marks[3 * x + QUEUED] = ep;
        let h = size++;
        const r = info[4 * x + RANK];
        while (h > 0) {
          const p = (h - 1) >> 1;
          if (heap[p] >= r) break;
          heap[h] = heap[p];
          heapNode[h] = heapNode[p];
          h = p;
        }
        heap[h] = r;
        heapNode[h] = x;
      }
    }
    // Swap buffers: the output becomes the accumulator.
    this.next = acc;
    acc = out;
    this.acc = acc;
    if (this.next.length < acc.length) this.next = longLivedInt32(acc.length);
    return outLen;
  }
}

/** One walker per graph, shared by the dominance passes (its marks are epoch-stamped). */
export const walkerOf = memoByGraph((g: { readonly nodeCount: number }) => new MeetWalker(g.nodeCount));
