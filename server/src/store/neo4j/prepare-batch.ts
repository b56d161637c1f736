import {
  ChokepointError,
  isNodeKind,
  INTERCHANGE_FORMAT,
  INTERCHANGE_VERSION,
  edgeKey,
  isEdgeKind,
  isValidId,
  normalizeId,
  validateEdgeInput,
  validateInterchange,
  validateNodeInput,
  type GraphEdge,
  type GraphNode,
  type Problem,
  type SourceDocument,
} from "@chokepoint/graph-schema";
import type { ChangeBatch, EdgeRef } from "../../domain/graph-store";

/**
 * Structural validation of a write, before the database is touched: every node, edge and document
 * is checked with the schema's own readers (or, for an already validated interchange graph, the
 * few checks in `checkTrusted*`), ids are normalised, repeats are merged (identical) or rejected
 * (conflicting). After this, every kind is a member of its enum — the guarantee the Cypher builders
 * rely on when they splice kinds into statement text.
 */

export interface PreparedBatch {
  readonly deleteEdges: readonly EdgeRef[];
  readonly deleteNodes: readonly string[];
  readonly upsertDocuments: readonly SourceDocument[];
  readonly upsertNodes: readonly GraphNode[];
  readonly upsertEdges: readonly GraphEdge[];
  /** Where each upserted node and edge came from in the caller's input, for problem paths. */
  readonly nodePaths: readonly string[];
  readonly edgePaths: readonly string[];
}

/** JSON paths of the input lists: `$.upsertNodes` for `apply`, `$.nodes` for `importGraph`. */
export interface BatchPaths {
  readonly upsertNodes: string;
  readonly upsertEdges: string;
  readonly deleteNodes: string;
  readonly deleteEdges: string;
  readonly upsertDocuments: string;
}

export const APPLY_PATHS: BatchPaths = {
  upsertNodes: "$.upsertNodes",
  upsertEdges: "$.upsertEdges",
  deleteNodes: "$.deleteNodes",
  deleteEdges: "$.deleteEdges",
  upsertDocuments: "$.upsertDocuments",
};

export const IMPORT_PATHS: BatchPaths = { ...APPLY_PATHS, upsertNodes: "$.nodes", upsertEdges: "$.edges", upsertDocuments: "$.documents" };

/** `normalize` is off for trusted input, whose ids must already be in canonical form. */
function readId(raw: unknown, path: string, problems: Problem[], normalize = true): string | undefined {
  const id = typeof raw !== "string" ? undefined : normalize ? normalizeId(raw) : raw;
  if (id === undefined || !isValidId(id)) {
    problems.push({ code: "ID_INVALID", path, message: "an id must be lowercase kebab-case: letters a-z, digits and single hyphens" });
    return undefined;
  }
  return id;
}

function prepareDocuments(docs: readonly SourceDocument[], path: string, problems: Problem[]): SourceDocument[] {
  if (docs.length === 0) return [];
  // The schema has no single-document reader; an interchange document holding only these
  // documents applies the same rules, and its `$.documents` paths are renamed to ours.
  const result = validateInterchange({ format: INTERCHANGE_FORMAT, version: INTERCHANGE_VERSION, documents: docs, nodes: [], edges: [] });
  for (const p of result.problems) problems.push({ ...p, path: p.path.replace(/^\$\.documents/, path) });
  return result.graph ? [...result.graph.documents] : [];
}

function readNode(raw: unknown, path: string, problems: Problem[]): GraphNode | undefined {
  const { node, problems: found } = validateNodeInput(raw, path);
  problems.push(...found);
  return node;
}

function readEdge(raw: unknown, path: string, problems: Problem[]): GraphEdge | undefined {
  const { edge, problems: found } = validateEdgeInput(raw, path);
  problems.push(...found);
  return edge;
}

/** For graphs that passed `validateInterchange`: re-reading a million nodes would cost tens of
 *  seconds, so only what the adapter's safety rests on is re-checked — ids, and kinds being
 *  members of their enums (they become labels and relationship types). */
function checkTrustedNode(node: GraphNode, path: string, problems: Problem[]): GraphNode | undefined {
  const before = problems.length;
  readId(node.id, `${path}.id`, problems, false);
  if (!isNodeKind(node.kind)) problems.push({ code: "KIND_UNKNOWN", path: `${path}.kind`, message: "kind must be Product, Component, Material, Supplier or Region" });
  return problems.length === before ? node : undefined;
}

