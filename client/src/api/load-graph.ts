import { edgeId, type GraphData } from "../model/types";
import { graphql, readResponse } from "./client";
import { GRAPH_MAX_NODES, GRAPH_QUERY } from "./queries";
import type { GraphResponse } from "./types";

export function toGraphData(res: GraphResponse): GraphData {
  return {
    truncated: res.graph.truncated,
    nodes: res.graph.nodes.map((n) => ({ ...n, flags: n.flags.map((f) => f.flag) })),
    edges: res.graph.edges.map((e) => ({ ...e, id: edgeId(e.from, e.kind, e.to) })),
  };
}

/** The request body for the whole graph; index.html sends the same one before the app loads. */
export const GRAPH_REQUEST_BODY = JSON.stringify({ query: GRAPH_QUERY, variables: { max: GRAPH_MAX_NODES } });

/**
 * The whole graph for the map. The first call takes over the request index.html started while this
 * bundle was still loading (see vite.config.ts), which moves first paint earlier by the bundle's
 * download and compile time.
 */
export async function loadGraph(signal?: AbortSignal): Promise<GraphData> {
  const early = window.__chokepointGraph;
  if (early) {
    window.__chokepointGraph = undefined;
    try {
      return toGraphData(await readResponse<GraphResponse>(await early));
    } catch {
      // Fall through to a normal request: the early one is best effort.
    }
  }
  return toGraphData(await graphql<GraphResponse>(GRAPH_QUERY, { max: GRAPH_MAX_NODES }, signal));
}
