import { edgeKey, type GraphEdge, type GraphNode } from "@chokepoint/graph-schema";
import type { ChangeBatch } from "../domain/graph-store";
import { checkReferences } from "./check-references";
import type { EdgeItem, NodeItem, ParsedImport } from "./import-items";
import { mergeEdge, mergeNode } from "./merge";
import { describePlace, fieldOf, type Place, type ProblemList } from "./problems";
import { sameData } from "./same-data";
import type { StoreView } from "./store-view";

export interface ImportPlan {
  /** Only what changes the stored graph; empty when the import is already fully stored. */
  readonly batch: ChangeBatch & { readonly upsertNodes: readonly GraphNode[]; readonly upsertEdges: readonly GraphEdge[] };
  /** Where each upserted node and edge came from, to re-home problems the store might report. */
  readonly nodePlaces: readonly Place[];
  readonly edgePlaces: readonly Place[];
  /** Distinct nodes and edges of the import that are stored already, unchanged. */
  readonly unchanged: number;
}

/** Same key twice: identical statements are one; different ones are a conflict (which row is
 *  right is the analyst's call, not ours). */
function distinct<T extends NodeItem | EdgeItem>(items: readonly T[], key: (t: T) => string, conflict: (later: T, first: T) => void): Map<string, T> {
  const byKey = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const first = byKey.get(k);
    if (!first) byKey.set(k, item);
    else if (!sameStatement(first, item)) conflict(item, first);
  }
  return byKey;
}

function sameStatement(a: NodeItem | EdgeItem, b: NodeItem | EdgeItem): boolean {
  const body = (x: NodeItem | EdgeItem) => ("node" in x ? x.node : x.edge);
  return sameData(body(a), body(b)) && sameData(a.given, b.given) && a.provenance.note === b.provenance.note;
}

function placeName(p: Place): string {
  return p.row !== undefined ? `${p.file} row ${p.row}` : `${p.file} ${describePlace({ path: p.path ?? "" })}`;
}

/**
 * Checks a parsed import against the stored graph and computes the one batch that applies it.
 * Returns undefined when problems were found (they are in `problems`); nothing is written either way.
 */
export function planImport(parsed: ParsedImport, view: StoreView, problems: ProblemList): ImportPlan | undefined {
  const nodes = distinct(parsed.nodes, (n) => n.node.id, (later, first) =>
    problems.at(fieldOf(later.place, "id"), "ID_DUPLICATE", `node "${later.node.id}" is also given, with different values, at ${placeName(first.place)}`),
  );
  const edgeMap = distinct(parsed.edges, (e) => edgeKey(e.edge), (later, first) =>
    problems.at(later.place, "EDGE_DUPLICATE", `edge ${later.edge.from} -${later.edge.kind}-> ${later.edge.to} is also given, with different values, at ${placeName(first.place)}`),
  );
  const edges = [...edgeMap.values()];
  checkReferences(nodes, edges, parsed, view, problems);
  if (problems.count > 0) return undefined;

  const upsertNodes: GraphNode[] = [];
  const nodePlaces: Place[] = [];
  for (const item of nodes.values()) {
    const merged = mergeNode(view.nodes.get(item.node.id), item);
    if (merged) {
      upsertNodes.push(merged);
      nodePlaces.push(item.place);
    }
  }
  const upsertEdges: GraphEdge[] = [];
  const edgePlaces: Place[] = [];
  for (const item of edges) {
    const merged = mergeEdge(view.edges.get(edgeKey(item.edge)), item);
    if (merged) {
      upsertEdges.push(merged);
      edgePlaces.push(item.place);
    }
  }
  return {
    batch: { upsertNodes, upsertEdges, ...(parsed.documents.length > 0 && { upsertDocuments: parsed.documents }) },
    nodePlaces,
    edgePlaces,
    unchanged: nodes.size + edges.length - upsertNodes.length - upsertEdges.length,
  };
}
