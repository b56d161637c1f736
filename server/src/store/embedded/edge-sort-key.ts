import type { EdgeKind } from "@chokepoint/graph-schema";

/** Internal identity of an edge, chosen so that plain string order is (from, kind, to) order.
 *  `edgeKey` from graph-schema joins with "|", which sorts after every id character, so "a|…"
 *  would land after "a-b|…" and pages would not follow the documented edge order. */
const SEP = "\u0000";

export function edgeSortKey(edge: { readonly from: string; readonly kind: EdgeKind; readonly to: string }): string {
  return `${edge.from}${SEP}${edge.kind}${SEP}${edge.to}`;
}

export function isEdgeSortKey(key: string): boolean {
  return key.split(SEP).length === 3;
}
