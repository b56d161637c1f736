import { resolvedGraphColumns } from "@chokepoint/graph-schema";
import type { GraphSnapshot } from "../../domain/graph-store";
import type { GraphState } from "./graph-state";

/**
 * The frozen snapshot of a state at its current version, with the graph as columns: the state
 * keeps its nodes numbered (slots), so every edge endpoint becomes a node position by an array
 * read, and the analysis compacts the snapshot without hashing a single endpoint id.
 */
export function snapshotOf(state: GraphState): GraphSnapshot {
  const { documents, nodes, edges, from, to } = state.sortedContent();
  const columns = resolvedGraphColumns(nodes, edges, from, to);
  return Object.freeze({
    version: state.version,
    documents: Object.freeze(documents),
    nodes: Object.freeze(nodes),
    edges: Object.freeze(edges),
    ...(columns && { columns }),
  });
}
