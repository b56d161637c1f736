/**
 * The client's view of the graph, as the GraphQL API returns it (server/schema.graphql). Defined
 * here rather than imported from graph-schema because the API, not the store format, is the
 * client's contract (nullable names, `risk`, `spofOf`, `mappingGap`).
 */
export type Lang = "zh" | "en";

export const NODE_KINDS = ["Product", "Component", "Material", "Supplier", "Region"] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const EDGE_KINDS = ["REQUIRES", "SOURCED_FROM", "LOCATED_IN", "WITHIN"] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export const FLAGS = ["POLICY_BOTTLENECK", "IMPORT_DEPENDENT", "DOMESTIC_BREAKTHROUGH"] as const;
export type Flag = (typeof FLAGS)[number];

export const CONFIDENCES = ["stated", "inferred", "imported"] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** The equipment areas of document 003 plus pharmaceuticals and protective supplies. */
export const CATEGORIES = [
  "diagnosis-testing",
  "treatment",
  "monitoring-life-support",
  "traditional-chinese-medicine",
  "maternal-child-health",
  "rehabilitation",
  "active-implants",
  "pharmaceuticals",
  "protective-supplies",
] as const;

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
