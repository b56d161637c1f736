import { NODE_KINDS, isEdgeKind, isNodeKind, type EdgeKind, type NodeKind } from "@chokepoint/graph-schema";

/**
 * The only way a label or relationship type enters Cypher text. Cypher cannot take labels or types
 * as parameters (dynamic labels arrived only in 5.26), so they are spliced into the text; these
 * guards make sure nothing but a member of the fixed kind enums can be. The store validates user
 * input before it gets here, so a failure is a programming error and throws as one.
 */

export const NODE_LABEL = "CpNode";
export const DOCUMENT_LABEL = "CpDocument";
export const META_LABEL = "CpMeta";

export function nodeLabel(kind: NodeKind): NodeKind {
  if (!isNodeKind(kind)) throw new TypeError("node label outside NODE_KINDS");
  return kind;
}

export function relationshipType(kind: EdgeKind): EdgeKind {
  if (!isEdgeKind(kind)) throw new TypeError("relationship type outside EDGE_KINDS");
  return kind;
}

/** `:A:B…` for every node kind except `keep`, to drop stale kind labels after a kind change. */
export function otherNodeLabels(keep: NodeKind): string {
  const kept = nodeLabel(keep);
  return NODE_KINDS.filter((k) => k !== kept)
    .map((k) => `:${k}`)
    .join("");
}
