/**
 * Proof paths for SPOF verdicts: a chain of ids P → … → x in the supply graph where every step
 * is a reason (the child is in a REQUIRES group, or the source set, or the region list, all of
 * whose members are disabled by x).
 *
 * A generator slot of owner u says D(gen) ⊆ D(u); its `via` is a direct dependency of u whose
 * reason (group or source set) is entirely disabled by anything in D(gen). When via = gen the
 * step u → gen is itself the proof. Otherwise the segment via ⇝ gen is found as a path in the
 * generator DAG from via (searching only ranks ≥ rank(gen), since ranks decrease along it) and
 * each of its slots is expanded the same way. Slot segments are memoised; the expansion uses an
 * explicit stack because proofs may be very deep.
 *
 * Validity: each step u → c of a segment proves "c's reason fails whenever gen fails", and gen's
 * failure follows from x's (x ∈ D(gen)); D is transitive, so every step holds for x.
 */
import type { CompactGraph } from "./compact";
import type { Dominance } from "./dominance";
import { END, START } from "./dominance-info";

const EMPTY = new Int32Array(0);

export class ProofBuilder {
  private readonly memo = new Map<number, Int32Array>();
  private readonly paths = new Map<number, Int32Array>();
  private readonly stamp: Int32Array;
  private readonly parentSlot: Int32Array;
  private readonly parentNode: Int32Array;
  private epoch = 0;

  constructor(
    private readonly g: CompactGraph,
    private readonly dom: Dominance,
  ) {
    this.stamp = new Int32Array(g.nodeCount);
    this.parentSlot = new Int32Array(g.nodeCount);
    this.parentNode = new Int32Array(g.nodeCount);
  }

  /** Nodes strictly between the owner of `slot` and its generator on a proof path. */
  through(slot: number): Int32Array {
    const { gens, via } = this.dom;
    if (via[slot] === gens[slot]) return EMPTY;
    const done = this.memo.get(slot);
    if (done !== undefined) return done;
    const stack: number[] = [slot];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (this.memo.has(top)) {
        stack.pop();
        continue;
      }
      const c = via[top];
      const x = gens[top];
      if (c === x) {
        this.memo.set(top, EMPTY);
        stack.pop();
        continue;
      }
      const path = this.generatorPath(top, c, x);
      let missing = false;
      for (let i = 0; i < path.length; i++) {
        const s = path[i];
        if (!this.memo.has(s) && via[s] !== gens[s]) {
          stack.push(s);
          missing = true;
        }
      }
      if (missing) continue;
      // via, then for each slot on via ⇝ gen: its segment and its generator (the last is gen itself).
      const parts: number[] = [c];
      for (let i = 0; i < path.length; i++) {
        const s = path[i];
        const seg = via[s] === gens[s] ? EMPTY : this.memo.get(s)!;
        for (let j = 0; j < seg.length; j++) parts.push(seg[j]);
        if (i < path.length - 1) parts.push(gens[s]);
      }
      this.memo.set(top, Int32Array.from(parts));
      stack.pop();
    }
    return this.memo.get(slot)!;
  }

  /** Slots of a generator-DAG path from `from` to `to` (to ∈ D(from), to ≠ from). */
  private generatorPath(key: number, from: number, to: number): Int32Array {
    const cached = this.paths.get(key);
    if (cached !== undefined) return cached;
    const { gens, info } = this.dom;
    const rank = this.g.rank;
    const floor = rank[to];
    const ep = ++this.epoch;
    const stamp = this.stamp;
    const parentSlot = this.parentSlot;
    const queue: number[] = [from];
    stamp[from] = ep;
    let found = false;
    for (let head = 0; head < queue.length && !found; head++) {
      const u = queue[head]!;
      for (let j = info[4 * u + START]; j < info[4 * u + END]; j++) {
        const x = gens[j];
        if (stamp[x] === ep || rank[x] < floor) continue;
        stamp[x] = ep;
        parentSlot[x] = j;
        this.parentNode[x] = u;
        if (x === to) {
          found = true;
          break;
        }
        queue.push(x);
      }
    }
    if (!found) throw new Error("invariant: a generator is reachable from its via");
    const slots: number[] = [];
    for (let v = to; v !== from; v = this.parentNode[v]) slots.push(parentSlot[v]);
    const path = Int32Array.from(slots.reverse());
    this.paths.set(key, path);
    return path;
  }
}

/** Proof paths of one product's SPOFs, given in walk order (each entry's `after` comes earlier). */
export interface PathList {
  readonly paths: Int32Array[];
  /** Entries whose path was shortened to [product, after, …segment, x] because the budget ran out. */
  readonly truncated: Uint8Array;
}

/**
 * path(x) = path(after(x)) + segment + x, so each path costs its own length. `budget` bounds the
 * total number of ids (a 10^5-deep sole-source chain would otherwise need 10^10). Past it, a path
 * keeps the product, the previous SPOF on its proof (`after`, whose own path is listed too) and
 * the last segment; the elided part is product ⇝ after, and the entry is marked truncated.
 */
export function buildPaths(
  builder: ProofBuilder,
  product: number,
  entries: { readonly node: Int32Array; readonly after: Int32Array; readonly slot: Int32Array },
  lo: number,
  hi: number,
  budget: { left: number },
): PathList {
  const byNode = new Map<number, Int32Array>([[product, Int32Array.of(product)]]);
  const paths: Int32Array[] = [];
  const truncated = new Uint8Array(hi - lo);
  for (let i = lo; i < hi; i++) {
    const x = entries.node[i];
    const after = entries.after[i];
    const seg = builder.through(entries.slot[i]);
    const prefix = byNode.get(after);
    let path: Int32Array;
    if (prefix !== undefined && budget.left >= prefix.length + seg.length + 1) {
      path = new Int32Array(prefix.length + seg.length + 1);
      path.set(prefix);
      path.set(seg, prefix.length);
      byNode.set(x, path);
    } else {
      const head = after === product ? [product] : [product, after];
      path = new Int32Array(head.length + seg.length + 1);
      path.set(head);
      path.set(seg, head.length);
      if (after !== product) truncated[i - lo] = 1;
      else byNode.set(x, path);
    }
    path[path.length - 1] = x;
    budget.left -= path.length;
    paths.push(path);
  }
  return { paths, truncated };
}
