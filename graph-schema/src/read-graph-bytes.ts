import { asciiBytes, CLOSE_BRACE, CLOSE_BRACKET, COLON, indexOfBytes, isSpace, OPEN_BRACKET, skipSpace, utf8 } from "./json-bytes";
import type { NodeIndex } from "./node-index";
import { edgeColumnsPassReferenceChecks } from "./references";
import { ByteIdTable, sameIdsAs } from "./byte-id-table";
import { endpointKindsFit, resolveEndpoints } from "./resolve-edges";
import { scanEdgeBytes, type ScannedEdges } from "./scan-edges";
import { scanNodeIds } from "./scan-node-ids";
import type { GraphNode, SourceDocument } from "./types";
import { validateAllButEdges } from "./validate";
import { vertexGraphOfNodes, type GraphColumns } from "./vertex-graph";

/*
 * Reading an interchange file given as UTF-8 bytes the way `validateInterchange(JSON.parse(text))`
 * reads it, when the file is valid, its edges are in plain form (as Chokepoint writes them) and come
 * last; otherwise the answer is undefined, and the caller reads the file the general way, which
 * reports what is wrong. Everything but the edges array goes through JSON.parse and validation as
 * usual; the edges are read from the bytes into columns (scan-edges.ts, resolve-edges.ts), which at
 * 10^6 nodes saves building and collecting millions of objects that the analysis never reads.
 *
 * Why the span taken for the edges is what JSON.parse would give `edges`: it starts after the first
 * `"edges"` key and ends at the `]` before the file's final `}`. The text with that span replaced
 * by `[]` must then parse and validate with `edges` at the root, so the span is the value of the
 * root's last `edges` key (the one JSON.parse keeps); and the span itself must scan as one
 * well-formed array of edges. A wrong guess fails one of the two.
 *
 * The steps are exported separately so that a caller can scan the edges on another thread while
 * this one reads the rest (`readGraphColumns` runs them one after the other).
 */

/** A valid interchange file read for analysis: what `validateInterchange` gives for it, with the
 *  edges only as columns (checked: every edge passed validation). */
export interface GraphFileColumns {
  readonly documents: readonly SourceDocument[];
  readonly nodes: readonly GraphNode[];
  /** No edge objects: the columns are the edges. */
  readonly edges?: undefined;
  readonly columns: GraphColumns & { readonly checked: true };
}

/** Where the edges array is: bytes `start` (its `[`) to `end` - 1 (its `]`). */
export interface EdgesSpan {
  readonly start: number;
  readonly end: number;
}

/** Everything but the edges, validated. */
export interface GraphHead {
  readonly documents: readonly SourceDocument[];
  readonly docIds: ReadonlySet<string> | undefined;
  readonly index: NodeIndex;
}

const EDGES_KEY = asciiBytes('"edges"');

export function readGraphColumns(b: Uint8Array): GraphFileColumns | undefined {
  const span = edgesSpan(b);
  const head = span && readGraphHead(b, span);
  const scanned = head && scanEdges(b, span);
  return scanned && joinGraph(b, head, scanned);
}

/** Where the edges array must be, if the file is one `readGraphColumns` can read. */
export function edgesSpan(b: Uint8Array): EdgesSpan | undefined {
  const start = edgesArrayStart(b);
  const end = edgesArrayEnd(b);
  if (start === undefined || end === undefined || end <= start) return undefined;
  return { start, end };
}

/** The file without its edges, parsed and validated; undefined when JSON.parse or validation
 *  finds anything wrong. */
export function readGraphHead(b: Uint8Array, span: EdgesSpan): GraphHead | undefined {
  let root: unknown;
  try {
    root = JSON.parse(`${utf8.decode(b.subarray(0, span.start))}[]}`);
  } catch {
    return undefined;
  }
  return validateAllButEdges(root);
}

/** The edges scanned, endpoints still as byte ranges: the part of `readGraphColumns` that needs
 *  nothing parsed, so another thread can do it. `joinGraph` resolves the endpoints. */
export function scanEdges(b: Uint8Array, span: EdgesSpan): ScannedEdges | undefined {
  return scanEdgeBytes(b, span.start, span.end);
}

/**
 * `scanEdges`, with the endpoints also resolved by the nodes' ids as read from the bytes: for a
 * thread that scans while another parses the nodes. A thread that parses the nodes itself does
 * better with `scanEdges`: `joinGraph` then resolves through the validated id table, which is
 * cheaper than reading the node ids again and building a second table.
 */
export function scanAndResolveEdges(b: Uint8Array, span: EdgesSpan): ScannedEdges | undefined {
  const scanned = scanEdges(b, span);
  if (scanned === undefined) return undefined;
  const nodeIds = scanNodeIds(b);
  const ends = nodeIds && ByteIdTable.of(b, nodeIds)?.resolve(scanned);
  return ends ? { ...scanned, ends: { nodeIds: nodeIds!, ...ends } } : scanned;
}

/** The head and the scanned edges as one validated graph, if the edges pass the checks that need
 *  the nodes and documents, and the reference checks. */
export function joinGraph(b: Uint8Array, head: GraphHead, scanned: ScannedEdges): GraphFileColumns | undefined {
  const { index, docIds } = head;
  if (docIds !== undefined) for (const doc of scanned.citedDocuments) if (!docIds.has(doc)) return undefined;
  const pre = scanned.ends;
  const ends = pre !== undefined && sameIdsAs(b, pre.nodeIds, index.idTable) ? pre : resolveEndpoints(b, index.idTable, scanned);
  if (ends === undefined) return undefined;
  const { from, to } = ends;
  if (!endpointKindsFit(index, scanned.kind, from, to)) return undefined;
  if (!edgeColumnsPassReferenceChecks(index, vertexGraphOfNodes(index, from, to, scanned.kind), docIds)) return undefined;
  const { kind, stated, group, groupNames, shares } = scanned;
  const columns = { ...index.nodeColumns(), from, to, ids: index.idTable, kind, stated, group, groupNames, shares, checked: true as const };
  return { documents: head.documents, nodes: index.nodes, columns };
}

/** The position of the `[` after the first `"edges"` key, if any. Outside a key, `"edges"` cannot
 *  be followed by a colon (inside a string its quotes would be escaped). */
function edgesArrayStart(b: Uint8Array): number | undefined {
  for (let p = indexOfBytes(b, EDGES_KEY, 0); p >= 0; p = indexOfBytes(b, EDGES_KEY, p + 1)) {
    let q = skipSpace(b, p + EDGES_KEY.length);
    if (b[q] !== COLON) continue;
    q = skipSpace(b, q + 1);
    return b[q] === OPEN_BRACKET ? q : undefined;
  }
  return undefined;
}

/** The position after the `]` that, with only white space between, ends the file before its final
 *  `}`, if the text ends that way. */
function edgesArrayEnd(b: Uint8Array): number | undefined {
  let p = spaceBefore(b, b.length);
  if (b[p - 1] !== CLOSE_BRACE) return undefined;
  p = spaceBefore(b, p - 1);
  return b[p - 1] === CLOSE_BRACKET ? p : undefined;
}

/** The position of the first of the white-space bytes that end at `p` (p itself when none). */
function spaceBefore(b: Uint8Array, p: number): number {
  while (p > 0 && isSpace(b[p - 1])) p--;
  return p;
}
