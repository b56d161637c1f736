/** A REQUIRES edge by endpoints. */
export interface Arc {
  readonly from: string;
  readonly to: string;
}

/**
 * REQUIRES cycles that an import would close. Strongly connected components of the stored and the
 * imported REQUIRES edges together (Tarjan's algorithm, iterative so a chain of a million parts
 * cannot overflow the stack); an imported edge whose endpoints share a component lies on a cycle.
 * One finding per component, naming the first such imported edge and one cycle through it. Cycles
 * among stored edges alone are data findings of the analysis, not the importer's business.
 */
export function cyclesClosedBy(stored: readonly Arc[], added: readonly Arc[]): { index: number; cycle: string[] }[] {
  if (added.length === 0) return [];
  const ids = new Map<string, number>();
  const names: string[] = [];
  const idOf = (s: string): number => {
    let i = ids.get(s);
    if (i === undefined) {
      i = names.length;
      ids.set(s, i);
      names.push(s);
    }
    return i;
  };
  const all = [...stored, ...added];
  const from = Int32Array.from(all, (a) => idOf(a.from));
  const to = Int32Array.from(all, (a) => idOf(a.to));
  const n = names.length;
  const offsets = new Int32Array(n + 1);
  for (const f of from) offsets[f + 1]!++;
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const targets = new Int32Array(all.length);
  const fill = offsets.slice(0, n);
  for (let e = 0; e < all.length; e++) targets[fill[from[e]!]!++] = to[e]!;

  const component = stronglyConnected(n, offsets, targets);
  const found: { index: number; cycle: string[] }[] = [];
  const reported = new Set<number>();
  for (let k = 0; k < added.length; k++) {
    const e = stored.length + k;
    const c = component[from[e]!]!;
    if (c !== component[to[e]!]! || reported.has(c)) continue;
    reported.add(c);
    const path = shortestPath(to[e]!, from[e]!, offsets, targets, (v) => component[v] === c);
    found.push({ index: k, cycle: [from[e]!, ...path].map((v) => names[v]!) });
  }
  return found;
}

function stronglyConnected(n: number, offsets: Int32Array, targets: Int32Array): Int32Array {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const next = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const component = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const calls: number[] = [];
  let counter = 0;
  let components = 0;
  for (let s = 0; s < n; s++) {
    if (index[s] !== -1) continue;
    const visit = (v: number) => {
      index[v] = low[v] = counter++;
      next[v] = offsets[v]!;
      stack.push(v);
      onStack[v] = 1;
      calls.push(v);
    };
    visit(s);
    while (calls.length > 0) {
      const v = calls[calls.length - 1]!;
      if (next[v]! < offsets[v + 1]!) {
        const w = targets[next[v]!++]!;
        if (index[w] === -1) visit(w);
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      calls.pop();
      if (calls.length > 0) {
        const u = calls[calls.length - 1]!;
        low[u] = Math.min(low[u]!, low[v]!);
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component[w] = components;
        } while (w !== v);
        components++;
      }
    }
  }
  return component;
}

/** Breadth-first path from `start` to `goal` (both included) through nodes that pass `keep`. */
function shortestPath(start: number, goal: number, offsets: Int32Array, targets: Int32Array, keep: (v: number) => boolean): number[] {
  const parent = new Map<number, number>([[start, -1]]);
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q]!;
    if (v === goal) break;
    for (let i = offsets[v]!; i < offsets[v + 1]!; i++) {
      const w = targets[i]!;
      if (!parent.has(w) && keep(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  const path: number[] = [];
  for (let v = goal; v !== -1; v = parent.get(v) ?? -1) path.push(v);
  return path.reverse();
}
