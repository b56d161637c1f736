import { edgeId, type GraphData } from "../model/types";
import { graphql } from "./client";
import { GRAPH_MAX_NODES, GRAPH_QUERY } from "./queries";
import type { GraphResponse } from "./types";

export function toGraphData(res: GraphResponse): GraphData {
  return {
    truncated: res.graph.truncated,
    nodes: res.graph.nodes.map((n) => ({ ...n, flags: n.flags.map((f) => f.flag) })),
    edges: res.graph.edges.map((e) => ({ ...e, id: edgeId(e.from, e.kind, e.to) })),
  };
}

export async function loadGraph(signal?: AbortSignal): Promise<GraphData> {
  return toGraphData(await graphql<GraphResponse>(GRAPH_QUERY, { max: GRAPH_MAX_NODES }, signal));
}
