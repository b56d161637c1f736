/**
 * Topological order of the dependency graph and the deterministic breaking of cycles.
 *
 * Order: a node is ranked after everything it depends on (its requirements, sources, regions and
 * enclosing regions); per kind layer, by (wave, index): one pass when the list order already puts
 * dependencies first or last, then a counting sort by wave, else Kahn's algorithm with each wave
 * sorted as it is taken (see `topologicalOrder` and `layerOrder`). Every later algorithm relies on
 * "dependencies have lower rank".
 *
 * Cycles can only run through REQUIRES (an item that needs itself) or WITHIN (a region inside
 * itself); the other kinds always point to a "lower" kind. They are data errors, so they are
 * reported and broken by a rule that depends on the data only, not on input order: find the
 * strongly connected components (Tarjan 1972, iterative), and inside each one run a depth-first
 * search from the member with the smallest id, visiting children in id order; every edge that
 * points back to a node on the search stack is dropped. A graph without back edges has no cycle,
 * and edges between components never close one, so the result is acyclic. All loops are
 * iterative: graphs may be 10^6 deep.
 */
import { longLivedInt32, type GraphNode } from "@chokepoint/graph-schema";
import type { Csr, Slots } from "./csr";
import type { Finding } from "./findings";
import { MATERIAL, PRODUCT, REGION, REQUIRES, SUPPLIER, WITHIN } from "./kind-codes";
import { scratchInt32 } from "./scratch";
import { sortLevelAt } from "./sort-by-index";


export interface Ordered {
  readonly order: Int32Array;
  /** Position of each node in `order` (meaningless for nodes left unordered). */
  readonly rank: Int32Array;
  /** How many nodes were ordered; less than n when cycles remain. */
  readonly count: number;
  /** Per node: > 0 when the node could not be ordered (on or above a cycle). A scratch buffer:
   *  valid until the next `topologicalOrder`. */
  readonly remaining: Int32Array;
}

export function topologicalOrder(n: number, kind: Uint8Array, out: readonly Csr[], inn: readonly Slots[]): Ordered {
  const deg = scratchInt32("order.degree", n);
  const order = longLivedInt32(n);
  const rank = longLivedInt32(n);
  // Edge kinds only point down the kind layers (items → items or suppliers or regions, suppliers →
  // regions, regions → regions), so regions in their own order, then suppliers, then items in
  // theirs is a topological order. Ordering only regions along WITHIN and items along REQUIRES
  // reads a third of the adjacency that one pass over every kind reads.
  // The passes over a layer visit only the index span of its kinds: files and store snapshots
  // (which list nodes by id) tend to keep each kind together.
  const spans = scratchInt32("order.spans", 2 * (REGION + 1));
  kindSpans(kind, spans);
  let tail = layerOrder(n, kind, REGION, REGION, spans, out[WITHIN]!, inn[WITHIN]!, deg, order, rank, 0);
  tail = appendSuppliers(kind, spans[2 * SUPPLIER], spans[2 * SUPPLIER + 1], deg, order, rank, tail);
  tail = layerOrder(n, kind, PRODUCT, MATERIAL, spans, out[REQUIRES]!, inn[REQUIRES]!, deg, order, rank, tail);
  return { order, rank, count: tail, remaining: deg };
}

/** Per kind code k: `spans[2k]`, the first node of that kind, and `spans[2k + 1]`, one after the
 *  last (both 0 without any). */
function kindSpans(kind: Uint8Array, spans: Int32Array): void {
  const n = kind.length;
  spans.fill(0);
  for (let k = 0; k < spans.length; k += 2) spans[k] = n;
  for (let v = 0; v < n; v++) {
    const k = 2 * kind[v];
    if (spans[k] > v) spans[k] = v;
    spans[k + 1] = v + 1;
  }
  for (let k = 0; k < spans.length; k += 2) if (spans[k + 1] === 0) spans[k] = 0;
}