function checkTrustedEdge(edge: GraphEdge, path: string, problems: Problem[]): GraphEdge | undefined {
  const before = problems.length;
  readId(edge.from, `${path}.from`, problems, false);
  readId(edge.to, `${path}.to`, problems, false);
  if (!isEdgeKind(edge.kind)) problems.push({ code: "EDGE_KIND_UNKNOWN", path: `${path}.kind`, message: "kind must be REQUIRES, SOURCED_FROM, LOCATED_IN or WITHIN" });
  if (edge.from === edge.to) problems.push({ code: "EDGE_SELF_LOOP", path, message: "an edge cannot connect a node to itself" });
  return problems.length === before ? edge : undefined;
}

export function prepareBatch(batch: ChangeBatch, paths: BatchPaths = APPLY_PATHS, options: { trusted?: boolean } = {}): PreparedBatch {
  const problems: Problem[] = [];

  const deleteEdges = new Map<string, EdgeRef>();
  (batch.deleteEdges ?? []).forEach((raw, i) => {
    const p = `${paths.deleteEdges}[${i}]`;
    const ref: Partial<EdgeRef> = typeof raw === "object" && raw !== null ? raw : {};
    const from = readId(ref.from, `${p}.from`, problems);
    const to = readId(ref.to, `${p}.to`, problems);
    if (!isEdgeKind(ref.kind)) problems.push({ code: "EDGE_KIND_UNKNOWN", path: `${p}.kind`, message: "kind must be REQUIRES, SOURCED_FROM, LOCATED_IN or WITHIN" });
    else if (from !== undefined && to !== undefined) deleteEdges.set(edgeKey({ from, kind: ref.kind, to }), { from, kind: ref.kind, to });
  });

  const deleteNodes = new Set<string>();
  (batch.deleteNodes ?? []).forEach((raw, i) => {
    const id = readId(raw, `${paths.deleteNodes}[${i}]`, problems);
    if (id !== undefined) deleteNodes.add(id);
  });

  const nodes = new Map<string, { node: GraphNode; path: string }>();
  (batch.upsertNodes ?? []).forEach((raw, i) => {
    const path = `${paths.upsertNodes}[${i}]`;
    const node = options.trusted ? checkTrustedNode(raw, path, problems) : readNode(raw, path, problems);
    if (!node) return;
    const prior = nodes.get(node.id);
    if (prior === undefined) nodes.set(node.id, { node, path });
    else if (JSON.stringify(prior.node) !== JSON.stringify(node)) problems.push({ code: "ID_DUPLICATE", path: `${path}.id`, message: `node "${node.id}" appears twice with different content` });
  });

  const edges = new Map<string, { edge: GraphEdge; path: string }>();
  (batch.upsertEdges ?? []).forEach((raw, i) => {
    const path = `${paths.upsertEdges}[${i}]`;
    const edge = options.trusted ? checkTrustedEdge(raw, path, problems) : readEdge(raw, path, problems);
    if (!edge) return;
    const key = edgeKey(edge);
    const prior = edges.get(key);
    if (prior === undefined) edges.set(key, { edge, path });
    else if (JSON.stringify(prior.edge) !== JSON.stringify(edge)) problems.push({ code: "EDGE_DUPLICATE", path, message: `same edge as ${prior.path} with different content` });
  });

  const upsertDocuments = prepareDocuments(batch.upsertDocuments ?? [], paths.upsertDocuments, problems);

  if (problems.length > 0) throw new ChokepointError("VALIDATION_FAILED", "the change is not valid; nothing was written", { problems });
  return {
    deleteEdges: [...deleteEdges.values()],
    deleteNodes: [...deleteNodes],
    upsertDocuments,
    upsertNodes: [...nodes.values()].map((n) => n.node),
    upsertEdges: [...edges.values()].map((e) => e.edge),
    nodePaths: [...nodes.values()].map((n) => n.path),
    edgePaths: [...edges.values()].map((e) => e.path),
  };
}

export function isEmptyBatch(b: PreparedBatch): boolean {
  return b.deleteEdges.length + b.deleteNodes.length + b.upsertDocuments.length + b.upsertNodes.length + b.upsertEdges.length === 0;
}
