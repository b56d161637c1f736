import type { Confidence, EdgeKind, Flag, LocalizedName, NodeKind } from "../model/types";

/** Response shapes of the documents in queries.ts. */
export interface GraphResponse {
  readonly graph: {
    readonly truncated: boolean;
    readonly nodes: readonly {
      readonly id: string;
      readonly kind: NodeKind;
      readonly name: LocalizedName;
      readonly category: string | null;
      readonly flags: readonly { readonly flag: Flag }[];
      readonly confidence: Confidence;
      readonly risk: number;
      readonly spofOf: number;
      readonly mappingGap: boolean;
    }[];
    readonly edges: readonly {
      readonly from: string;
      readonly to: string;
      readonly kind: EdgeKind;
      readonly confidence: Confidence;
      readonly group: string | null;
      readonly share: number | null;
    }[];
  };
}

export interface NodeRef {
  readonly id: string;
  readonly kind: NodeKind;
  readonly name: LocalizedName;
}

export interface SearchHit extends NodeRef {
  readonly category: string | null;
}

export interface SearchResponse {
  readonly nodes: { readonly totalCount: number; readonly items: readonly SearchHit[] };
}

export interface Evidence {
  readonly doc: string | null;
  readonly line: number | null;
  readonly quote: string | null;
  readonly file: string | null;
  readonly row: number | null;
  readonly note: string | null;
  readonly document: { readonly id: string; readonly title: LocalizedName; readonly date: string | null } | null;
  /** The document text around the quote (line breaks removed), when the document is on the server. */
  readonly context: { readonly before: string; readonly after: string } | null;
}

export interface NodeDetail extends NodeRef {
  readonly aliases: readonly string[];
  readonly category: string | null;
  readonly confidence: Confidence;
  readonly risk: number;
  readonly spofOf: number;
  readonly mappingGap: boolean;
  readonly flags: readonly { readonly flag: Flag; readonly confidence: Confidence; readonly evidence: readonly Evidence[] }[];
  readonly evidence: readonly Evidence[];
  readonly attrs: readonly { readonly key: string; readonly value: number }[];
  readonly outgoing: readonly {
    readonly kind: EdgeKind;
    readonly to: string;
    readonly group: string | null;
    readonly share: number | null;
    readonly leadTimeDays: number | null;
    readonly confidence: Confidence;
    readonly toNode: NodeRef | null;
    readonly evidence: readonly Evidence[];
  }[];
  readonly incoming: readonly {
    readonly kind: EdgeKind;
    readonly from: string;
    readonly group: string | null;
    readonly share: number | null;
    readonly confidence: Confidence;
    readonly fromNode: NodeRef | null;
  }[];
}

export interface NodeResponse {
  readonly node: NodeDetail | null;
}
