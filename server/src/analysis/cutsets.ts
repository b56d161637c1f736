/**
 * Minimal cut sets of order 2 for one product P: pairs {x, y}, neither a SPOF of P, whose joint
 * failure disables P.
 *
 * For a fixed x, y completes a pair exactly when y ∈ D_x(P), the SPOF set of P once x has failed.
 * D_x differs from D only on the ancestors of x inside P's cone, so per candidate x:
 * 1. collect anc(x) ∩ cone(P) through a cone-local reverse adjacency and sort it by rank;
 * 2. in rank order, mark the ancestors that x alone takes down ("dead"), and for live ones whose
 *    multi-member group or source set touches anc(x), recompute their generators over the live
 *    members with the same CHK meet (meet.ts) on an overlay — other nodes keep their generators;
 * 3. walk P's generators through the overlay; a node outside anc(x) that is already a SPOF of P
 *    contributes nothing new (its set is unchanged and inside D(P)), so the walk only visits
 *    changed nodes and the new SPOFs, which are exactly the partners y of x.
 * Candidates are the cone minus P and D(P), in breadth-first order from P (parts near the product
 * first); a pair is reported from its earlier member, and the search stops once `limit` pairs are
 * found. Each reported pair is then explained by propagation (propagate.ts): the nearest node
 * below P where one reason's members are split between what x takes down and what y takes down.
 */
import { longLivedInt32, ChokepointError } from "@chokepoint/graph-schema";
import { memoByGraph } from "./cache";
import type { CompactGraph } from "./compact";
import { isItem, LOCATED_IN, REGION, REQUIRES, SOURCED_FROM, SUPPLIER, WITHIN } from "./kind-codes";
import type { Dominance } from "./dominance";
import { END, START } from "./dominance-info";
import { walkerOf, type GeneratorView, type MeetWalker, type Overlay } from "./meet";
import { propagatorOf, statedPropagatorOf, type Within } from "./propagate";

export const DEFAULT_CUT_LIMIT = 100;
export const MAX_CUT_LIMIT = 100_000;

export interface CutPairRaw {
  readonly x: number;
  readonly y: number;
}

export interface CutSearch {
  readonly pairs: readonly CutPairRaw[];
  /** True when more pairs exist than `limit`. */
  readonly truncated: boolean;
  /** Nodes in the product's cone (the product included). */
  readonly coneSize: number;
}

/** Scratch arrays sized to the graph, shared by the cut-set queries on one graph (they run one at a time). */
class Workspace {
  readonly walker: MeetWalker;
  readonly overlay: Overlay;
  readonly coneStamp: Int32Array;
  readonly local: Int32Array;
  readonly dStamp: Int32Array;
  readonly ancStamp: Int32Array;
  readonly deadStamp: Int32Array;
  readonly visitStamp: Int32Array;
  /** For explanations: which nodes x alone, and y alone, take down. */
  readonly byX: Int32Array;
  readonly byY: Int32Array;
  query = 0;
  epoch = 0;

  constructor(g: CompactGraph) {
    const n = g.nodeCount;
    this.walker = walkerOf(g);
    this.overlay = { stamp: longLivedInt32(n), epoch: 0, gens: longLivedInt32(256), start: longLivedInt32(n), end: longLivedInt32(n) };
    this.coneStamp = longLivedInt32(n);
    this.local = longLivedInt32(n);
    this.dStamp = longLivedInt32(n);
    this.ancStamp = longLivedInt32(n);
    this.deadStamp = longLivedInt32(n);
    this.visitStamp = longLivedInt32(n);
    this.byX = longLivedInt32(n);
    this.byY = longLivedInt32(n);
  }
}

const workspaceOf = memoByGraph((g: CompactGraph) => new Workspace(g));

/** Everything `root` depends on (itself included), breadth-first, stamped with `epoch`; `local[v]`
 *  is v's position in the returned list. */
function coneOf(g: CompactGraph, root: number, stamp: Int32Array, epoch: number, local: Int32Array): number[] {
  const cone: number[] = [root];
  stamp[root] = epoch;
  local[root] = 0;
  for (let head = 0; head < cone.length; head++) {
    const u = cone[head]!;
    for (let k = 0; k < 4; k++) {
      const { offsets, targets } = g.out[k]!;
      for (let s = offsets[u]; s < offsets[u + 1]; s++) {
        const t = targets[s];
        if (stamp[t] === epoch) continue;
        stamp[t] = epoch;
        local[t] = cone.length;
        cone.push(t);
      }
    }
  }
  return cone;
}