/**
 * Topological order of the nodes of one layer (kind codes `lo` to `hi`) along one edge kind,
 * appended to `order` from `tail`; returns the new tail. Nodes are sorted by (wave, index), where
 * a node's wave is 0 without dependencies and otherwise one more than the latest wave among its
 * dependencies: still topological, but every later pass in this order (the dominance pass above
 * all) then reads its per-node arrays in ascending runs instead of at random, which at 10^6 nodes
 * is most of its time.
 */
function layerOrder(n: number, kind: Uint8Array, lo: number, hi: number, spans: Int32Array, out: Csr, inn: Slots, deg: Int32Array, order: Int32Array, rank: Int32Array, tail: number): number {
  let first = n;
  let end = 0;
  for (let k = lo; k <= hi; k++) {
    if (spans[2 * k + 1] === 0) continue;
    first = Math.min(first, spans[2 * k]);
    end = Math.max(end, spans[2 * k + 1]);
  }
  // `deg` ends > 0 on the nodes left unordered (on or above a cycle). For the one-pass route,
  // `wave` holds the ordered nodes' waves and `next[w]` first how many have wave w, then where
  // the next of them goes.
  const wave = scratchInt32("order.wave", n);
  const next = scratchInt32("order.perWave", n + 1);
  const waves =
    wavesInListOrder(kind, lo, hi, first, end, deg, wave, next, out.offsets, out.targets, 1) ??
    wavesInListOrder(kind, lo, hi, first, end, deg, wave, next, out.offsets, out.targets, -1);
  if (waves === undefined) {
    const marks = scratchInt32("order.marks", (n >> 5) + 1, true);
    return orderByQueue(kind, lo, hi, first, end, deg, out.offsets, inn.offsets, inn.targets, marks, order, rank, tail);
  }
  // Counting sort of the ordered nodes (deg 0) by wave, ascending index within a wave.
  let at = tail;
  for (let w = 0; w < waves; w++) {
    const count = next[w];
    next[w] = at;
    at += count;
  }
  placeByWave(kind, lo, hi, first, end, deg, wave, next, order, rank);
  return at;
}

/** Suppliers (all within nodes `first .. end`), in list order, from `tail`; returns the new tail. The hot loops of this file are
 *  functions of their own that take typed arrays and numbers only: inside larger functions they
 *  were compiled mid-loop and deoptimized after it on every rebuild, and reading an object's fields
 *  tied their code to that object's short-lived hidden class (see csr.ts). */
function appendSuppliers(kind: Uint8Array, first: number, end: number, deg: Int32Array, order: Int32Array, rank: Int32Array, tail: number): number {
  for (let v = first; v < end; v++) {
    if (kind[v] !== SUPPLIER) continue;
    deg[v] = 0;
    rank[v] = tail;
    order[tail++] = v;
  }
  return tail;
}

/** The counting sort of `layerOrder`: each ordered node of the layer (deg 0) at `next[its wave]++`. */
function placeByWave(kind: Uint8Array, lo: number, hi: number, first: number, end: number, deg: Int32Array, wave: Int32Array, next: Int32Array, order: Int32Array, rank: Int32Array): void {
  for (let v = first; v < end; v++) {
    const k = kind[v];
    if (k < lo || k > hi || deg[v] !== 0) continue;
    const position = next[wave[v]]++;
    order[position] = v;
    rank[v] = position;
  }
}

/**
 * Waves in one pass over the nodes in list order (`step` 1) or reverse list order (`step` -1),
 * when every dependency comes earlier in that order: files are often written dependencies first
 * or last, and this reads the out-adjacency in sequence where Kahn's queue reads the
 * in-adjacency at random. Returns the number of waves, or undefined (leaving the layer's arrays
 * to be overwritten) as soon as one dependency is out of order.
 */
