import { EDGE_ENDPOINTS, edgeKey, type EdgeKind, type GraphEdge, type GraphNode, type NodeKind, type Problem, type SourceDocument } from "@chokepoint/graph-schema";
import type { EdgeRef } from "../../domain/graph-store";
import { documentProps, edgeRow, nodeProps } from "./mapping/to-props";
import type { PreparedBatch } from "./prepare-batch";

/**
 * Decides, from a prepared batch and what the database holds for the ids it touches, what must be
 * written and whether the result would be a valid graph. Pure, so the rules are testable without
 * a database; the store runs it inside the write transaction, after taking the graph lock.
 *
 * Only rows that differ from the stored ones are written, so re-applying or re-importing the same
 * data writes nothing and leaves the version alone.
 */

/** A stored edge touching a node whose kind the batch changes, with the stored kinds of its ends. */
export interface IncidentEdge {
  readonly from: string;
  readonly kind: EdgeKind;
  readonly to: string;
  readonly fromKind: NodeKind;
  readonly toKind: NodeKind;
}

export interface StoredState {
  readonly nodes: ReadonlyMap<string, GraphNode>;
  /** By `edgeKey`. */
  readonly edges: ReadonlyMap<string, GraphEdge>;
  readonly documents: ReadonlyMap<string, SourceDocument>;
  readonly incident: readonly IncidentEdge[];
}

export interface ChangePlan {
  readonly deleteEdges: readonly EdgeRef[];
  readonly deleteNodes: readonly string[];
  readonly upsertDocuments: readonly SourceDocument[];
  readonly upsertNodes: readonly GraphNode[];
  readonly upsertEdges: readonly GraphEdge[];
  /** Upserted nodes and edges that were already stored with the same content. */
  readonly unchanged: number;
}

export function changesData(plan: ChangePlan): boolean {
  return plan.deleteEdges.length + plan.deleteNodes.length + plan.upsertDocuments.length + plan.upsertNodes.length + plan.upsertEdges.length > 0;
}

const sameNode = (a: GraphNode, b: GraphNode) => JSON.stringify(nodeProps(a)) === JSON.stringify(nodeProps(b));
const sameEdge = (a: GraphEdge, b: GraphEdge) => JSON.stringify(edgeRow(a)) === JSON.stringify(edgeRow(b));
const sameDocument = (a: SourceDocument, b: SourceDocument) => JSON.stringify(documentProps(a)) === JSON.stringify(documentProps(b));

function fits(kind: EdgeKind, fromKind: NodeKind, toKind: NodeKind): boolean {
  const [fromKinds, toKinds] = EDGE_ENDPOINTS[kind];
  return fromKinds.includes(fromKind) && toKinds.includes(toKind);
}

/** Every id the batch needs the stored state of: its nodes, deletions and edge endpoints. */
export function referencedNodeIds(batch: PreparedBatch): string[] {
  const ids = new Set<string>(batch.deleteNodes);
  for (const n of batch.upsertNodes) ids.add(n.id);
  for (const e of batch.upsertEdges) {
    ids.add(e.from);
    ids.add(e.to);
  }
  return [...ids];
}

/** Stored nodes whose kind the batch changes (and does not delete first): their stored edges must
 *  still fit the new kind. */
export function kindChangedIds(batch: PreparedBatch, stored: ReadonlyMap<string, GraphNode>): string[] {
  const deleted = new Set(batch.deleteNodes);
  return batch.upsertNodes.filter((n) => !deleted.has(n.id) && stored.has(n.id) && stored.get(n.id)!.kind !== n.kind).map((n) => n.id);
}

export function referencedEdgeKeys(batch: PreparedBatch): EdgeRef[] {
  const refs = new Map<string, EdgeRef>();
  for (const e of [...batch.deleteEdges, ...batch.upsertEdges]) refs.set(edgeKey(e), { from: e.from, kind: e.kind, to: e.to });
  return [...refs.values()];
}

