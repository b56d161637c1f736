import type { Problem } from "./errors";
import { EDGE_ENDPOINTS, EDGE_FROM_KIND_BITS, EDGE_KINDS, EDGE_TO_KIND_BITS, edgeKindIndex } from "./kinds";
import { NodeIndex } from "./node-index";
import type { Evidence, GraphEdge, GraphNode } from "./types";
import { vertexGraph, type VertexGraph } from "./vertex-graph";

/*
 * Cross-reference checks. Ids are looked up once per edge endpoint; everything after that works on
 * vertex numbers in typed arrays (no key strings, no per-edge objects), so a graph of millions of
 * edges is checked in a few linear passes.
 */

export interface ReferenceOptions {
  readonly documents?: ReadonlySet<string>;
  /** Names where edge i came from (a JSON path or a CSV row); called only for problems. */
  readonly edgePath?: (i: number) => string;
  /** Ids of nodes present in the input but invalid: already reported, so edges to them are not "missing". */
  readonly invalidIds?: ReadonlySet<string>;
}

const NO_IDS: ReadonlySet<string> = new Set();

const REQUIRES = edgeKindIndex("REQUIRES")!;

/** Cross-reference checks over a whole node and edge set: endpoints exist and have the kinds the
 *  edge kind allows, no duplicate edges, no REQUIRES cycles, evidence cites known documents. */
export function checkReferences(nodes: ReadonlyMap<string, GraphNode>, edges: readonly GraphEdge[], options: ReferenceOptions = {}): Problem[] {
  const index = new NodeIndex(nodes.size);
  for (const [id, node] of nodes) index.add(id, node);
  return referenceProblems(index, edges, vertexGraph(index, edges), options);
}

/** `checkReferences` over nodes the caller has already indexed and its edges resolved against them. */
export function referenceProblems(index: NodeIndex, edges: readonly GraphEdge[], g: VertexGraph, options: ReferenceOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const edgePath = options.edgePath ?? ((i: number) => `$.edges[${i}]`);
  const invalidIds = options.invalidIds ?? NO_IDS;
  const duplicates = firstDuplicates(g);
  const anyDuplicates = duplicates.size > 0;
  const known = g.nodeCount;
  const { from: froms, to: tos, kind: kinds } = g;
  for (let i = 0; i < edges.length; i++) {
    const from = froms[i]!;
    const to = tos[i]!;
    if (from >= known && !invalidIds.has(edges[i]!.from)) problems.push({ code: "EDGE_ENDPOINT_MISSING", path: `${edgePath(i)}.from`, message: `no node with id "${edges[i]!.from}"` });
    if (to >= known && !invalidIds.has(edges[i]!.to)) problems.push({ code: "EDGE_ENDPOINT_MISSING", path: `${edgePath(i)}.to`, message: `no node with id "${edges[i]!.to}"` });
    if (from < known && to < known) {
      const k = kinds[i]!;
      if ((EDGE_FROM_KIND_BITS[k]! & (1 << index.kindCodeAt(from))) === 0 || (EDGE_TO_KIND_BITS[k]! & (1 << index.kindCodeAt(to))) === 0) {
        const [fromKinds, toKinds] = EDGE_ENDPOINTS[edges[i]!.kind];
        problems.push({
          code: "EDGE_ENDPOINT_KIND",
          path: edgePath(i),
          message: `${edges[i]!.kind} goes from ${fromKinds.join("/")} to ${toKinds.join("/")}, not ${index.kindAt(from)} to ${index.kindAt(to)}`,
        });
      }
    }
    const first = anyDuplicates ? duplicates.get(i) : undefined;
    if (first !== undefined) problems.push({ code: "EDGE_DUPLICATE", path: edgePath(i), message: `same edge as ${edgePath(first)}` });
  }
  if (options.documents) citeDocuments(index.nodes, edges, options.documents, edgePath, problems);
  const cycle = requiresCycle(g);
  if (cycle) {
    problems.push({ code: "REQUIRES_CYCLE", path: edgePath(cycle.edgeIndex), message: `REQUIRES cycle: ${cycle.ids.join(" → ")}` });
  }
  return problems;
}

/**
 * Whether a graph whose edges were read without edge objects (read-graph-bytes.ts) passes every
 * check of `referenceProblems` that its reader has not made already: the reader resolved every
 * endpoint to a node of a kind its edge allows, with no self-loops, and checked the edges'
 * evidence; left are duplicate edges, REQUIRES cycles and the citations of node evidence.
 */
export function edgeColumnsPassReferenceChecks(index: NodeIndex, g: VertexGraph, documents: ReadonlySet<string> | undefined): boolean {
  if (firstDuplicates(g).size > 0 || requiresCycle(g) !== undefined) return false;
  if (documents === undefined) return true;
  const problems: Problem[] = [];
  citeDocuments(index.nodes, [], documents, String, problems);
  return problems.length === 0;
}

