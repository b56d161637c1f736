/**
 * What-if scenario: fail a set of nodes, list every disabled product with a shortest explanation.
 *
 * 1. Propagate the failure (propagate.ts).
 * 2. Breadth-first search backwards from the failed nodes over "killing steps" only: p ← c is a
 *    killing step when p is down and c belongs to a reason of p that is entirely down (a REQUIRES
 *    group with no member left, all of p's sources, or p's region). Every down node is reached
 *    (it fell because some reason fell, whose members fell earlier), and BFS gives each one a
 *    fewest-hops chain to a failed node: P → … → f.
 * 3. The same propagation using stated edges only says whether a product's loss rests on a
 *    non-stated edge.
 * 4. Time: survive = the product's `inventoryDays`, or else the smallest `inventoryDays` among the
 *    items of its explanation; recover = the largest `recoveryDays` among the nodes of the
 *    explanation (the failed node and what it took down). Exposed when survive < recover.
 */
import { longLivedInt32, ChokepointError, type NodeKind } from "@chokepoint/graph-schema";
import type { CompactGraph } from "./compact";
import { isItem, KIND_NAMES, PRODUCT, REQUIRES, SOURCED_FROM, SUPPLIER, WITHIN } from "./kind-codes";
import { memoByGraph } from "./cache";
import { propagatorOf, statedPropagatorOf, type Propagator } from "./propagate";
import { resolveIds } from "./resolve";
import { scratchInt32 } from "./scratch";
import { sortLevelAt } from "./sort-by-index";
import { describePath, type Step } from "./steps";

export interface TimeToSurvive {
  /** Days the product can keep going: its inventoryDays, else the smallest along the explanation; null when unknown. */
  readonly surviveDays: number | null;
  /** Days until supply recovers: the largest recoveryDays along the explanation; null when unknown. */
  readonly recoverDays: number | null;
  /** survive < recover; null when either is unknown. */
  readonly exposed: boolean | null;
  /** recover − survive when exposed, else 0; null when either is unknown. */
  readonly gapDays: number | null;
}

export interface DisabledProduct {
  readonly id: string;
  /** Shortest chain of ids from the product to a failed node. */
  readonly explanation: readonly string[];
  /** One reason per consecutive pair of the explanation. */
  readonly steps: readonly Step[];
  /** True when the product stays available if only stated edges are believed. */
  readonly inferred: boolean;
  readonly time: TimeToSurvive;
}

export interface ScenarioResult {
  readonly failed: readonly string[];
  /** Disabled products, ordered by id. */
  readonly disabled: readonly DisabledProduct[];
  /** How many nodes of each kind are unavailable (the failed nodes included). */
  readonly unavailable: Readonly<Record<NodeKind, number>>;
  /** True when any disabled product's loss rests on a non-stated edge. */
  readonly inferred: boolean;
}

export function scenario(g: CompactGraph, failIds: readonly string[]): ScenarioResult {
  if (failIds.length === 0) throw new ChokepointError("INVALID_ARGUMENT", "a scenario needs at least one node to fail");
  const failed = [...new Set(resolveIds(g, failIds))];
  return scenarioOf(g, failed);
}

export function scenarioOf(g: CompactGraph, failed: readonly number[]): ScenarioResult {
  const prop = propagatorOf(g);
  prop.run(failed);
  const next = explanationLinks(g, prop, failed);
  let statedDown: Propagator | undefined;
  if (g.anyUnstated) {
    statedDown = statedPropagatorOf(g);
    statedDown.run(failed);
  }
  const byKind = new Int32Array(KIND_NAMES.length);
  countByKind(g.kind, prop.down, prop.downCount, byKind);
  const products = productsAmong(g.kind, prop.down, prop.downCount, byKind[PRODUCT]);
  const unavailable = Object.fromEntries(KIND_NAMES.map((name, k) => [name, byKind[k]])) as Record<NodeKind, number>;
  // Numeric order of a typed array is index order, which is id order for a store snapshot.
  if (idsAscending(g)) products.sort();
  else products.set(Array.from(products).sort((a, b) => (g.ids[a]! < g.ids[b]! ? -1 : 1)));
  const disabled = disabledProducts(g, products, next, statedDown);
  return { failed: failed.map((v) => g.ids[v]!), disabled, unavailable, inferred: anyInferred(disabled) };
}

/**
 * Each disabled product with its explanation (following `next`), whether its loss rests on a
 * non-stated edge, and its time to survive. A loop in a module function rather than a `map`
 * callback made per scenario: V8 compiled that callback again for every scenario.
 */
function disabledProducts(g: CompactGraph, products: Int32Array, next: Int32Array, statedDown: Propagator | undefined): DisabledProduct[] {
  const disabled: DisabledProduct[] = [];
  for (let i = 0; i < products.length; i++) {
    const p = products[i];
    const chain: number[] = [p];
    for (let v = p; next[v] >= 0; v = next[v]) chain.push(next[v]);
    disabled.push(disabledProduct(g, chain, statedDown !== undefined && !statedDown.isDown(p)));
  }
  return disabled;
}

function anyInferred(disabled: readonly DisabledProduct[]): boolean {
  for (let i = 0; i < disabled.length; i++) if (disabled[i]!.inferred) return true;
  return false;
}

