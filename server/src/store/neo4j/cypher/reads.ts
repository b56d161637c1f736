import { int } from "neo4j-driver";
import { EDGE_KINDS, NODE_KINDS, type Category, type EdgeKind, type Flag, type NodeKind } from "@chokepoint/graph-schema";
import type { Statement } from "./statement";
import { DOCUMENT_LABEL, NODE_LABEL, nodeLabel, relationshipType } from "./names";

/**
 * Read statements. Filters are added to the text only when present (so the planner sees plain
 * predicates it can use indexes for), but their values are always parameters. Edges come back as
 * `{fromId, kind, toId, props}` and nodes as `{props}`, the shapes mapping/to-domain.ts reads.
 * Columns and row keys avoid `from`/`to`, which are Cypher keywords in some positions.
 */

const EDGE_COLUMNS = "a.id AS fromId, type(r) AS kind, b.id AS toId, properties(r) AS props";

export function nodesById(ids: readonly string[]): Statement {
  return { text: ["UNWIND $ids AS id", `MATCH (n:${NODE_LABEL} {id: id})`, "RETURN properties(n) AS props"].join("\n"), params: { ids: [...ids] } };
}

export function documentsById(ids: readonly string[]): Statement {
  return { text: ["UNWIND $ids AS id", `MATCH (d:${DOCUMENT_LABEL} {id: id})`, "RETURN properties(d) AS props"].join("\n"), params: { ids: [...ids] } };
}

/** Stored edges with these keys, whatever their kind: `type(r) = row.kind` keeps the kind a
 *  parameter, so one statement serves all kinds. */
export function edgesByKey(rows: readonly { readonly from: string; readonly kind: EdgeKind; readonly to: string }[]): Statement {
  return {
    text: [
      "UNWIND $rows AS row",
      `MATCH (a:${NODE_LABEL} {id: row.fromId})-[r]->(b:${NODE_LABEL} {id: row.toId})`,
      "WHERE type(r) = row.kind",
      `RETURN ${EDGE_COLUMNS}`,
    ].join("\n"),
    params: { rows: rows.map((r) => ({ fromId: r.from, kind: r.kind, toId: r.to })) },
  };
}

/** Every stored edge touching these nodes, with the kinds of both ends: what a kind change must
 *  still satisfy. DISTINCT because an edge between two listed nodes is found from both. */
export function incidentEdges(ids: readonly string[]): Statement {
  return {
    text: [
      "UNWIND $ids AS id",
      `MATCH (:${NODE_LABEL} {id: id})-[r]-(:${NODE_LABEL})`,
      "WITH DISTINCT r",
      "WITH startNode(r) AS a, r, endNode(r) AS b",
      "RETURN a.id AS fromId, type(r) AS kind, b.id AS toId, a.kind AS fromKind, b.kind AS toKind",
    ].join("\n"),
    params: { ids: [...ids] },
  };
}

export function nodeById(id: string): Statement {
  return { text: [`MATCH (n:${NODE_LABEL} {id: $id})`, "RETURN properties(n) AS props"].join("\n"), params: { id } };
}

export function outgoingEdges(id: string): Statement {
  return {
    text: [`MATCH (a:${NODE_LABEL} {id: $id})-[r]->(b:${NODE_LABEL})`, `RETURN ${EDGE_COLUMNS}`, "ORDER BY kind, toId"].join("\n"),
    params: { id },
  };
}

export function incomingEdges(id: string): Statement {
  return {
    text: [`MATCH (a:${NODE_LABEL})-[r]->(b:${NODE_LABEL} {id: $id})`, `RETURN ${EDGE_COLUMNS}`, "ORDER BY fromId, kind"].join("\n"),
    params: { id },
  };
}

export interface NodeFilter {
  readonly kind?: NodeKind;
  readonly category?: Category;
  readonly flag?: Flag;
  /** Already lowercased; matched as a substring. */
  readonly search?: string;
}

function nodeWhere(filter: NodeFilter, after: string | undefined): { where: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.kind !== undefined) {
    clauses.push("n.kind = $kind");
    params.kind = filter.kind;
  }
  if (filter.category !== undefined) {
    clauses.push("n.category = $category");
    params.category = filter.category;
  }
  if (filter.flag !== undefined) {
    clauses.push("$flag IN n.flagNames");
    params.flag = filter.flag;
  }
  if (filter.search !== undefined) {
    clauses.push(
      "(toLower(n.id) CONTAINS $search OR toLower(coalesce(n.nameZh, '')) CONTAINS $search OR toLower(coalesce(n.nameEn, '')) CONTAINS $search OR any(x IN coalesce(n.aliases, []) WHERE toLower(x) CONTAINS $search))",
    );
    params.search = filter.search;
  }
  if (after !== undefined) {
    clauses.push("n.id > $after");
    params.after = after;
  }
  return { where: clauses.length === 0 ? "" : `WHERE ${clauses.join("\n  AND ")}`, params };
}

