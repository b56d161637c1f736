import type { GraphEdge, GraphNode, SourceDocument } from "@chokepoint/graph-schema";
import type { EdgeRef } from "../../domain/graph-store";

/** The effective part of a write after validation: only deletions of things that exist and
 *  upserts whose content differs from what is stored, all normalised. This is what the change
 *  log records and what recovery replays, in the order of the port's `ChangeBatch`: delete edges,
 *  delete nodes (with their incident edges), upsert documents, nodes, edges. */
export interface StoredChange {
  readonly deleteEdges: readonly EdgeRef[];
  readonly deleteNodes: readonly string[];
  readonly upsertDocuments: readonly SourceDocument[];
  readonly upsertNodes: readonly GraphNode[];
  readonly upsertEdges: readonly GraphEdge[];
}

export const CHANGE_FIELDS = ["deleteEdges", "deleteNodes", "upsertDocuments", "upsertNodes", "upsertEdges"] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

export function isEmptyChange(c: StoredChange): boolean {
  return CHANGE_FIELDS.every((f) => c[f].length === 0);
}

export function changeItemCount(c: StoredChange): number {
  return CHANGE_FIELDS.reduce((n, f) => n + c[f].length, 0);
}

/** Concatenates the parts of one logged write back into the write (fields keep their order, so
 *  applying the result is the same as applying the original change). */
export function joinChanges(parts: readonly StoredChange[]): StoredChange {
  if (parts.length === 1) return parts[0]!;
  const out = { deleteEdges: [] as EdgeRef[], deleteNodes: [] as string[], upsertDocuments: [] as SourceDocument[], upsertNodes: [] as GraphNode[], upsertEdges: [] as GraphEdge[] };
  for (const p of parts) {
    for (const x of p.deleteEdges) out.deleteEdges.push(x);
    for (const x of p.deleteNodes) out.deleteNodes.push(x);
    for (const x of p.upsertDocuments) out.upsertDocuments.push(x);
    for (const x of p.upsertNodes) out.upsertNodes.push(x);
    for (const x of p.upsertEdges) out.upsertEdges.push(x);
  }
  return out;
}
