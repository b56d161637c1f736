/**
 * Memoisation without I/O: derived structures are remembered in WeakMaps keyed by the compact
 * graph (no mutation of the graph; collected together with it when a new data version replaces
 * it), and `compactCache` remembers the last compacted snapshot.
 */
import { compact, type CompactGraph, type GraphInput } from "./compact";

/** A per-graph memo for one derived structure. */
export function memoByGraph<T>(build: (g: CompactGraph) => T): (g: CompactGraph) => T {
  const cache = new WeakMap<CompactGraph, T>();
  return (g) => {
    let value = cache.get(g);
    if (value === undefined) {
      value = build(g);
      cache.set(g, value);
    }
    return value;
  };
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
