/**
 * The client's view of the graph, as the GraphQL API returns it (server/schema.graphql). The kind,
 * flag and category vocabularies come from graph-schema; the object shapes are defined here because
 * the API, not the store format, is the client's contract (nullable names, `risk`, `spofOf`, `mappingGap`).
 */
export type Lang = "zh" | "en";

// The vocabularies are the domain's own (graph-schema), so the client can never drift from them.
import { CATEGORIES, CONFIDENCES, EDGE_KINDS, FLAGS, NODE_KINDS, type Confidence, type EdgeKind, type Flag, type NodeKind } from "@chokepoint/graph-schema";

export { CATEGORIES, CONFIDENCES, EDGE_KINDS, FLAGS, NODE_KINDS };
export type { Confidence, EdgeKind, Flag, NodeKind };

export interface LocalizedName {
  readonly zh: string | null;
  readonly en: string | null;
}

export interface MapNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly name: LocalizedName;
  readonly category: string | null;
  readonly flags: readonly Flag[];
  readonly confidence: Confidence;
  /** In [0, 1]; the breakdown comes from `riskScore(id)`. */
  readonly risk: number;
  readonly spofOf: number;
  readonly mappingGap: boolean;
}

export interface MapEdge {
  /** `from>KIND>to`: the store's key for an edge, so it is unique. */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  readonly confidence: Confidence;
  readonly group: string | null;
  readonly share: number | null;
}

export interface GraphData {
  readonly nodes: readonly MapNode[];
  readonly edges: readonly MapEdge[];
  /** The server left nodes out (more than the map asks for). */
  readonly truncated: boolean;
}

export function edgeId(from: string, kind: EdgeKind, to: string): string {
  return `${from}>${kind}>${to}`;
}

export function isNodeKind(v: string): v is NodeKind {
  return (NODE_KINDS as readonly string[]).includes(v);
}

export function isFlag(v: string): v is Flag {
  return (FLAGS as readonly string[]).includes(v);
}

export const ITEM_KINDS: readonly NodeKind[] = ["Product", "Component", "Material"];
