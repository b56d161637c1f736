import {
  EDGE_ENDPOINTS,
  INTERCHANGE_FORMAT,
  INTERCHANGE_VERSION,
  isEdgeKind,
  isValidId,
  normalizeId,
  validateEdgeInput,
  validateInterchange,
  validateNodeInput,
  type GraphEdge,
  type GraphNode,
  type NodeKind,
  type Problem,
  type SourceDocument,
} from "@chokepoint/graph-schema";
import type { EdgeRef } from "../../domain/graph-store";
import { edgeSortKey } from "./edge-sort-key";
import { deepFreeze, sameData } from "./frozen-data";
import type { GraphState } from "./graph-state";
import type { StoredChange } from "./stored-change";

/** Where each list of a write came from, so problems point at the caller's own input
 *  (`$.upsertEdges[3].to` for a batch, `$.edges[3].to` for an imported file). */
export interface InputPaths {
  readonly upsertNodes: string;
  readonly upsertEdges: string;
  readonly upsertDocuments: string;
  readonly deleteNodes: string;
  readonly deleteEdges: string;
}

export const BATCH_PATHS: InputPaths = {
  upsertNodes: "$.upsertNodes",
  upsertEdges: "$.upsertEdges",
  upsertDocuments: "$.upsertDocuments",
  deleteNodes: "$.deleteNodes",
  deleteEdges: "$.deleteEdges",
};

export const IMPORT_PATHS: InputPaths = {
  upsertNodes: "$.nodes",
  upsertEdges: "$.edges",
  upsertDocuments: "$.documents",
  deleteNodes: "$.deleteNodes",
  deleteEdges: "$.deleteEdges",
};

/** A write as received: the port's `ChangeBatch`, but untrusted (it may come straight from a
 *  GraphQL mutation or a parsed file). */
export interface WriteInput {
  readonly upsertNodes?: unknown;
  readonly upsertEdges?: unknown;
  readonly upsertDocuments?: unknown;
  readonly deleteNodes?: unknown;
  readonly deleteEdges?: unknown;
}

export interface WritePlan {
  readonly problems: readonly Problem[];
  /** Normalised, frozen, and reduced to what actually changes the stored graph. */
  readonly change: StoredChange;
  /** Distinct nodes and edges named by the input, for the import's `unchanged` count. */
  readonly distinctItems: number;
  /** Sort keys of `change.upsertEdges`, index for index, so applying need not rebuild them. */
  readonly upsertEdgeKeys: readonly string[];
}

/**
 * Validates a whole write against the current state as it will be after the write: shapes (via
 * graph-schema), duplicate ids, edge endpoints that exist and have the kinds `EDGE_ENDPOINTS`
 * allows — including edges that stay while a node changes kind. Checks touch only the nodes and
 * edges the write names, so a one-node edit costs the same in a graph of a million nodes.
 * REQUIRES cycles are not rejected here: the analysis reports and breaks them (DESIGN §2).
 */