function disabledProduct(g: CompactGraph, chain: readonly number[], inferred: boolean): DisabledProduct {
  const explanation: string[] = [];
  for (let i = 0; i < chain.length; i++) explanation.push(g.ids[chain[i]!]!);
  let steps: Step[] | undefined;
  return {
    id: explanation[0]!,
    explanation,
    // Described on first read: a bloc failure disables thousands of products, and the sentences
    // of all their steps cost more than the rest of the scenario while most callers (the map,
    // a GraphQL query without `steps`) never read them. An own enumerable getter, so JSON
    // output still contains them.
    get steps(): readonly Step[] {
      return (steps ??= describePath(g, chain));
    },
    inferred,
    time: timeOf(g, chain),
  };
}

/** How many of `down[0 .. count)` are of each kind, into `byKind`. The loops of a scenario are
 *  functions of their own: a loop inside a larger function was compiled mid-loop and discarded
 *  after it, on every scenario (see csr.ts). */
function countByKind(kind: Uint8Array, down: Int32Array, count: number, byKind: Int32Array): void {
  for (let i = 0; i < count; i++) byKind[kind[down[i]]]++;
}

/** The products among `down[0 .. count)` (`products` of them), in failure order. */
function productsAmong(kind: Uint8Array, down: Int32Array, count: number, products: number): Int32Array {
  const list = new Int32Array(products);
  let p = 0;
  for (let i = 0; i < count; i++) if (kind[down[i]] === PRODUCT) list[p++] = down[i];
  return list;
}

/** Store snapshots list nodes by id: then index order is id order and sorting needs no string compare. */
const idsAscending = memoByGraph((g: CompactGraph) => g.ids.every((id, i) => i === 0 || g.ids[i - 1]! < id));

/** Scratch arrays of the explanation search, one per graph (stamped, never cleared; `marks` all zero
 *  between searches, see `sortByIndex`). */
const linkSpace = memoByGraph((g: CompactGraph) => ({
  next: longLivedInt32(g.nodeCount),
  seen: longLivedInt32(g.nodeCount),
  marks: longLivedInt32((g.nodeCount >> 5) + 1),
  epoch: 0,
}));

/**
 * For every unavailable node, the next node on a fewest-hops explanation (-1 for failed nodes):
 * of the nodes one hop closer to a failed node with a killing step to it, the first in snapshot
 * order (each level of the search is taken in index order, which also makes its reads run
 * ascending). Valid until the next call on the same graph; only follow links from unavailable
 * nodes.
 */
function explanationLinks(g: CompactGraph, prop: Propagator, failed: readonly number[]): Int32Array {
  const space = linkSpace(g);
  const { next, seen, marks } = space;
  const ep = ++space.epoch;
  // Every node enters at most once, and only unavailable nodes enter.
  const queue = scratchInt32("scenario.queue", prop.downCount);
  let tail = 0;
  for (const f of failed) {
    if (seen[f] === ep) continue;
    seen[f] = ep;
    next[f] = -1;
    queue[tail++] = f;
  }
  searchLinks(g, prop, queue, tail, seen, next, ep, marks);
  return next;
}

/** The breadth-first search of `explanationLinks` from `queue[0 .. tail)`, level by level. */
function searchLinks(g: CompactGraph, prop: Propagator, queue: Int32Array, tail: number, seen: Int32Array, next: Int32Array, ep: number, marks: Int32Array): void {
  const ofInSlot = g.groups.ofInSlot;
  let levelEnd = 0;
  for (let head = 0; head < tail; head++) {
    levelEnd = sortLevelAt(queue, head, levelEnd, tail, marks);
    const c = queue[head];
    // The in-lists a node of c's kind can have (see Propagator.run): REQUIRES for items,
    // SOURCED_FROM for suppliers, and SOURCED_FROM, LOCATED_IN, WITHIN for regions.
    const kc = g.kind[c];
    const first = kc < SUPPLIER ? REQUIRES : SOURCED_FROM;
    const last = kc < SUPPLIER ? REQUIRES : kc === SUPPLIER ? SOURCED_FROM : WITHIN;
    for (let k = first; k <= last; k++) {
      const csr = g.in[k]!;
      for (let s = csr.offsets[c]; s < csr.offsets[c + 1]; s++) {
        const p = csr.targets[s];
        if (seen[p] === ep || !prop.isDown(p)) continue;
        // A step is a reason only if the whole group (or every source) of p is down.
        if (k === REQUIRES ? !prop.groupLost(ofInSlot[s]) : k === SOURCED_FROM && !prop.sourcesLost(p)) continue;
        seen[p] = ep;
        next[p] = c;
        queue[tail++] = p;
      }
    }
  }
}

/** Not NaN: a value the node has. */
function known(x: number): boolean {
  return x === x;
}

function timeOf(g: CompactGraph, chain: readonly number[]): TimeToSurvive {
  const own = g.inventoryDays.get(chain[0]!);
  let survive: number | null = known(own) ? own : null;
  let recover: number | null = null;
  for (const v of chain) {
    const inv = g.inventoryDays.get(v);
    if (!known(own) && isItem(g.kind[v]) && known(inv)) survive = survive === null ? inv : Math.min(survive, inv);
    const rec = g.recoveryDays.get(v);
    if (known(rec)) recover = recover === null ? rec : Math.max(recover, rec);
  }
  if (survive === null || recover === null) return { surviveDays: survive, recoverDays: recover, exposed: null, gapDays: null };
  const exposed = survive < recover;
  return { surviveDays: survive, recoverDays: recover, exposed, gapDays: exposed ? recover - survive : 0 };
}