export function planChanges(batch: PreparedBatch, stored: StoredState): { plan?: ChangePlan; problems: Problem[] } {
  const problems: Problem[] = [];
  // Deletions apply first: a node deleted and upserted in one batch comes back without its edges.
  const deletedNodes = new Set(batch.deleteNodes.filter((id) => stored.nodes.has(id)));
  const deletedEdgeKeys = new Set(batch.deleteEdges.map(edgeKey).filter((k) => stored.edges.has(k)));
  const upserted = new Map(batch.upsertNodes.map((n) => [n.id, n] as const));
  const kindAfter = (id: string): NodeKind | undefined => {
    const n = upserted.get(id);
    if (n) return n.kind;
    if (deletedNodes.has(id)) return undefined;
    return stored.nodes.get(id)?.kind;
  };

  batch.upsertEdges.forEach((e, i) => {
    const path = batch.edgePaths[i] ?? `$.upsertEdges[${i}]`;
    const fromKind = kindAfter(e.from);
    const toKind = kindAfter(e.to);
    if (fromKind === undefined) problems.push({ code: "EDGE_ENDPOINT_MISSING", path: `${path}.from`, message: `no node with id "${e.from}"` });
    if (toKind === undefined) problems.push({ code: "EDGE_ENDPOINT_MISSING", path: `${path}.to`, message: `no node with id "${e.to}"` });
    if (fromKind !== undefined && toKind !== undefined && !fits(e.kind, fromKind, toKind)) {
      const [fromKinds, toKinds] = EDGE_ENDPOINTS[e.kind];
      problems.push({ code: "EDGE_ENDPOINT_KIND", path, message: `${e.kind} goes from ${fromKinds.join("/")} to ${toKinds.join("/")}, not ${fromKind} to ${toKind}` });
    }
  });

  const upsertedEdgeKeys = new Set(batch.upsertEdges.map(edgeKey));
  const nodePath = new Map(batch.upsertNodes.map((n, i) => [n.id, batch.nodePaths[i] ?? `$.upsertNodes[${i}]`] as const));
  for (const e of stored.incident) {
    const key = edgeKey(e);
    // Edges the batch removes, or re-states (checked above), are not constrained by their old form.
    if (deletedEdgeKeys.has(key) || upsertedEdgeKeys.has(key) || deletedNodes.has(e.from) || deletedNodes.has(e.to)) continue;
    const fromKind = kindAfter(e.from) ?? e.fromKind;
    const toKind = kindAfter(e.to) ?? e.toKind;
    if (fits(e.kind, fromKind, toKind)) continue;
    const changed = upserted.has(e.from) && fromKind !== e.fromKind ? e.from : e.to;
    problems.push({
      code: "EDGE_ENDPOINT_KIND",
      path: `${nodePath.get(changed) ?? "$"}.kind`,
      message: `the stored ${e.kind} edge ${e.from} → ${e.to} does not allow ${fromKind} to ${toKind}; delete or change it in the same batch`,
    });
  }

  if (problems.length > 0) return { problems };

  const upsertNodes = batch.upsertNodes.filter((n) => {
    const old = stored.nodes.get(n.id);
    return old === undefined || deletedNodes.has(n.id) || !sameNode(old, n);
  });
  const upsertEdges = batch.upsertEdges.filter((e) => {
    const key = edgeKey(e);
    const old = stored.edges.get(key);
    const detached = deletedEdgeKeys.has(key) || deletedNodes.has(e.from) || deletedNodes.has(e.to);
    return old === undefined || detached || !sameEdge(old, e);
  });
  const upsertDocuments = batch.upsertDocuments.filter((d) => {
    const old = stored.documents.get(d.id);
    return old === undefined || !sameDocument(old, d);
  });
  return {
    plan: {
      deleteEdges: batch.deleteEdges.filter((e) => deletedEdgeKeys.has(edgeKey(e))),
      deleteNodes: [...deletedNodes],
      upsertDocuments,
      upsertNodes,
      upsertEdges,
      unchanged: batch.upsertNodes.length - upsertNodes.length + (batch.upsertEdges.length - upsertEdges.length),
    },
    problems,
  };
}
