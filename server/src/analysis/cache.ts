/**
 * Memoisation without I/O: derived structures are remembered in WeakMaps keyed by the compact
 * graph (no mutation of the graph; collected together with it when a new data version replaces
 * it), and `compactCache` remembers the last compacted snapshot.
 */
import { compact, type CompactGraph, type GraphInput } from "./compact";

/** A per-graph memo: `memo(g)` builds the structure on first use; `memo.provide(g, value)` hands
 *  it a value built elsewhere (the same function run on another thread). */
export interface GraphMemo<G extends object, T> {
  (g: G): T;
  provide(g: G, value: T): void;
}

/** A per-graph memo for one derived structure. */
export function memoByGraph<G extends object, T>(build: (g: G) => T): GraphMemo<G, T> {
  const cache = new WeakMap<G, T>();
  const memo = (g: G): T => {
    let value = cache.get(g);
    if (value === undefined) {
      value = build(g);
      cache.set(g, value);
    }
    return value;
  };
  memo.provide = (g: G, value: T): void => void cache.set(g, value);
  return memo;
}

/**
 * A `compact` that remembers its last result: the same snapshot object, or a snapshot with the
 * same `version`, returns the same compact graph (and so every structure memoised on it).
 */
export function compactCache(): (input: GraphInput) => CompactGraph {
  let last: { input: GraphInput; graph: CompactGraph } | undefined;
  return (input) => {
    if (last && (last.input === input || (input.version !== undefined && last.input.version === input.version))) return last.graph;
    const graph = compact(input);
    last = { input, graph };
    return graph;
  };
}