function wavesInListOrder(
  kind: Uint8Array,
  lo: number,
  hi: number,
  first: number,
  end: number,
  deg: Int32Array,
  wave: Int32Array,
  perWave: Int32Array,
  offsets: Int32Array,
  targets: Int32Array,
  step: 1 | -1,
): number | undefined {
  let waves = 0;
  for (let i = first, v = step === 1 ? first : end - 1; i < end; i++, v += step) {
    const k = kind[v];
    if (k < lo || k > hi) continue;
    let w = 0;
    for (let s = offsets[v]; s < offsets[v + 1]; s++) {
      const t = targets[s];
      if ((t - v) * step >= 0) return undefined;
      const after = wave[t] + 1;
      if (after > w) w = after;
    }
    wave[v] = w;
    deg[v] = 0;
    if (w >= waves) {
      for (; waves <= w; waves++) perWave[waves] = 0;
    }
    perWave[w]++;
  }
  return waves;
}

/**
 * The layer in (wave, index) order by Kahn's algorithm (Kahn 1962) on out-degrees, for any list
 * order, appended to `order` from `tail` (which serves as the queue); returns the new tail. The
 * FIFO queue meets nodes wave after wave (a node is queued by its latest dependency: the same
 * waves as a pass in dependency order), so each wave is sorted by index before it is taken
 * (sort-by-index.ts), and the queue is then the order itself. Taking nodes in index order also reads
 * the in-adjacency in ascending runs rather than at random, which is most of the queue's time.
 */
function orderByQueue(
  kind: Uint8Array,
  lo: number,
  hi: number,
  first: number,
  end: number,
  deg: Int32Array,
  outOffsets: Int32Array,
  offsets: Int32Array,
  targets: Int32Array,
  marks: Int32Array,
  order: Int32Array,
  rank: Int32Array,
  tail: number,
): number {
  const head0 = tail;
  tail = queueSinks(kind, lo, hi, first, end, deg, outOffsets, order, tail); // in index order already
  let waveEnd = tail;
  for (let head = head0; head < tail; head++) {
    waveEnd = sortLevelAt(order, head, waveEnd, tail, marks);
    const v = order[head];
    rank[v] = head;
    for (let s = offsets[v]; s < offsets[v + 1]; s++) {
      if (--deg[targets[s]] === 0) order[tail++] = targets[s];
    }
  }
  return tail;
}

/** Queues the nodes of the layer without dependencies from `tail` (their `deg` 0, the others'
 *  `deg` their number of dependencies); returns the new tail. */
function queueSinks(kind: Uint8Array, lo: number, hi: number, first: number, end: number, deg: Int32Array, outOffsets: Int32Array, queue: Int32Array, tail: number): number {
  for (let v = first; v < end; v++) {
    const k = kind[v];
    if (k < lo || k > hi) continue;
    const d = outOffsets[v + 1] - outOffsets[v];
    deg[v] = d;
    if (d === 0) queue[tail++] = v;
  }
  return tail;
}

/** Marks in `dropped` (by snapshot edge index) the edges that break every cycle among the nodes
 *  left unordered, and returns one finding per dropped edge. */
