import type { EdgeKind, NodeKind } from "@chokepoint/graph-schema";
import type { DocumentProps, EdgeRow, NodeProps } from "../mapping/to-props";
import type { Statement } from "./statement";
import { DOCUMENT_LABEL, NODE_LABEL, nodeLabel, otherNodeLabels, relationshipType } from "./names";

/**
 * Batched writes: one `UNWIND $rows` statement per kind and chunk. Labels and relationship types
 * come from the kind enums through the guards in names.ts; ids, names, quotes and every other user
 * value travel only in `$rows`. Each returns `count` so the store can check that every row found
 * its match (an edge whose endpoint vanished would otherwise be skipped silently).
 */

export function deleteEdges(kind: EdgeKind, rows: readonly { readonly from: string; readonly to: string }[]): Statement {
  return {
    text: [
      "UNWIND $rows AS row",
      `MATCH (:${NODE_LABEL} {id: row.fromId})-[r:${relationshipType(kind)}]->(:${NODE_LABEL} {id: row.toId})`,
      "DELETE r",
      "RETURN count(*) AS count",
    ].join("\n"),
    params: { rows: rows.map((r) => ({ fromId: r.from, toId: r.to })) },
  };
}

/** Removes every relationship of these nodes first, so the store can report how many edges a node
 *  deletion took with it. DISTINCT: an edge between two listed nodes is found from both ends;
 *  one between nodes in different chunks is found (and deleted) by the first chunk only. */
export function detachEdges(ids: readonly string[]): Statement {
  return {
    text: ["UNWIND $ids AS id", `MATCH (:${NODE_LABEL} {id: id})-[r]-(:${NODE_LABEL})`, "WITH DISTINCT r", "DELETE r", "RETURN count(*) AS count"].join("\n"),
    params: { ids: [...ids] },
  };
}

/** DETACH in case a relationship to a node outside the model is attached. */
export function deleteNodes(ids: readonly string[]): Statement {
  return {
    text: ["UNWIND $ids AS id", `MATCH (n:${NODE_LABEL} {id: id})`, "DETACH DELETE n", "RETURN count(*) AS count"].join("\n"),
    params: { ids: [...ids] },
  };
}

export function upsertDocuments(rows: readonly DocumentProps[]): Statement {
  return {
    text: ["UNWIND $rows AS row", `MERGE (d:${DOCUMENT_LABEL} {id: row.id})`, "SET d = row", "RETURN count(*) AS count"].join("\n"),
    params: { rows: [...rows] },
  };
}

/** `SET n = row` replaces every property (an upsert replaces the whole node); the kind label is
 *  set and every other kind label removed, so a kind change leaves no stale label behind. */
export function upsertNodes(kind: NodeKind, rows: readonly NodeProps[]): Statement {
  return {
    text: [
      "UNWIND $rows AS row",
      `MERGE (n:${NODE_LABEL} {id: row.id})`,
      `SET n = row, n:${nodeLabel(kind)}`,
      `REMOVE n${otherNodeLabels(kind)}`,
      "RETURN count(*) AS count",
    ].join("\n"),
    params: { rows: [...rows] },
  };
}

export function upsertEdges(kind: EdgeKind, rows: readonly EdgeRow[]): Statement {
  return {
    text: [
      "UNWIND $rows AS row",
      `MATCH (a:${NODE_LABEL} {id: row.fromId})`,
      `MATCH (b:${NODE_LABEL} {id: row.toId})`,
      `MERGE (a)-[r:${relationshipType(kind)}]->(b)`,
      "SET r = row.props",
      "RETURN count(*) AS count",
    ].join("\n"),
    params: { rows: [...rows] },
  };
}