/** One page, asking for `limit` rows (the store asks for one more than it returns, to learn
 *  whether there is a next page). LIMIT needs an integer, hence `int()`: a JS number is a float. */
export function listNodes(filter: NodeFilter, after: string | undefined, limit: number): Statement {
  const { where, params } = nodeWhere(filter, after);
  return {
    text: [`MATCH (n:${NODE_LABEL})`, where, "RETURN properties(n) AS props", "ORDER BY n.id", "LIMIT $limit"].filter((l) => l !== "").join("\n"),
    params: { ...params, limit: int(limit) },
  };
}

export function countNodes(filter: NodeFilter): Statement {
  const { where, params } = nodeWhere(filter, undefined);
  return { text: [`MATCH (n:${NODE_LABEL})`, where, "RETURN count(n) AS total"].filter((l) => l !== "").join("\n"), params };
}

export interface EdgeFilter {
  readonly kind?: EdgeKind;
  readonly from?: string;
  readonly to?: string;
}

export interface EdgePosition {
  readonly from: string;
  readonly kind: EdgeKind;
  readonly to: string;
}

function edgeMatch(filter: EdgeFilter, after: EdgePosition | undefined): { text: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  const clauses: string[] = [];
  const type = filter.kind === undefined ? "" : `:${relationshipType(filter.kind)}`;
  if (filter.from !== undefined) {
    clauses.push("a.id = $from");
    params.from = filter.from;
  }
  if (filter.to !== undefined) {
    clauses.push("b.id = $to");
    params.to = filter.to;
  }
  if (after !== undefined) {
    clauses.push("(a.id > $afterFrom OR (a.id = $afterFrom AND (type(r) > $afterKind OR (type(r) = $afterKind AND b.id > $afterTo))))");
    Object.assign(params, { afterFrom: after.from, afterKind: after.kind, afterTo: after.to });
  }
  const match = `MATCH (a:${NODE_LABEL})-[r${type}]->(b:${NODE_LABEL})`;
  return { text: clauses.length === 0 ? match : `${match}\nWHERE ${clauses.join("\n  AND ")}`, params };
}

export function listEdges(filter: EdgeFilter, after: EdgePosition | undefined, limit: number): Statement {
  const { text, params } = edgeMatch(filter, after);
  return { text: [text, `RETURN ${EDGE_COLUMNS}`, "ORDER BY fromId, kind, toId", "LIMIT $limit"].join("\n"), params: { ...params, limit: int(limit) } };
}

export function countEdges(filter: EdgeFilter): Statement {
  const { text, params } = edgeMatch(filter, undefined);
  return { text: [text, "RETURN count(r) AS total"].join("\n"), params };
}

/** Per-kind counts from single-label and single-type patterns, which Neo4j answers from its count
 *  store instead of scanning the graph. */
export function countByKind(): Statement {
  const nodes = NODE_KINDS.map((k) => `MATCH (n:${nodeLabel(k)}) RETURN 'node' AS what, '${k}' AS kind, count(n) AS count`);
  const edges = EDGE_KINDS.map((k) => `MATCH ()-[r:${relationshipType(k)}]->() RETURN 'edge' AS what, '${k}' AS kind, count(r) AS count`);
  return { text: [...nodes, ...edges].join("\nUNION ALL\n"), params: {} };
}

export function allDocuments(): Statement {
  return { text: [`MATCH (d:${DOCUMENT_LABEL})`, "RETURN properties(d) AS props", "ORDER BY d.id"].join("\n"), params: {} };
}

/** `n.id IS NOT NULL` lets the planner walk the uniqueness index in id order instead of sorting. */
export function allNodes(): Statement {
  return { text: [`MATCH (n:${NODE_LABEL})`, "WHERE n.id IS NOT NULL", "RETURN properties(n) AS props", "ORDER BY n.id"].join("\n"), params: {} };
}

/** Unordered on purpose: sorting millions of relationships on the server costs its heap; the
 *  store sorts the mapped edges instead. */
export function allEdges(): Statement {
  return { text: [`MATCH (a:${NODE_LABEL})-[r]->(b:${NODE_LABEL})`, `RETURN ${EDGE_COLUMNS}`].join("\n"), params: {} };
}