export function breakCycles(n: number, nodes: readonly GraphNode[], out: readonly Csr[], remaining: Int32Array, dropped: Uint8Array): Finding[] {
  const findings: Finding[] = [];
  for (const scc of stronglyConnected(n, out, remaining)) {
    if (scc.length < 2) continue;
    breakComponent(nodes, out, scc, dropped, findings);
  }
  // Components are discovered in input order; report in an order that depends on the data only.
  const key = (f: Finding): string => `${f.code}|${f.edge!.from}|${f.edge!.to}`;
  return findings.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Tarjan's strongly connected components over REQUIRES + WITHIN edges among `remaining` nodes. */
function stronglyConnected(n: number, out: readonly Csr[], remaining: Int32Array): number[][] {
  const req = out[REQUIRES]!;
  const wit = out[WITHIN]!;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const callNode: number[] = [];
  const callPos: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  // The children of v are REQUIRES targets then WITHIN targets; `pos` walks both lists.
  const childAt = (v: number, pos: number): number => {
    const r = req.offsets[v + 1] - req.offsets[v];
    if (pos < r) return req.targets[req.offsets[v] + pos];
    const w = pos - r;
    return w < wit.offsets[v + 1] - wit.offsets[v] ? wit.targets[wit.offsets[v] + w] : -1;
  };
  for (let root = 0; root < n; root++) {
    if (remaining[root] === 0 || index[root] >= 0) continue;
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    callNode.push(root);
    callPos.push(0);
    while (callNode.length > 0) {
      const top = callNode.length - 1;
      const v = callNode[top]!;
      const c = childAt(v, callPos[top]!);
      if (c >= 0) {
        callPos[top]!++;
        if (remaining[c] === 0) continue;
        if (index[c] < 0) {
          index[c] = low[c] = counter++;
          stack.push(c);
          onStack[c] = 1;
          callNode.push(c);
          callPos.push(0);
        } else if (onStack[c] === 1 && index[c] < low[v]) {
          low[v] = index[c];
        }
        continue;
      }
      callNode.pop();
      callPos.pop();
      if (callNode.length > 0) {
        const parent = callNode[callNode.length - 1]!;
        if (low[v] < low[parent]) low[parent] = low[v];
      }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        components.push(component);
      }
    }
  }
  return components;
}

const byId = (ids: readonly string[]) => (a: number, b: number) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0);

/** DFS inside one component from its smallest id, children in id order; drops back edges. */
function breakComponent(nodes: readonly GraphNode[], out: readonly Csr[], members: number[], dropped: Uint8Array, findings: Finding[]): void {
  const ids: string[] = [];
  const local = new Map<number, number>();
  members.forEach((v, i) => {
    local.set(v, i);
    ids.push(nodes[v]!.id);
  });
  const cmp = byId(ids);
  const children: { to: number; edge: number; kind: number }[][] = members.map((v) => {
    const list: { to: number; edge: number; kind: number }[] = [];
    for (const kind of [REQUIRES, WITHIN]) {
      const csr = out[kind]!;
      for (let s = csr.offsets[v]; s < csr.offsets[v + 1]; s++) {
        const t = local.get(csr.targets[s]);
        if (t !== undefined) list.push({ to: t, edge: csr.edges[s], kind });
      }
    }
    return list.sort((a, b) => cmp(a.to, b.to) || a.edge - b.edge);
  });
  const state = new Uint8Array(members.length); // 0 new, 1 on the stack, 2 done
  const start = members.map((_, i) => i).sort(cmp)[0]!;
  const stack: number[] = [start];
  const pos: number[] = [0];
  state[start] = 1;
  while (stack.length > 0) {
    const top = stack.length - 1;
    const v = stack[top]!;
    const list = children[v]!;
    if (pos[top]! >= list.length) {
      state[v] = 2;
      stack.pop();
      pos.pop();
      continue;
    }
    const c = list[pos[top]!++]!;
    if (state[c.to] === 1) {
      dropped[c.edge] = 1;
      const cycle = stack.slice(stack.indexOf(c.to)).map((i) => ids[i]!);
      cycle.push(ids[c.to]!);
      const code = c.kind === REQUIRES ? "REQUIRES_CYCLE" : "WITHIN_CYCLE";
      findings.push({
        code,
        message: `${code === "REQUIRES_CYCLE" ? "REQUIRES" : "WITHIN"} cycle ${cycle.join(" → ")}; the edge ${ids[v]} → ${ids[c.to]} is ignored`,
        edge: { from: ids[v]!, to: ids[c.to]!, kind: code === "REQUIRES_CYCLE" ? "REQUIRES" : "WITHIN" },
        cycle,
      });
    } else if (state[c.to] === 0) {
      state[c.to] = 1;
      stack.push(c.to);
      pos.push(0);
    }
  }
}
