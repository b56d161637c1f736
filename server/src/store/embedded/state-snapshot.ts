import { resolvedGraphColumns, type GraphColumns } from "@chokepoint/graph-schema";
import type { GraphSnapshot } from "../../domain/graph-store";
import type { GraphState } from "./graph-state";

/**
 * The frozen snapshot of a state at its current version. The state keeps its nodes numbered
 * (slots), so every edge endpoint becomes a node position by an array read while the lists are
 * made, and the analysis compacts the snapshot without hashing a single endpoint id. The rest of
 * the columns (the id table, node and edge attributes) is built on first use of `columns`, from
 * the frozen lists: an import also takes a snapshot, and never reads them.
 */
export function snapshotOf(state: GraphState): GraphSnapshot {
  const { documents, nodes, edges, from, to } = state.sortedContent();
  let columns: GraphColumns | undefined | null = null;
  return Object.freeze({
    version: state.version,
    documents: Object.freeze(documents),
    nodes: Object.freeze(nodes),
    edges: Object.freeze(edges),
    get columns(): GraphColumns | undefined {
      // Checked: every write was (endpoints exist with kinds their edge allows, no self-loop; a
      // node's change of kind against its stored edges too), and recovery replays only those.
      if (columns === null) columns = resolvedGraphColumns(nodes, edges, from, to, true);
      return columns;
    },
  });
}
