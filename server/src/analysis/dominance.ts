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
import { longLivedSlice, longLivedInt32 } from "@chokepoint/graph-schema";
import type { GraphArrays } from "./compact";
import { isItem, LOCATED_IN, REGION, SOURCED_FROM, SUPPLIER, WITHIN } from "./kind-codes";
import { END, RANK, SOURCES_END, START } from "./dominance-info";
import { walkerOf, type MeetWalker } from "./meet";
import { scratchInt32 } from "./scratch";

export interface Dominance {
  readonly statedOnly: boolean;
  /** Generators of v: `gens[info[4v + START] .. info[4v + END])`; D(v) = {v} ∪ ⋃ D(generator). */
  readonly gens: Int32Array;
  readonly via: Int32Array;
  readonly info: Int32Array;
}

/**
 * Growable generator list with its `via` slots. A class rather than closures over `let`
 * variables: captured, reassigned variables live in a heap context, and this loop runs once per
 * edge of a 10^6-node graph. One list per thread, reused by every build (`LIST`): optimized code
 * depends on the hidden class of the objects it reads, and a list made per build took that class
 * with it when collected, so V8 discarded the compiled pass and every later build ran in the
 * interpreter until it was compiled again.
 */
class GeneratorList {
  gens: Int32Array = new Int32Array(0);
  via: Int32Array = new Int32Array(0);
  len = 0;

  /** Empties the list, in scratch buffers (reused by the next build) of at least `capacity`; the
   *  result is copied out at its size. */
  reset(capacity: number): void {
    this.gens = scratchInt32("dominance.gens", capacity);
    this.via = scratchInt32("dominance.via", capacity);
    this.len = 0;
  }

  push(gen: number, through: number): void {
    if (this.len === this.gens.length) {
      // Ordinary arrays: they are dropped once the result is copied out.
      const gens = new Int32Array(this.len * 2);
      gens.set(this.gens);
      this.gens = gens;
      const via = new Int32Array(this.len * 2);
      via.set(this.via);
      this.via = via;
    }
    this.gens[this.len] = gen;
    this.via[this.len++] = through;
  }

  /** Pushes `result[0 .. count)` except what the owner (whose list starts at `from`) already has:
   *  a meet can return a node the owner has (two groups meeting at the same place). */
  pushNew(result: Int32Array, count: number, from: number, through: number): void {
    for (let i = 0; i < count; i++) {
      const r = result[i];
      let seen = false;
      for (let j = from; j < this.len && !seen; j++) seen = this.gens[j] === r;
      if (!seen) this.push(r, through);
    }
  }
}

const LIST = new GeneratorList();

function allStated(stated: Uint8Array, csrEdges: Int32Array, a: number, b: number): boolean {
  for (let s = a; s < b; s++) if (stated[csrEdges[s]] === 0) return false;
  return true;
}

export function buildDominance(g: GraphArrays, statedOnly: boolean): Dominance {
  const n = g.nodeCount;
  const info = longLivedInt32(4 * n);
  copyRanks(g.rank, info);
  // Usually fewer generators than edges; the list grows in the rare case of more.
  let edges = 16;
  for (let k = 0; k < 4; k++) edges += g.out[k]!.targets.length;
  const list = LIST;
  list.reset(edges);
  generatorsInOrder(g, statedOnly, info, walkerOf(g), list);
  const result = { statedOnly, gens: longLivedSlice(list.gens, 0, list.len), via: longLivedSlice(list.via, 0, list.len), info };
  list.reset(0); // lets go of grown buffers
  return result;
}

/** `info[4v + RANK]` of every node. Each loop of this file is a function of its own: a loop inside a
 *  larger function was compiled mid-loop and discarded after it, on every build (see csr.ts). */
function copyRanks(rank: Int32Array, info: Int32Array): void {
  for (let v = 0; v < rank.length; v++) info[4 * v + RANK] = rank[v];
}

/** The pass of `buildDominance`: every node's generators into `list`, in topological order. */
function generatorsInOrder(g: GraphArrays, statedOnly: boolean, info: Int32Array, walker: MeetWalker, list: GeneratorList): void {
  const n = g.nodeCount;
  const { order, kind, stated, groups } = g;
  const { offsets: srcOff, targets: srcTargets, edges: srcEdges } = g.out[SOURCED_FROM]!;
  const { targets: reqTargets, edges: reqEdges } = g.out[0]!;
  const { ofNode, start: groupStart } = groups;
  for (let i = 0; i < n; i++) {
    const v = order[i];
    const first = list.len;
    info[4 * v + START] = first;
    const k = kind[v];
    if (!isItem(k)) {
      const csr = g.out[k === SUPPLIER ? LOCATED_IN : k === REGION ? WITHIN : 0]!;
      for (let s = csr.offsets[v]; s < csr.offsets[v + 1]; s++) {
        if (statedOnly && stated[csr.edges[s]] === 0) continue;
        list.push(csr.targets[s], csr.targets[s]);
      }
      info[4 * v + SOURCES_END] = list.len;
      info[4 * v + END] = list.len;
      continue;
    }
    const a = srcOff[v];
    const b = srcOff[v + 1];
    if (b > a && (!statedOnly || allStated(stated, srcEdges, a, b))) {
      if (b - a === 1) list.push(srcTargets[a], srcTargets[a]);
      else {
        walker.fold(srcTargets, a, b, list.gens, info);
        list.pushNew(walker.result, walker.resultLength, first, srcTargets[a]);
      }
    }
    info[4 * v + SOURCES_END] = list.len;
    for (let gi = ofNode[v]; gi < ofNode[v + 1]; gi++) {
      const s0 = groupStart[gi];
      const s1 = groupStart[gi + 1];
      if (statedOnly && !allStated(stated, reqEdges, s0, s1)) continue;
      if (s1 - s0 === 1) list.push(reqTargets[s0], reqTargets[s0]);
      else {
        walker.fold(reqTargets, s0, s1, list.gens, info);
        list.pushNew(walker.result, walker.resultLength, first, reqTargets[s0]);
      }
    }
    info[4 * v + END] = list.len;
  }
}