export function orderTwoCuts(g: CompactGraph, dom: Dominance, product: number, limit: number): CutSearch {
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_CUT_LIMIT) {
    throw new ChokepointError("INVALID_ARGUMENT", `limit must be a whole number from 1 to ${MAX_CUT_LIMIT}`);
  }
  const ws = workspaceOf(g);
  const q = ++ws.query;
  const { coneStamp, local, dStamp, ancStamp, deadStamp, visitStamp, overlay, walker } = ws;
  const { kind, rank, order } = g;
  const { gens, info } = dom;

  // The cone of P, breadth-first, with local numbering.
  const cone = coneOf(g, product, coneStamp, q, local);
  const c = cone.length;
  // Cone-local reverse adjacency (parents inside the cone), so walking up from a hub never scans
  // its parents elsewhere in the graph.
  const parentOff = new Int32Array(c + 1);
  for (const u of cone) {
    for (let k = 0; k < 4; k++) {
      const { offsets, targets } = g.out[k]!;
      for (let s = offsets[u]; s < offsets[u + 1]; s++) parentOff[local[targets[s]] + 1]++;
    }
  }
  for (let i = 0; i < c; i++) parentOff[i + 1] += parentOff[i];
  const parents = new Int32Array(parentOff[c]);
  const fill = parentOff.slice(0, c);
  for (const u of cone) {
    for (let k = 0; k < 4; k++) {
      const { offsets, targets } = g.out[k]!;
      for (let s = offsets[u]; s < offsets[u + 1]; s++) parents[fill[local[targets[s]]]++] = u;
    }
  }

  // D(P), marked with the query number.
  dStamp[product] = q;
  {
    const queue: number[] = [product];
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head]!;
      for (let j = info[4 * u + START]; j < info[4 * u + END]; j++) {
        const x = gens[j];
        if (dStamp[x] === q) continue;
        dStamp[x] = q;
        queue.push(x);
      }
    }
  }
  const position = new Int32Array(c).fill(-1);
  const candidates: number[] = [];
  for (const v of cone) {
    if (dStamp[v] === q) continue;
    position[local[v]] = candidates.length;
    candidates.push(v);
  }

  const view: GeneratorView = { gens, info, overlay };
  const pairs: CutPairRaw[] = [];
  let truncated = false;
  const anc: number[] = [];
  let ranks = new Int32Array(64);
  const alive: number[] = [];
  let ovLen = 0;
  const pushOverlay = (gen: number): void => {
    if (ovLen === overlay.gens.length) {
      const grown = longLivedInt32(ovLen * 2);
      grown.set(overlay.gens);
      overlay.gens = grown;
    }
    overlay.gens[ovLen++] = gen;
  };
  const req = g.out[REQUIRES]!;
  const src = g.out[SOURCED_FROM]!;
  const { ofNode, start: groupStart } = g.groups;

  for (const x of candidates) {
    const ep = ++ws.epoch;
    overlay.epoch = ep;
    ovLen = 0;
    // 1. ancestors of x inside the cone, by rank
    anc.length = 0;
    anc.push(x);
    ancStamp[x] = ep;
    for (let head = 0; head < anc.length; head++) {
      const li = local[anc[head]!];
      for (let s = parentOff[li]; s < parentOff[li + 1]; s++) {
        const p = parents[s];
        if (ancStamp[p] === ep) continue;
        ancStamp[p] = ep;
        anc.push(p);
      }
    }
    if (ranks.length < anc.length) ranks = new Int32Array(anc.length * 2);
    for (let i = 0; i < anc.length; i++) ranks[i] = rank[anc[i]!];
    const sorted = ranks.subarray(0, anc.length).sort();

    // 2. dead ancestors and overlay generators, dependencies first
    deadStamp[x] = ep;
    for (let i = 0; i < sorted.length; i++) {
      const v = order[sorted[i]];
      if (v === x) continue;
      const k = kind[v];
      if (!isItem(k)) {
        const csr = g.out[k === SUPPLIER ? LOCATED_IN : k === REGION ? WITHIN : 0]!;
        for (let s = csr.offsets[v]; s < csr.offsets[v + 1]; s++) {
          if (deadStamp[csr.targets[s]] === ep) {
            deadStamp[v] = ep;
            break;
          }
        }
        continue;
      }
      let dead = false;
      let touched = false;
      const reasonState = (csrTargets: Int32Array, a: number, b: number): void => {
        let live = 0;
        for (let s = a; s < b; s++) {
          const m = csrTargets[s];
          if (deadStamp[m] !== ep) live++;
          if (b - a > 1 && ancStamp[m] === ep) touched = true;
        }
        if (live === 0) dead = true;
      };
      const sa = src.offsets[v];
      const sb = src.offsets[v + 1];
      if (sb > sa) reasonState(src.targets, sa, sb);
      for (let gi = ofNode[v]; gi < ofNode[v + 1] && !dead; gi++) reasonState(req.targets, groupStart[gi], groupStart[gi + 1]);
      if (dead) {
        deadStamp[v] = ep;
        continue;
      }
      if (!touched) continue;
      overlay.start[v] = ovLen;
      const addReason = (csrTargets: Int32Array, a: number, b: number): void => {
        alive.length = 0;
        for (let s = a; s < b; s++) if (deadStamp[csrTargets[s]] !== ep) alive.push(csrTargets[s]);
        if (alive.length === 1) pushOverlay(alive[0]!);
        else {
          walker.foldList(alive, view);
          for (let r = 0; r < walker.resultLength; r++) pushOverlay(walker.result[r]);
        }
      };
      if (sb > sa) addReason(src.targets, sa, sb);
      for (let gi = ofNode[v]; gi < ofNode[v + 1]; gi++) addReason(req.targets, groupStart[gi], groupStart[gi + 1]);
      overlay.end[v] = ovLen;
      overlay.stamp[v] = ep;
    }
    if (deadStamp[product] === ep) throw new Error("invariant: a non-SPOF cannot disable the product alone");

    // 3. new SPOFs of P once x is down
    const px = position[local[x]];
    const walk: number[] = [product];
    visitStamp[product] = ep;
    for (let head = 0; head < walk.length; head++) {
      const u = walk[head]!;
      let gl = gens;
      let a = info[4 * u + START];
      let b = info[4 * u + END];
      if (overlay.stamp[u] === ep) {
        gl = overlay.gens;
        a = overlay.start[u];
        b = overlay.end[u];
      }
      for (let j = a; j < b; j++) {
        const y = gl[j];
        if (visitStamp[y] === ep) continue;
        visitStamp[y] = ep;
        const inD = dStamp[y] === q;
        if (inD && ancStamp[y] !== ep) continue;
        walk.push(y);
        if (!inD && y !== x && position[local[y]] > px) {
          if (pairs.length === limit) {
            truncated = true;
            break;
          }
          pairs.push({ x, y });
        }
      }
      if (truncated) break;
    }
    if (truncated) break;
  }
  return { pairs, truncated, coneSize: c };
}