export function planWrite(state: GraphState, raw: unknown, paths: InputPaths): WritePlan {
  const problems: Problem[] = [];
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) problems.push({ code: "FIELD_TYPE", path: "$", message: "expected a change batch object" });
  const input: WriteInput = typeof raw === "object" && raw !== null ? raw : {};
  const list = (v: unknown, path: string): readonly unknown[] => {
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) return v;
    problems.push({ code: "FIELD_TYPE", path, message: "expected a list" });
    return [];
  };

  const deletedEdges = new Map<string, EdgeRef>();
  list(input.deleteEdges, paths.deleteEdges).forEach((raw, i) => {
    const ref = readEdgeRef(raw, `${paths.deleteEdges}[${i}]`, problems);
    if (ref && state.edgeByRef(ref)) deletedEdges.set(edgeSortKey(ref), ref);
  });

  const deletedNodes = new Set<string>();
  list(input.deleteNodes, paths.deleteNodes).forEach((raw, i) => {
    const id = readId(raw, `${paths.deleteNodes}[${i}]`, problems);
    if (id !== undefined && state.hasNode(id)) deletedNodes.add(id);
  });

  const documents = planDocuments(state, list(input.upsertDocuments, paths.upsertDocuments), paths.upsertDocuments, problems);

  const nodes = new Map<string, GraphNode>();
  const kindChanges: { node: GraphNode; index: number }[] = [];
  list(input.upsertNodes, paths.upsertNodes).forEach((raw, i) => {
    const path = `${paths.upsertNodes}[${i}]`;
    const r = validateNodeInput(raw, path);
    if (!r.node) return void problems.push(...r.problems);
    const prior = nodes.get(r.node.id);
    if (prior && !sameData(prior, r.node)) {
      return void problems.push({ code: "ID_DUPLICATE", path: `${path}.id`, message: `node "${r.node.id}" appears twice in one write with different content` });
    }
    if (prior) return;
    nodes.set(r.node.id, r.node);
    const stored = state.node(r.node.id);
    if (stored && stored.kind !== r.node.kind && !deletedNodes.has(r.node.id)) kindChanges.push({ node: r.node, index: i });
  });

  const kindAfter = (id: string): NodeKind | undefined => nodes.get(id)?.kind ?? (deletedNodes.has(id) ? undefined : state.node(id)?.kind);
  const endpointProblem = (edge: GraphEdge, path: string, from = kindAfter(edge.from), to = kindAfter(edge.to)): Problem | undefined => {
    if (from === undefined || to === undefined) return undefined;
    const [fromKinds, toKinds] = EDGE_ENDPOINTS[edge.kind];
    if (fromKinds.includes(from) && toKinds.includes(to)) return undefined;
    return { code: "EDGE_ENDPOINT_KIND", path, message: `${edge.kind} goes from ${fromKinds.join("/")} to ${toKinds.join("/")}, not ${from} to ${to}` };
  };

  const edges = new Map<string, GraphEdge>();
  list(input.upsertEdges, paths.upsertEdges).forEach((raw, i) => {
    const path = `${paths.upsertEdges}[${i}]`;
    const r = validateEdgeInput(raw, path);
    if (!r.edge) return void problems.push(...r.problems);
    const edge = r.edge;
    const key = edgeSortKey(edge);
    const prior = edges.get(key);
    if (prior) {
      if (!sameData(prior, edge)) problems.push({ code: "EDGE_DUPLICATE", path, message: "the same edge appears twice in one write with different content" });
      return;
    }
    edges.set(key, edge);
    const from = kindAfter(edge.from);
    const to = kindAfter(edge.to);
    if (from === undefined) problems.push({ code: "EDGE_ENDPOINT_MISSING", path: `${path}.from`, message: `no node with id "${edge.from}"` });
    if (to === undefined) problems.push({ code: "EDGE_ENDPOINT_MISSING", path: `${path}.to`, message: `no node with id "${edge.to}"` });
    const p = endpointProblem(edge, path, from, to);
    if (p) problems.push(p);
  });

  for (const { node, index } of kindChanges) {
    for (const key of [...state.outgoingKeys(node.id), ...state.incomingKeys(node.id)]) {
      const edge = state.edge(key)!;
      if (deletedEdges.has(key) || edges.has(key) || deletedNodes.has(edge.from) || deletedNodes.has(edge.to)) continue;
      const p = endpointProblem(edge, `${paths.upsertNodes}[${index}].kind`);
      if (p) {
        problems.push({ ...p, message: `changing the kind breaks the stored edge ${edge.from} -${edge.kind}-> ${edge.to}: ${p.message}` });
        break;
      }
    }
  }

  const distinctItems = nodes.size + edges.size;
  if (problems.length > 0) return { problems, change: EMPTY_CHANGE, distinctItems, upsertEdgeKeys: [] };
  dropDeletesThatAreRestored(state, deletedEdges, deletedNodes, nodes, edges);

  const upsertNodes: GraphNode[] = [];
  for (const node of nodes.values()) {
    const stored = state.node(node.id);
    if (deletedNodes.has(node.id) || !stored || !sameData(stored, node)) upsertNodes.push(deepFreeze(node));
  }
  const upsertEdges: GraphEdge[] = [];
  const upsertEdgeKeys: string[] = [];
  for (const [key, edge] of edges) {
    const stored = state.edge(key);
    const survives = stored !== undefined && !deletedEdges.has(key) && !deletedNodes.has(edge.from) && !deletedNodes.has(edge.to);
    if (survives && sameData(stored, edge)) continue;
    upsertEdges.push(deepFreeze(edge));
    upsertEdgeKeys.push(key);
  }
  return {
    problems,
    change: { deleteEdges: [...deletedEdges.values()], deleteNodes: [...deletedNodes], upsertDocuments: documents, upsertNodes, upsertEdges },
    distinctItems,
    upsertEdgeKeys,
  };
}

/** A batch that deletes something and upserts it again unchanged (with, for a node, every edge
 *  it had) changes nothing, and must not bump the version. Such deletes are dropped from the plan;
 *  for nodes this is a greatest fixpoint, since two re-created neighbours restore each other. */
