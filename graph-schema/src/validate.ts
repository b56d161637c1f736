import type { Problem } from "./errors";
import { isValidId, normalizeId } from "./ids";
import { NodeIndex } from "./node-index";
import { ProblemReader, type Json } from "./problem-reader";
import { documentHere, edgeHere, isHole, nodeHere, readEdge, readNode } from "./read-items";
import { plainEdgeWithUncheckedEnds, plainNode } from "./plain-items";
import { referenceProblems } from "./references";
import { INTERCHANGE_FORMAT, INTERCHANGE_VERSION, type GraphEdge, type GraphNode, type InterchangeGraph, type SourceDocument } from "./types";
import { VertexGraphBuilder, type GraphColumns } from "./vertex-graph";

export interface ValidationResult {
  readonly graph?: InterchangeGraph;
  /** With `graph`: its edges as columns, endpoints as node positions (for the analysis engine). */
  readonly columns?: GraphColumns;
  readonly problems: readonly Problem[];
}

const ROOT_FIELDS: ReadonlySet<string> = new Set(["format", "version", "documents", "nodes", "edges"]);

/** Validates an untrusted interchange document (already parsed from JSON). Returns the normalised
 *  graph only when there are no problems; otherwise every problem found, each with a code and path. */
export function validateInterchange(input: unknown): ValidationResult {
  return validate(input, true);
}

/** `validateInterchange` with every node and edge read by the full readers, none by the fast path
 *  (plain-items.ts): the reference the fast path is tested against. Same results, only slower. */
export function validateInterchangeWithFullReaders(input: unknown): ValidationResult {
  return validate(input, false);
}

/** With `plain`, items in plain form are read by the fast path; any other goes to the full readers. */
function validate(input: unknown, plain: boolean): ValidationResult {
  const r = new ProblemReader();
  r.enter("$");
  const root = r.object(input, ROOT_FIELDS);
  if (!root) return { problems: r.problems };
  if (root.format !== INTERCHANGE_FORMAT) r.add("FORMAT_INVALID", "format", `format must be "${INTERCHANGE_FORMAT}"`);
  if (root.version !== INTERCHANGE_VERSION) r.add("VERSION_UNSUPPORTED", "version", `version must be ${INTERCHANGE_VERSION}`);
  const { documents, docIds } = readDocuments(r, root.documents);
  const { index, invalidIds } = readNodes(r, root.nodes, plain);
  const { edges, builder, edgeRows } = readEdges(r, root.edges, index, plain);
  const vertices = builder.finish();
  const problems = [
    ...r.problems,
    ...referenceProblems(index, edges, vertices, {
      documents: documents.length > 0 ? docIds : undefined,
      edgePath: (i) => `$.edges[${edgeRows ? edgeRows[i] : i}]`,
      invalidIds,
    }),
  ];
  if (problems.length > 0) return { problems };
  // No problems means every endpoint is a node (so vertex numbers are node positions) of a kind its
  // edge allows, and no edge is a self-loop: the columns are checked.
  return { graph: { format: INTERCHANGE_FORMAT, version: INTERCHANGE_VERSION, documents, nodes: index.nodes, edges }, columns: builder.columns(true), problems: [] };
}

/** The documents and nodes of a document, validated exactly as `validateInterchange` validates
 *  them, for a reader that reads the document's edges itself (read-graph-bytes.ts); undefined when
 *  there is any problem outside the edges (that reader then leaves the document to
 *  `validateInterchange`, which reports them all). `docIds` is what evidence may cite, or undefined
 *  when the document lists no documents (then citations are not checked). */
export function validateAllButEdges(input: unknown): { documents: SourceDocument[]; docIds: ReadonlySet<string> | undefined; index: NodeIndex } | undefined {
  const r = new ProblemReader();
  r.enter("$");
  const root = r.object(input, ROOT_FIELDS);
  if (!root || root.format !== INTERCHANGE_FORMAT || root.version !== INTERCHANGE_VERSION) return undefined;
  const { documents, docIds } = readDocuments(r, root.documents);
  const { index } = readNodes(r, root.nodes, true);
  r.enter("edges");
  r.array(root.edges);
  r.leave();
  if (r.problems.length > 0) return undefined;
  return { documents, docIds: documents.length > 0 ? docIds : undefined, index };
}