/** Why a pair works: where, below the product, the two failures meet. */
export interface PairReasonRaw {
  /** The node whose reason is split between x and y. */
  readonly at: number;
  /** Product → … → at, each step through nodes that fall only when both fail. */
  readonly path: readonly number[];
  readonly rule: "sources" | "group";
  /** The group id (for rule "group"). */
  readonly group: number;
  /** The members of that reason, and which of x and y take each down (1 = x, 2 = y, 3 = both). */
  readonly members: readonly { readonly node: number; readonly by: number }[];
  /** True when P survives the pair if only stated edges are believed. */
  readonly inferred: boolean;
}

/** Explains pairs by propagation inside the product's cone. */
export class PairExplainer {
  private readonly ws: Workspace;
  private readonly within: Within;

  constructor(
    private readonly g: CompactGraph,
    private readonly product: number,
  ) {
    this.ws = workspaceOf(g);
    const q = ++this.ws.query;
    coneOf(g, product, this.ws.coneStamp, q, this.ws.local);
    this.within = { stamp: this.ws.coneStamp, epoch: q };
  }

  explain(x: number, y: number): PairReasonRaw {
    const { g, within } = this;
    const { byX, byY } = this.ws;
    const full = propagatorOf(g);
    const ep = ++this.ws.epoch;
    const mark = (target: Int32Array, f: number): void => {
      full.run([f], within);
      for (let i = 0; i < full.downCount; i++) target[full.down[i]] = ep;
    };
    mark(byX, x);
    mark(byY, y);
    let inferred = false;
    if (g.anyUnstated) {
      const stated = statedPropagatorOf(g);
      stated.run([x, y], within);
      inferred = !stated.isDown(this.product);
    }
    full.run([x, y], within);
    const single = (v: number): boolean => byX[v] === ep || byY[v] === ep;
    const by = (v: number): number => (byX[v] === ep ? 1 : 0) | (byY[v] === ep ? 2 : 0);
    const req = g.out[REQUIRES]!;
    const src = g.out[SOURCED_FROM]!;
    const parent = new Map<number, number>([[this.product, -1]]);
    const queue: number[] = [this.product];
    for (let head = 0; head < queue.length; head++) {
      const n = queue[head]!;
      const reasons: { rule: "sources" | "group"; group: number; targets: Int32Array; a: number; b: number }[] = [];
      if (full.sourcesLost(n)) reasons.push({ rule: "sources", group: -1, targets: src.targets, a: src.offsets[n], b: src.offsets[n + 1] });
      for (let gi = g.groups.ofNode[n]; gi < g.groups.ofNode[n + 1]; gi++) {
        if (full.groupLost(gi)) reasons.push({ rule: "group", group: gi, targets: req.targets, a: g.groups.start[gi], b: g.groups.start[gi + 1] });
      }
      for (const r of reasons) {
        let split = true;
        for (let s = r.a; s < r.b; s++) if (!single(r.targets[s])) split = false;
        if (!split) continue;
        const path: number[] = [];
        for (let v = n; v >= 0; v = parent.get(v)!) path.push(v);
        path.reverse();
        const members = Array.from(r.targets.subarray(r.a, r.b), (m) => ({ node: m, by: by(m) }));
        return { at: n, path, rule: r.rule, group: r.group, members, inferred };
      }
      for (const r of reasons) {
        for (let s = r.a; s < r.b; s++) {
          const m = r.targets[s];
          if (parent.has(m) || single(m)) continue;
          parent.set(m, n);
          queue.push(m);
        }
      }
    }
    throw new Error("invariant: a joint failure has a split reason");
  }
}