function dropDeletesThatAreRestored(
  state: GraphState,
  deletedEdges: Map<string, EdgeRef>,
  deletedNodes: Set<string>,
  nodes: ReadonlyMap<string, GraphNode>,
  edges: ReadonlyMap<string, GraphEdge>,
): void {
  for (const key of [...deletedEdges.keys()]) {
    const upsert = edges.get(key);
    if (upsert && sameData(state.edge(key), upsert)) deletedEdges.delete(key);
  }
  const restored = new Set([...deletedNodes].filter((id) => nodes.has(id) && sameData(state.node(id), nodes.get(id))));
  for (let changed = true; changed && restored.size > 0; ) {
    changed = false;
    for (const id of restored) {
      const intact = [...state.outgoingKeys(id), ...state.incomingKeys(id)].every((key) => {
        if (deletedEdges.has(key)) return true;
        const stored = state.edge(key)!;
        const other = stored.from === id ? stored.to : stored.from;
        return sameData(stored, edges.get(key)) && (!deletedNodes.has(other) || restored.has(other));
      });
      if (!intact) {
        restored.delete(id);
        changed = true;
      }
    }
  }
  for (const id of restored) deletedNodes.delete(id);
}

/** An imported file is a write of upserts, checked like any other, plus its format tag. */
export function importInput(graph: unknown, problems: Problem[]): WriteInput {
  const g = (typeof graph === "object" && graph !== null ? graph : {}) as Record<string, unknown>;
  if (g.format !== INTERCHANGE_FORMAT) problems.push({ code: "FORMAT_INVALID", path: "$.format", message: `format must be "${INTERCHANGE_FORMAT}"` });
  if (g.version !== INTERCHANGE_VERSION) problems.push({ code: "VERSION_UNSUPPORTED", path: "$.version", message: `version must be ${INTERCHANGE_VERSION}` });
  if (!Array.isArray(g.nodes)) problems.push({ code: "FIELD_TYPE", path: "$.nodes", message: "expected a list" });
  if (!Array.isArray(g.edges)) problems.push({ code: "FIELD_TYPE", path: "$.edges", message: "expected a list" });
  return { upsertDocuments: g.documents, upsertNodes: Array.isArray(g.nodes) ? g.nodes : [], upsertEdges: Array.isArray(g.edges) ? g.edges : [] };
}

const EMPTY_CHANGE: StoredChange = Object.freeze({ deleteEdges: [], deleteNodes: [], upsertDocuments: [], upsertNodes: [], upsertEdges: [] });

function readId(raw: unknown, path: string, problems: Problem[]): string | undefined {
  const id = typeof raw === "string" ? normalizeId(raw) : undefined;
  if (id === undefined || !isValidId(id)) {
    problems.push({ code: "ID_INVALID", path, message: "an id must be lowercase kebab-case text" });
    return undefined;
  }
  return id;
}

function readEdgeRef(raw: unknown, path: string, problems: Problem[]): EdgeRef | undefined {
  if (typeof raw !== "object" || raw === null) {
    problems.push({ code: "FIELD_TYPE", path, message: "expected {from, to, kind}" });
    return undefined;
  }
  const o = raw as Record<string, unknown>;
  const from = readId(o.from, `${path}.from`, problems);
  const to = readId(o.to, `${path}.to`, problems);
  if (!isEdgeKind(o.kind)) problems.push({ code: "EDGE_KIND_UNKNOWN", path: `${path}.kind`, message: "kind must be REQUIRES, SOURCED_FROM, LOCATED_IN or WITHIN" });
  return from !== undefined && to !== undefined && isEdgeKind(o.kind) ? { from, to, kind: o.kind } : undefined;
}

/** graph-schema validates documents only inside a whole interchange document, so borrow that and
 *  map its paths back to the caller's list. */
function planDocuments(state: GraphState, raw: readonly unknown[], path: string, problems: Problem[]): SourceDocument[] {
  if (raw.length === 0) return [];
  const r = validateInterchange({ format: INTERCHANGE_FORMAT, version: INTERCHANGE_VERSION, documents: raw, nodes: [], edges: [] });
  if (!r.graph) {
    for (const p of r.problems) problems.push({ ...p, path: p.path.replace(/^\$\.documents/, path) });
    return [];
  }
  return r.graph.documents.filter((d) => !sameData(state.documents.get(d.id), d)).map((d) => deepFreeze(d));
}