function readDocuments(r: ProblemReader, v: Json): { documents: SourceDocument[]; docIds: Set<string> } {
  const documents: SourceDocument[] = [];
  const docIds = new Set<string>();
  if (v === undefined) return { documents, docIds };
  r.enter("documents");
  const list = r.array(v) ?? [];
  for (let i = 0; i < list.length; i++) {
    if (isHole(list, i)) continue;
    r.enter(i);
    const doc = documentHere(r, list[i]);
    if (doc && docIds.has(doc.id)) r.add("ID_DUPLICATE", "id", `document "${doc.id}" listed twice`);
    else if (doc) {
      docIds.add(doc.id);
      documents.push(doc);
    }
    r.leave();
  }
  r.leave();
  return { documents, docIds };
}

/** The valid nodes in order of first appearance (a repeat with the same content is the same node),
 *  and the normalised ids of invalid ones: edges to those are not reported a second time. */
function readNodes(r: ProblemReader, v: Json, plain: boolean): { index: NodeIndex; invalidIds: Set<string> } {
  const invalidIds = new Set<string>();
  r.enter("nodes");
  const list = r.array(v) ?? [];
  const index = new NodeIndex(list.length);
  for (let i = 0; i < list.length; i++) {
    const raw = list[i];
    let node = plain ? plainNode(raw) : undefined;
    if (node === undefined) {
      if (isHole(list, i)) continue;
      r.enter(i);
      node = nodeHere(r, raw);
      r.leave();
      if (!node) {
        const rawId = (raw as { id?: unknown } | null)?.id;
        if (typeof rawId === "string") invalidIds.add(normalizeId(rawId));
        continue;
      }
    }
    const prior = index.add(node.id, node);
    if (prior >= 0) {
      // The id is taken: the same node again (the last copy is kept, in the first one's place), or a conflict.
      if (JSON.stringify(index.nodes[prior]) === JSON.stringify(node)) index.replace(prior, node);
      else {
        r.enter(i);
        r.add("ID_DUPLICATE", "id", `node "${node.id}" appears twice with different content`);
        r.leave();
      }
    }
  }
  r.leave();
  return { index, invalidIds };
}

/** The valid edges, resolved against the nodes as they are read. `edgeRows` gives the index each
 *  had in the file (for the paths of later problems); it is only made once an edge is left out. */
function readEdges(r: ProblemReader, v: Json, index: NodeIndex, plain: boolean): { edges: GraphEdge[]; builder: VertexGraphBuilder; edgeRows?: number[] } {
  r.enter("edges");
  const list = r.array(v) ?? [];
  // Room for every edge from the start (cut to size at the end): grown by push, a list of millions
  // of edges would leave about twice its size in discarded copies, all in the old generation.
  const edges: GraphEdge[] = new Array<GraphEdge>(list.length);
  let count = 0;
  let edgeRows: number[] | undefined;
  const vertices = new VertexGraphBuilder(index, list.length);
  for (let i = 0; i < list.length; i++) {
    let edge = plain ? plainEdgeWithUncheckedEnds(list[i]) : undefined;
    if (edge !== undefined && !vertices.addBetweenNodes(edge)) {
      // An endpoint that is no node's id: valid, and so left to the reference checks, or not plain.
      if (isValidId(edge.from) && isValidId(edge.to)) vertices.add(edge);
      else edge = undefined;
    }
    if (edge === undefined) {
      if (!isHole(list, i)) {
        r.enter(i);
        edge = edgeHere(r, list[i]);
        r.leave();
      }
      if (!edge) {
        edgeRows ??= Array.from({ length: count }, (_, k) => k);
        continue;
      }
      vertices.add(edge);
    }
    edgeRows?.push(i);
    edges[count++] = edge;
  }
  edges.length = count;
  r.leave();
  return { edges, builder: vertices, ...(edgeRows && { edgeRows }) };
}

/** Validates a single node or edge given by an editor (GraphQL mutation, CLI). */
export function validateNodeInput(input: unknown, path = "$"): { node?: GraphNode; problems: readonly Problem[] } {
  const r = new ProblemReader();
  const node = readNode(r, input, path);
  return { ...(node && { node }), problems: r.problems };
}
export function validateEdgeInput(input: unknown, path = "$"): { edge?: GraphEdge; problems: readonly Problem[] } {
  const r = new ProblemReader();
  const edge = readEdge(r, input, path);
  return { ...(edge && { edge }), problems: r.problems };
}
