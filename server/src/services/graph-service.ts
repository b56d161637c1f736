import { ChokepointError, type GraphNode, type SourceDocument } from "@chokepoint/graph-schema";
import type { GraphCounts, GraphStore } from "../domain/graph-store";
import { GraphIndex, type NodeFilter, type RankedPage, type Subgraph } from "./graph-index";
import { VersionedCache, type RequestReads } from "./versioned-cache";

/** Deepest neighbourhood the API returns, and the most nodes in one subgraph answer. */
export const MAX_SUBGRAPH_DEPTH = 10;
export const MAX_SUBGRAPH_NODES = 2000;
/** Most nodes the whole-graph view returns; beyond this the client must filter or focus. */
export const MAX_GRAPH_NODES = 20_000;

export interface NodeDetail {
  readonly node: GraphNode;
  readonly index: GraphIndex;
}

/** Read access to the stored graph for the API, served from an index of the current snapshot. */
export class GraphService {
  private readonly index: VersionedCache<GraphIndex>;

  constructor(private readonly store: GraphStore) {
    this.index = new VersionedCache(store, (s) => new GraphIndex(s));
  }

  current(): Promise<GraphIndex> {
    return this.index.get();
  }

  /** `fn` applied to the index this request reads (see `RequestReads`): one data version and one
   *  store call per request, and a plain value rather than a promise for every field after the
   *  first, which graphql-js completes without a further microtask. */
  within<R>(reads: RequestReads, fn: (index: GraphIndex) => R): R | Promise<R> {
    const index = this.index.read(reads);
    return index instanceof Promise ? index.then(fn) : fn(index);
  }

  async node(id: string): Promise<GraphNode | null> {
    return (await this.index.get()).node(id) ?? null;
  }

  async nodes(filter: NodeFilter, first: number | undefined, after: string | undefined): Promise<RankedPage> {
    return (await this.index.get()).find(filter, first, after);
  }

  async dependencies(id: string, depth: number): Promise<Subgraph> {
    return (await this.index.get()).neighbourhood(id, "down", checkDepth(depth), MAX_SUBGRAPH_NODES);
  }

  async dependents(id: string, depth: number): Promise<Subgraph> {
    return (await this.index.get()).neighbourhood(id, "up", checkDepth(depth), MAX_SUBGRAPH_NODES);
  }

  async whole(maxNodes: number): Promise<Subgraph> {
    if (!Number.isSafeInteger(maxNodes) || maxNodes < 1 || maxNodes > MAX_GRAPH_NODES) {
      throw new ChokepointError("INVALID_ARGUMENT", `maxNodes must be a whole number from 1 to ${MAX_GRAPH_NODES}`);
    }
    return (await this.index.get()).whole(maxNodes);
  }

  async documents(): Promise<readonly SourceDocument[]> {
    return (await this.index.get()).documents;
  }

  stats(): Promise<GraphCounts> {
    return this.store.counts();
  }
}

function checkDepth(depth: number): number {
  if (!Number.isSafeInteger(depth) || depth < 1 || depth > MAX_SUBGRAPH_DEPTH) {
    throw new ChokepointError("INVALID_ARGUMENT", `depth must be a whole number from 1 to ${MAX_SUBGRAPH_DEPTH}`);
  }
  return depth;
}
