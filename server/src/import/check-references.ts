import { EDGE_ENDPOINTS, edgeKey, type Evidence, type NodeKind } from "@chokepoint/graph-schema";
import type { EdgeItem, NodeItem, ParsedImport } from "./import-items";
import { fieldOf, type ProblemList } from "./problems";
import { cyclesClosedBy } from "./requires-cycles";
import type { StoreView } from "./store-view";

/**
 * Checks an import against itself and the stored graph as it will be afterwards: edge endpoints
 * exist (in the file or the store) and have the kinds the edge kind allows, a node whose kind
 * changes does not break a stored edge, cited documents exist, and no REQUIRES cycle is closed.
 */
export function checkReferences(nodes: ReadonlyMap<string, NodeItem>, edges: readonly EdgeItem[], parsed: ParsedImport, view: StoreView, problems: ProblemList): void {
  for (const item of nodes.values()) {
    if (item.given.nameless && !view.nodes.has(item.node.id)) {
      problems.at(fieldOf(item.place, "name_en"), "NAME_MISSING", `"${item.node.id}" is a new node; it needs name_zh or name_en`);
    }
  }
  const kindAfter = (id: string): NodeKind | undefined => nodes.get(id)?.node.kind ?? view.nodes.get(id)?.kind;
  for (const item of edges) {
    if (problems.full) return;
    const { edge, place } = item;
    const from = kindAfter(edge.from);
    const to = kindAfter(edge.to);
    for (const [end, id, kind] of [["from", edge.from, from], ["to", edge.to, to]] as const) {
      if (kind === undefined && !parsed.invalidIds.has(id)) {
        problems.at(fieldOf(place, end), "EDGE_ENDPOINT_MISSING", `no node "${id}" in this import or in the stored graph`);
      }
    }
    if (from === undefined || to === undefined) continue;
    const [fromKinds, toKinds] = EDGE_ENDPOINTS[edge.kind];
    if (!fromKinds.includes(from) || !toKinds.includes(to)) {
      problems.at(fieldOf(place, "kind"), "EDGE_ENDPOINT_KIND", `${edge.kind} goes from ${fromKinds.join("/")} to ${toKinds.join("/")}, not ${from} to ${to}`);
    }
  }
  checkKindChanges(nodes, edges, view, problems);
  checkDocuments(nodes, edges, parsed, view, problems);
  const requires = edges.filter((e) => e.edge.kind === "REQUIRES");
  const stored = view.allEdges.filter((e) => e.kind === "REQUIRES");
  for (const { index, cycle } of cyclesClosedBy(stored, requires.map((e) => e.edge))) {
    const { place } = requires[index]!;
    problems.at(fieldOf(place, "to"), "REQUIRES_CYCLE", `this edge closes a REQUIRES cycle: ${cycle.join(" → ")}`);
  }
}

/** A stored edge that the import does not restate must still fit a node whose kind changes. */
function checkKindChanges(nodes: ReadonlyMap<string, NodeItem>, edges: readonly EdgeItem[], view: StoreView, problems: ProblemList): void {
  const changed = new Map<string, NodeItem>();
  for (const item of nodes.values()) {
    const stored = view.nodes.get(item.node.id);
    if (stored && stored.kind !== item.node.kind) changed.set(item.node.id, item);
  }
  if (changed.size === 0) return;
  const restated = new Set(edges.map((e) => edgeKey(e.edge)));
  const kindAfter = (id: string): NodeKind | undefined => nodes.get(id)?.node.kind ?? view.nodes.get(id)?.kind;
  for (const e of view.allEdges) {
    const item = changed.get(e.from) ?? changed.get(e.to);
    if (!item || restated.has(edgeKey(e))) continue;
    const [fromKinds, toKinds] = EDGE_ENDPOINTS[e.kind];
    const from = kindAfter(e.from)!;
    const to = kindAfter(e.to)!;
    if (fromKinds.includes(from) && toKinds.includes(to)) continue;
    problems.at(fieldOf(item.place, "kind"), "EDGE_ENDPOINT_KIND", `making "${item.node.id}" a ${item.node.kind} breaks the stored edge ${e.from} -${e.kind}-> ${e.to}`);
    changed.delete(item.node.id);
  }
}

function checkDocuments(nodes: ReadonlyMap<string, NodeItem>, edges: readonly EdgeItem[], parsed: ParsedImport, view: StoreView, problems: ProblemList): void {
  const known = new Set([...view.documents, ...parsed.documents.map((d) => d.id)]);
  const cites = (evidence: readonly Evidence[]) => evidence.find((e) => e.doc !== undefined && !known.has(e.doc))?.doc;
  const check = (place: NodeItem["place"], evidence: readonly Evidence[]) => {
    const doc = cites(evidence);
    if (doc !== undefined) problems.at(fieldOf(place, "evidence"), "DOCUMENT_UNKNOWN", `evidence cites document "${doc}", which is neither in the file nor stored`);
  };
  for (const { place, node } of nodes.values()) {
    check(place, node.evidence);
    for (const f of node.flags) check(place, f.evidence);
  }
  for (const { place, edge } of edges) check(place, edge.evidence);
}
