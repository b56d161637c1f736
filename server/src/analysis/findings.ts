/** Data findings: facts about the input that the engine reports instead of failing on. */

export type FindingCode =
  /** A REQUIRES cycle (an item that needs itself); the listed edge was dropped to break it. */
  | "REQUIRES_CYCLE"
  /** A WITHIN cycle (a region inside itself); the listed edge was dropped to break it. */
  | "WITHIN_CYCLE"
  /** An edge to or from a node that is not in the snapshot; ignored. */
  | "DANGLING_EDGE"
  /** An edge between kinds it may not connect (or a self-loop); ignored. */
  | "EDGE_ENDPOINT_KIND"
  /** A node id listed twice; the first is analysed. */
  | "DUPLICATE_NODE";

export interface Finding {
  readonly code: FindingCode;
  readonly message: string;
  readonly edge?: { readonly from: string; readonly to: string; readonly kind: string };
  /** For cycles: the ids around the cycle, first id repeated at the end. */
  readonly cycle?: readonly string[];
}
