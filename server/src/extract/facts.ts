import type { Confidence, EdgeKind, Flag, NodeKind } from "@chokepoint/graph-schema";

/** A stretch of one document's normalised text: the quote a fact rests on. */
export interface Span {
  readonly doc: string;
  readonly start: number;
  readonly end: number;
}

/** The extractor's findings before assembly. Patterns return these and never build graph objects,
 *  so the merge rules (one edge per key, one flag per type, evidence sorted) live in one place. */
export type Fact =
  | { readonly type: "mention"; readonly id: string; readonly span: Span }
  | {
      readonly type: "edge";
      readonly kind: EdgeKind;
      readonly from: string;
      readonly to: string;
      readonly confidence: Extract<Confidence, "stated" | "inferred">;
      readonly note?: string;
      readonly span: Span;
      readonly pattern: string;
    }
  | {
      readonly type: "flag";
      readonly id: string;
      readonly flag: Flag;
      readonly confidence: Extract<Confidence, "stated" | "inferred">;
      readonly note?: string;
      readonly span: Span;
      readonly pattern: string;
    }
  | { readonly type: "candidate"; readonly id: string; readonly zh: string; readonly kind: NodeKind; readonly span: Span; readonly pattern: string };
