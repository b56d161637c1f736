import {
  ChokepointError,
  isCategory,
  isEdgeKind,
  isFlag,
  isNodeKind,
  isValidId,
  normalizeId,
  normalizeText,
  type GraphEdge,
  type GraphNode,
} from "@chokepoint/graph-schema";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type EdgeQuery, type NodeQuery, type Page } from "../../domain/graph-store";
import { decodeCursor, encodeCursor } from "./cursor";
import { isEdgeSortKey } from "./edge-sort-key";
import type { GraphState } from "./graph-state";
import { upperBound } from "./sorted-keys";

const MAX_SEARCH_LENGTH = 300;

/** Lowercased NFC text of everything search looks at, computed once per stored node object
 *  (objects are replaced on write, so the cache can never go stale). */
const searchTexts = new WeakMap<GraphNode, string>();

function searchText(node: GraphNode): string {
  let text = searchTexts.get(node);
  if (text === undefined) {
    const parts = [node.id, node.name.zh ?? "", node.name.en ?? "", ...node.aliases];
    text = parts.map((p) => normalizeText(p).toLowerCase()).join("\u0000");
    searchTexts.set(node, text);
  }
  return text;
}

export function pageSize(first: unknown): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (typeof first !== "number" || !Number.isInteger(first) || first < 1) {
    throw new ChokepointError("INVALID_ARGUMENT", `first must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  if (first > MAX_PAGE_SIZE) throw new ChokepointError("PAGE_TOO_LARGE", `a page holds at most ${MAX_PAGE_SIZE} items; ask for fewer and follow endCursor`);
  return first;
}

function invalid(what: string): ChokepointError {
  return new ChokepointError("INVALID_ARGUMENT", `unknown ${what}`);
}

export function listNodes(state: GraphState, query: NodeQuery = {}): Page<GraphNode> {
  const first = pageSize(query.first);
  if (query.kind !== undefined && !isNodeKind(query.kind)) throw invalid("node kind");
  if (query.category !== undefined && !isCategory(query.category)) throw invalid("category");
  if (query.flag !== undefined && !isFlag(query.flag)) throw invalid("flag");
  if (query.search !== undefined && (typeof query.search !== "string" || query.search.length > MAX_SEARCH_LENGTH)) {
    throw new ChokepointError("INVALID_ARGUMENT", `search text must be at most ${MAX_SEARCH_LENGTH} characters`);
  }
  const after = query.after === undefined || query.after === null ? undefined : decodeCursor("node", query.after, isValidId);
  const needle = query.search === undefined ? "" : normalizeText(query.search).toLowerCase();
  const filtered = query.kind !== undefined || query.category !== undefined || query.flag !== undefined || needle !== "";
  const matches = (n: GraphNode) =>
    (query.kind === undefined || n.kind === query.kind) &&
    (query.category === undefined || n.category === query.category) &&
    (query.flag === undefined || n.flags.some((f) => f.flag === query.flag)) &&
    (needle === "" || searchText(n).includes(needle));
  const ids = state.sortedNodeIds();
  return page(ids, after, first, filtered ? (id) => matches(state.node(id)!) : undefined, (id) => state.node(id)!, (id) => encodeCursor("node", id));
}

export function listEdges(state: GraphState, query: EdgeQuery = {}): Page<GraphEdge> {
  const first = pageSize(query.first);
  if (query.kind !== undefined && !isEdgeKind(query.kind)) throw invalid("edge kind");
  const from = endpointFilter(query.from);
  const to = endpointFilter(query.to);
  const after = query.after === undefined || query.after === null ? undefined : decodeCursor("edge", query.after, isEdgeSortKey);
  let keys: readonly string[];
  if (from !== undefined) keys = [...state.outgoingKeys(from)].sort();
  else if (to !== undefined) keys = [...state.incomingKeys(to)].sort();
  else keys = state.sortedEdgeKeys();
  const filtered = query.kind !== undefined || (from !== undefined && to !== undefined);
  const matches = (e: GraphEdge) => (query.kind === undefined || e.kind === query.kind) && (to === undefined || e.to === to);
  return page(keys, after, first, filtered ? (k) => matches(state.edge(k)!) : undefined, (k) => state.edge(k)!, (k) => encodeCursor("edge", k));
}

function endpointFilter(raw: unknown): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== "string") throw invalid("node id");
  return normalizeId(raw);
}

/** One page over sorted keys. Unfiltered pages are a slice; filtered ones scan every key once,
 *  because `totalCount` needs every match anyway. */
function page<T>(
  keys: readonly string[],
  after: string | undefined,
  first: number,
  matches: ((key: string) => boolean) | undefined,
  get: (key: string) => T,
  cursor: (key: string) => string,
): Page<T> {
  const start = after === undefined ? 0 : upperBound(keys, after);
  if (!matches) {
    const slice = keys.slice(start, start + first);
    return {
      items: slice.map(get),
      endCursor: slice.length > 0 ? cursor(slice[slice.length - 1]!) : null,
      hasNextPage: start + first < keys.length,
      totalCount: keys.length,
    };
  }
  const items: T[] = [];
  let last: string | undefined;
  let totalCount = 0;
  let hasNextPage = false;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (!matches(k)) continue;
    totalCount++;
    if (i < start) continue;
    if (items.length < first) {
      items.push(get(k));
      last = k;
    } else {
      hasNextPage = true;
    }
  }
  return { items, endCursor: last === undefined ? null : cursor(last), hasNextPage, totalCount };
}
