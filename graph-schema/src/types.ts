import type { Category, Confidence, EdgeKind, Flag, NodeKind } from "./kinds";

/** Where a fact comes from. A document quote has `doc`, `line` (where the quote starts in the
 *  hard-wrapped file) and `quote` (the exact text with the line breaks removed). An analyst's import
 *  has `file` and `row`. `note` explains an inference. */
export interface Evidence {
  readonly doc?: string;
  readonly line?: number;
  readonly quote?: string;
  readonly file?: string;
  readonly row?: number;
  readonly note?: string;
}

export interface LocalizedName {
  readonly zh?: string;
  readonly en?: string;
}

export interface FlagEntry {
  readonly flag: Flag;
  readonly confidence: Confidence;
  readonly evidence: readonly Evidence[];
}

export interface GraphNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly name: LocalizedName;
  /** Other surface forms (zh or en) that search should find, e.g. 体外膜肺氧合机 / ECMO. */
  readonly aliases: readonly string[];
  readonly category?: Category;
  readonly flags: readonly FlagEntry[];
  readonly attrs: Readonly<Record<string, number>>;
  readonly confidence: Confidence;
  readonly evidence: readonly Evidence[];
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  /** REQUIRES only: edges of one parent sharing a group are alternatives (OR inside, AND across). */
  readonly group?: string;
  /** SOURCED_FROM only. */
  readonly share?: number;
  readonly leadTimeDays?: number;
  readonly qualified?: boolean;
  readonly confidence: Confidence;
  readonly evidence: readonly Evidence[];
}

export interface SourceDocument {
  readonly id: string;
  readonly file: string;
  readonly title: LocalizedName;
  readonly issuer?: LocalizedName;
  readonly date?: string;
}

export const INTERCHANGE_FORMAT = "chokepoint/graph";
export const INTERCHANGE_VERSION = 1;

/** The interchange document (DESIGN §4): import, export and the committed seed graph. */
export interface InterchangeGraph {
  readonly format: typeof INTERCHANGE_FORMAT;
  readonly version: typeof INTERCHANGE_VERSION;
  readonly documents: readonly SourceDocument[];
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}
