/**
 * The single-point-dependency sets D(n) of DESIGN §2 for every node, in one pass, kept as a few
 * generators per node over a shared DAG instead of as flat sets.
 *
 * D(n) = nodes whose single failure makes n unavailable:
 *   D(item)     = {item} ∪ ⋂ D(sources) ∪ ⋃ over REQUIRES groups (⋂ D(members))
 *   D(supplier) = {supplier} ∪ ⋃ D(regions)
 *   D(region)   = {region} ∪ ⋃ D(enclosing regions)
 * Failure propagation is monotone, so x ∈ D(y) and y ∈ D(n) imply x ∈ D(n): every D(n) is closed
 * downward. Such a set is determined by its top elements: D(n) = {n} ∪ ⋃ D(g) over the
 * *generators* g of n. Generators are: each single-member group's member, a sole source, each
 * region or enclosing region, and for every group or source set with several members the
 * generators of their intersection, computed by `MeetWalker` (the CHK `intersect`, run on the
 * generators already computed for lower ranks). Nodes are processed in topological order, so
 * everything a node meets has been built. This is Cooper–Harvey–Kennedy's dominator pass with
 * unions allowed (a node may keep several generators), which is what makes it exact on
 * multi-region suppliers, regions within several regions, and any mix of AND and OR.
 *
 * `statedOnly` builds the same structure using only derivations made of `stated` edges: a group
 * or source set is usable only if all its edges are stated; LOCATED_IN/WITHIN only if stated.
 * x ∈ D(n) but not in the stated-only D(n) means "this verdict rests on a non-stated edge".
 *
 * Each generator slot also keeps `via`: a direct dependency of the owner (a group member or a
 * source) whose own D contains the generator, so proofs can be rebuilt as paths (see proof.ts).
 */
import { isItem, LOCATED_IN, REGION, SOURCED_FROM, SUPPLIER, WITHIN, type CompactGraph } from "./compact";
import { walkerOf, type GeneratorView } from "./meet";

export interface Dominance {
  readonly statedOnly: boolean;
  /** Generators of v: `gens[start[v] .. end[v])`; D(v) = {v} ∪ ⋃ D(generator). */
  readonly gens: Int32Array;
  readonly via: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Items: generators in `start[v] .. sourcesEnd[v])` come from the sources (⋂ D(sources)). */
  readonly sourcesEnd: Int32Array;
}

export function buildDominance(g: CompactGraph, statedOnly: boolean): Dominance {
  const n = g.nodeCount;
  const { order, kind, stated, groups } = g;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const sourcesEnd = new Int32Array(n);
  let cap = 16;
  for (let k = 0; k < 4; k++) cap += g.out[k]!.targets.length;
  let via = new Int32Array(cap);
  const view: GeneratorView = { gens: new Int32Array(cap), start, end };
  let len = 0;
  const walker = walkerOf(g);
  const push = (gen: number, through: number): void => {
    if (len === view.gens.length) {
      const gens = new Int32Array(len * 2);
      gens.set(view.gens);
      view.gens = gens;
      const v2 = new Int32Array(len * 2);
      v2.set(via);
      via = v2;
    }
    view.gens[len] = gen;
    via[len++] = through;
  };
  // A meet can return a node the owner already has as a generator (two groups meeting at the
  // same place): keep it once, checking the owner's few generators so far.
  const pushMeet = (owner: number, through: number): void => {
    const r = walker.result;
    for (let i = 0; i < walker.resultLength; i++) {
      let seen = false;
      for (let j = start[owner]; j < len && !seen; j++) seen = view.gens[j] === r[i];
      if (!seen) push(r[i], through);
    }
  };
  const allStated = (csrEdges: Int32Array, a: number, b: number): boolean => {
    for (let s = a; s < b; s++) if (stated[csrEdges[s]] === 0) return false;
    return true;
  };

  const srcCsr = g.out[SOURCED_FROM]!;
  const reqCsr = g.out[0]!;
  for (let i = 0; i < n; i++) {
    const v = order[i];
    start[v] = len;
    const k = kind[v];
    if (!isItem(k)) {
      const csr = g.out[k === SUPPLIER ? LOCATED_IN : k === REGION ? WITHIN : 0]!;
      for (let s = csr.offsets[v]; s < csr.offsets[v + 1]; s++) {
        if (statedOnly && stated[csr.edges[s]] === 0) continue;
        push(csr.targets[s], csr.targets[s]);
      }
      sourcesEnd[v] = len;
      end[v] = len;
      continue;
    }
    const a = srcCsr.offsets[v];
    const b = srcCsr.offsets[v + 1];
    if (b > a && (!statedOnly || allStated(srcCsr.edges, a, b))) {
      if (b - a === 1) push(srcCsr.targets[a], srcCsr.targets[a]);
      else {
        walker.fold(srcCsr.targets, a, b, view);
        pushMeet(v, srcCsr.targets[a]);
      }
    }
    sourcesEnd[v] = len;
    for (let gi = groups.ofNode[v]; gi < groups.ofNode[v + 1]; gi++) {
      const s0 = groups.start[gi];
      const s1 = groups.start[gi + 1];
      if (statedOnly && !allStated(reqCsr.edges, s0, s1)) continue;
      if (s1 - s0 === 1) push(reqCsr.targets[s0], reqCsr.targets[s0]);
      else {
        walker.fold(reqCsr.targets, s0, s1, view);
        pushMeet(v, reqCsr.targets[s0]);
      }
    }
    end[v] = len;
  }
  return { statedOnly, gens: view.gens.subarray(0, len), via: via.subarray(0, len), start, end, sourcesEnd };
}
