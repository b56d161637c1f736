/**
 * A brute-force availability oracle written straight from DESIGN §2, sharing no code with the
 * engine: string ids, sets and a fixpoint loop. Slow on purpose; only for small graphs.
 *
 * The engine breaks REQUIRES/WITHIN cycles by dropping edges it reports as findings; the oracle
 * is given the same list of dropped edges and analyses the same broken graph.
 */
import type { GraphEdge, GraphNode } from "@chokepoint/graph-schema";

export interface OracleGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

interface Prepared {
  readonly ids: string[];
  readonly kind: Map<string, string>;
  /** item → group key → members (with whether the edge is stated) */
  readonly groups: Map<string, Map<string, { to: string; stated: boolean }[]>>;
  readonly sources: Map<string, { to: string; stated: boolean }[]>;
  readonly located: Map<string, { to: string; stated: boolean }[]>;
  readonly within: Map<string, { to: string; stated: boolean }[]>;
}

export function prepare(graph: OracleGraph, dropped: readonly { from: string; to: string; kind: string }[] = []): Prepared {
  const drop = new Set(dropped.map((d) => `${d.from}|${d.kind}|${d.to}`));
  const ids = graph.nodes.map((n) => n.id);
  const kind = new Map(graph.nodes.map((n) => [n.id, n.kind as string]));
  const groups = new Map<string, Map<string, { to: string; stated: boolean }[]>>();
  const sources = new Map<string, { to: string; stated: boolean }[]>();
  const located = new Map<string, { to: string; stated: boolean }[]>();
  const within = new Map<string, { to: string; stated: boolean }[]>();
  const add = (m: Map<string, { to: string; stated: boolean }[]>, k: string, v: { to: string; stated: boolean }) => {
    const list = m.get(k) ?? [];
    list.push(v);
    m.set(k, list);
  };
  for (const e of graph.edges) {
    if (drop.has(`${e.from}|${e.kind}|${e.to}`)) continue;
    const v = { to: e.to, stated: e.confidence === "stated" };
    if (e.kind === "REQUIRES") {
      const byGroup = groups.get(e.from) ?? new Map<string, { to: string; stated: boolean }[]>();
      add(byGroup, e.group === undefined ? `edge:${e.to}` : `group:${e.group}`, v);
      groups.set(e.from, byGroup);
    } else if (e.kind === "SOURCED_FROM") add(sources, e.from, v);
    else if (e.kind === "LOCATED_IN") add(located, e.from, v);
    else add(within, e.from, v);
  }
  return { ids, kind, groups, sources, located, within };
}

/**
 * The set of unavailable nodes under failure set F. With `statedOnly`, a node can only be shown
 * unavailable through reasons whose edges are all stated (a derivation made of stated facts).
 */
export function unavailable(p: Prepared, failed: ReadonlySet<string>, statedOnly = false): Set<string> {
  const down = new Set<string>(failed);
  let changed = true;
  while (changed) {
    changed = false;
    for (const id of p.ids) {
      if (down.has(id)) continue;
      const k = p.kind.get(id);
      let fails = false;
      if (k === "Region") {
        fails = (p.within.get(id) ?? []).some((e) => (!statedOnly || e.stated) && down.has(e.to));
      } else if (k === "Supplier") {
        fails = (p.located.get(id) ?? []).some((e) => (!statedOnly || e.stated) && down.has(e.to));
      } else {
        const src = p.sources.get(id) ?? [];
        if (src.length > 0 && src.every((e) => down.has(e.to)) && (!statedOnly || src.every((e) => e.stated))) fails = true;
        for (const members of (p.groups.get(id) ?? new Map<string, { to: string; stated: boolean }[]>()).values()) {
          if (members.every((e) => down.has(e.to)) && (!statedOnly || members.every((e) => e.stated))) fails = true;
        }
      }
      if (fails) {
        down.add(id);
        changed = true;
      }
    }
  }
  return down;
}

export interface OracleAnswers {
  /** product → SPOF ids (sorted) */
  readonly spofs: Map<string, string[]>;
  /** product → SPOF id → verdict rests on a non-stated edge */
  readonly inferred: Map<string, Map<string, boolean>>;
  /** product → order-2 cut sets as "a|b" with a < b (sorted) */
  readonly pairs: Map<string, string[]>;
}

/** Removes every node and every pair of nodes, recomputing availability from scratch each time. */
export function bruteForce(p: Prepared): OracleAnswers {
  const products = p.ids.filter((id) => p.kind.get(id) === "Product");
  const single = new Map<string, Set<string>>();
  const singleStated = new Map<string, Set<string>>();
  for (const x of p.ids) {
    single.set(x, unavailable(p, new Set([x])));
    singleStated.set(x, unavailable(p, new Set([x]), true));
  }
  const spofs = new Map<string, string[]>();
  const inferred = new Map<string, Map<string, boolean>>();
  for (const prod of products) {
    const list = p.ids.filter((x) => x !== prod && single.get(x)!.has(prod)).sort();
    spofs.set(prod, list);
    inferred.set(prod, new Map(list.map((x) => [x, !singleStated.get(x)!.has(prod)])));
  }
  const pairs = new Map<string, string[]>(products.map((prod) => [prod, []]));
  const sorted = [...p.ids].sort();
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      const down = unavailable(p, new Set([a, b]));
      for (const prod of products) {
        if (a === prod || b === prod) continue;
        if (!down.has(prod)) continue;
        if (single.get(a)!.has(prod) || single.get(b)!.has(prod)) continue;
        pairs.get(prod)!.push(`${a}|${b}`);
      }
    }
  }
  return { spofs, inferred, pairs };
}

/** Whether "a is down because b is down" is a valid step under the unavailable set `down`. */
export function stepValid(p: Prepared, down: ReadonlySet<string>, a: string, b: string): boolean {
  if (!down.has(a) || !down.has(b)) return false;
  if ((p.located.get(a) ?? []).some((e) => e.to === b)) return true;
  if ((p.within.get(a) ?? []).some((e) => e.to === b)) return true;
  const src = p.sources.get(a) ?? [];
  if (src.some((e) => e.to === b) && src.every((e) => down.has(e.to))) return true;
  for (const members of (p.groups.get(a) ?? new Map<string, { to: string }[]>()).values()) {
    if (members.some((e) => e.to === b) && members.every((e) => down.has(e.to))) return true;
  }
  return false;
}

/** Number of steps of the shortest valid chain from `from` to any failed node, or -1. */
export function shortestExplanation(p: Prepared, down: ReadonlySet<string>, failed: ReadonlySet<string>, from: string): number {
  const dist = new Map<string, number>([[from, 0]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const a = queue[head]!;
    if (failed.has(a)) return dist.get(a)!;
    const children = [
      ...(p.located.get(a) ?? []),
      ...(p.within.get(a) ?? []),
      ...(p.sources.get(a) ?? []),
      ...[...(p.groups.get(a) ?? new Map<string, { to: string }[]>()).values()].flat(),
    ].map((e) => e.to);
    for (const b of children) {
      if (dist.has(b) || !stepValid(p, down, a, b)) continue;
      dist.set(b, dist.get(a)! + 1);
      queue.push(b);
    }
  }
  return -1;
}