/** Evidence citing a document that is not listed; node paths count nodes in index order. */
function citeDocuments(nodes: readonly GraphNode[], edges: readonly GraphEdge[], documents: ReadonlySet<string>, edgePath: (i: number) => string, problems: Problem[]): void {
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n]!;
    if (citesUnknown(node.evidence, documents)) cite(node.evidence, documents, `$.nodes[${n}].evidence`, problems);
    for (let k = 0; k < node.flags.length; k++) {
      const evidence = node.flags[k]!.evidence;
      if (citesUnknown(evidence, documents)) cite(evidence, documents, `$.nodes[${n}].flags[${k}].evidence`, problems);
    }
  }
  for (let i = 0; i < edges.length; i++) {
    if (citesUnknown(edges[i]!.evidence, documents)) cite(edges[i]!.evidence, documents, `${edgePath(i)}.evidence`, problems);
  }
}

/** Checked first so that a path is built only for evidence with a problem. */
function citesUnknown(evidence: readonly Evidence[], documents: ReadonlySet<string>): boolean {
  for (const { doc } of evidence) if (doc !== undefined && !documents.has(doc)) return true;
  return false;
}

function cite(evidence: readonly Evidence[], documents: ReadonlySet<string>, path: string, problems: Problem[]): void {
  for (let j = 0; j < evidence.length; j++) {
    const doc = evidence[j]!.doc;
    if (doc !== undefined && !documents.has(doc)) problems.push({ code: "DOCUMENT_UNKNOWN", path: `${path}[${j}].doc`, message: `no document "${doc}"` });
  }
}

/** Sources with at most this many edges are searched pairwise for duplicates; larger ones use a
 *  map over (target, kind). Most sources have a handful of edges. */
const SMALL_GROUP = 16;

/** Duplicate edges (same source, kind and target as an earlier one), each mapped to the first. */
function firstDuplicates(g: VertexGraph): Map<number, number> {
  const firstOf = new Map<number, number>();
  const { start, order, to, kind } = g;
  const kinds = EDGE_KINDS.length;
  for (let v = 0; v < g.vertexCount; v++) {
    const begin = start[v]!;
    const end = start[v + 1]!;
    if (end - begin <= SMALL_GROUP) {
      for (let k = begin + 1; k < end; k++) {
        const i = order[k]!;
        for (let m = begin; m < k; m++) {
          const j = order[m]!;
          if (to[j] === to[i] && kind[j] === kind[i]) {
            firstOf.set(i, j); // the earliest match: a group lists its edges in edge order
            break;
          }
        }
      }
      continue;
    }
    const seen = new Map<number, number>();
    for (let k = begin; k < end; k++) {
      const i = order[k]!;
      const key = to[i]! * kinds + kind[i]!;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else firstOf.set(i, first);
    }
  }
  return firstOf;
}

/** First REQUIRES cycle found: depth-first from each source in order of its first REQUIRES edge,
 *  children in edge order. Iterative, so a 10^6-deep chain cannot overflow the stack; the stack is
 *  a plain array because supply chains are shallow (a typed array the size of the graph would be
 *  megabytes that V8 counts as external memory, which starts a full heap marking early). */
function requiresCycle(g: VertexGraph): { ids: string[]; edgeIndex: number } | undefined {
  const { start, order, from, to, kind } = g;
  if (requiresOneWay(from, to, kind)) return undefined;
  const state = new Uint8Array(g.vertexCount); // 0 = not seen, 1 = on the stack, 2 = finished
  const stack: number[] = [];
  const nextChild: number[] = []; // per stack level: position in `order`
  for (let s = 0; s < from.length; s++) {
    if (kind[s] !== REQUIRES || state[from[s]!] !== 0) continue;
    stack.push(from[s]!);
    nextChild.push(start[from[s]!]!);
    state[from[s]!] = 1;
    while (stack.length > 0) {
      const top = stack.length - 1;
      const v = stack[top]!;
      const k = nextChild[top]!;
      if (k >= start[v + 1]!) {
        state[v] = 2;
        stack.pop();
        nextChild.pop();
        continue;
      }
      nextChild[top] = k + 1;
      const edgeIndex = order[k]!;
      if (kind[edgeIndex] !== REQUIRES) continue;
      const child = to[edgeIndex]!;
      if (state[child] === 1) {
        const ids = stack.slice(stack.indexOf(child)).map((u) => g.idOf(u));
        ids.push(g.idOf(child));
        return { ids, edgeIndex };
      }
      if (state[child] === 0) {
        state[child] = 1;
        stack.push(child);
        nextChild.push(start[child]!);
      }
    }
  }
  return undefined;
}

/** Whether every REQUIRES edge goes to a lower vertex number, or every one to a higher one: then no
 *  REQUIRES path can return to where it began. One pass over the edges, where the search reads
 *  them at random; files often list every item after everything it requires (or before). */
function requiresOneWay(from: Int32Array, to: Int32Array, kind: Uint8Array): boolean {
  let down = true;
  let up = true;
  for (let i = 0; i < from.length; i++) {
    if (kind[i] !== REQUIRES) continue;
    const d = to[i]! - from[i]!;
    if (d >= 0) down = false;
    if (d <= 0) up = false;
    if (!down && !up) return false;
  }
  return true;
}

/** First REQUIRES cycle found among the edges, naming its ids and the edge that closes it. */
export function findRequiresCycle(edges: readonly GraphEdge[]): { ids: string[]; edgeIndex: number } | undefined {
  return requiresCycle(vertexGraph(new NodeIndex(0), edges));
}
