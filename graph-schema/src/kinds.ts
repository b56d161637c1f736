/** The fixed vocabularies of the supply graph (DESIGN §2). Everything that becomes a Neo4j label,
 *  relationship type or GraphQL enum comes from these lists and nothing else. */

export const NODE_KINDS = ["Product", "Component", "Material", "Supplier", "Region"] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** Kinds whose availability follows the item rule (sources OR, requirement groups AND). */
export const ITEM_KINDS = ["Product", "Component", "Material"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const EDGE_KINDS = ["REQUIRES", "SOURCED_FROM", "LOCATED_IN", "WITHIN"] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export const FLAGS = ["POLICY_BOTTLENECK", "IMPORT_DEPENDENT", "DOMESTIC_BREAKTHROUGH"] as const;
export type Flag = (typeof FLAGS)[number];

/** Node flags as bits (bit i is FLAGS[i]): one small number per node in typed arrays. */
export const FLAG_BITS: Readonly<Record<Flag, number>> = { POLICY_BOTTLENECK: 1, IMPORT_DEPENDENT: 2, DOMESTIC_BREAKTHROUGH: 4 };

export const CONFIDENCES = ["stated", "inferred", "imported"] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** The seven equipment areas of document 003, plus pharmaceuticals and protective supplies. */
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
export type Category = (typeof CATEGORIES)[number];

/** Numeric node attributes the engine reads; other finite, non-negative numbers are kept as data. */
export const KNOWN_ATTRS = ["inventoryDays", "recoveryDays", "annualValue"] as const;
export type KnownAttr = (typeof KNOWN_ATTRS)[number];

/** Which node kinds an edge kind may connect: [allowed `from` kinds, allowed `to` kinds]. */
export const EDGE_ENDPOINTS: Readonly<Record<EdgeKind, readonly [readonly NodeKind[], readonly NodeKind[]]>> = {
  REQUIRES: [ITEM_KINDS, ITEM_KINDS],
  SOURCED_FROM: [ITEM_KINDS, ["Supplier", "Region"]],
  LOCATED_IN: [["Supplier"], ["Region"]],
  WITHIN: [["Region"], ["Region"]],
};

/** The kind's index in NODE_KINDS, or undefined for a string that is no node kind (a switch:
 *  this runs per node of files with millions of nodes). */
export function nodeKindIndex(kind: string): number | undefined {
  switch (kind) {
    case "Product":
      return 0;
    case "Component":
      return 1;
    case "Material":
      return 2;
    case "Supplier":
      return 3;
    case "Region":
      return 4;
    default:
      return undefined;
  }
}

/** The kind's index in EDGE_KINDS, or undefined for a string that is no edge kind (a switch: this
 *  runs per edge). */
export function edgeKindIndex(kind: string): number | undefined {
  switch (kind) {
    case "REQUIRES":
      return 0;
    case "SOURCED_FROM":
      return 1;
    case "LOCATED_IN":
      return 2;
    case "WITHIN":
      return 3;
    default:
      return undefined;
  }
}

// The two switches above are NODE_KINDS' and EDGE_KINDS' indexes written out (a switch is faster
// per item than a lookup); a list and its switch must not drift apart.
if (NODE_KINDS.some((k, i) => nodeKindIndex(k) !== i) || EDGE_KINDS.some((k, i) => edgeKindIndex(k) !== i)) {
  throw new Error("invariant: nodeKindIndex and edgeKindIndex must give each kind's index in NODE_KINDS and EDGE_KINDS");
}

/** EDGE_ENDPOINTS as bits over node kind indexes, by edge kind index: edge kind k may go from a
 *  node of kind index x when bit x of EDGE_FROM_KIND_BITS[k] is set, and to one of kind index y
 *  when bit y of EDGE_TO_KIND_BITS[k] is. */
const endpointBits = (side: 0 | 1): Uint8Array => Uint8Array.from(EDGE_KINDS, (k) => EDGE_ENDPOINTS[k][side].reduce((bits, x) => bits | (1 << NODE_KINDS.indexOf(x)), 0));
export const EDGE_FROM_KIND_BITS = endpointBits(0);
export const EDGE_TO_KIND_BITS = endpointBits(1);

/* Membership through Sets: validation asks these for every item of files with millions of items
 * (a Set lookup is one hash of the string, which V8 caches; `includes` compares every entry). */
const NODE_KIND_SET: ReadonlySet<unknown> = new Set(NODE_KINDS);
const ITEM_KIND_SET: ReadonlySet<unknown> = new Set(ITEM_KINDS);
const EDGE_KIND_SET: ReadonlySet<unknown> = new Set(EDGE_KINDS);
const FLAG_SET: ReadonlySet<unknown> = new Set(FLAGS);
const CONFIDENCE_SET: ReadonlySet<unknown> = new Set(CONFIDENCES);
const CATEGORY_SET: ReadonlySet<unknown> = new Set(CATEGORIES);

export function isNodeKind(v: unknown): v is NodeKind {
  return NODE_KIND_SET.has(v);
}
export function isItemKind(v: unknown): v is ItemKind {
  return ITEM_KIND_SET.has(v);
}
export function isEdgeKind(v: unknown): v is EdgeKind {
  return EDGE_KIND_SET.has(v);
}
export function isFlag(v: unknown): v is Flag {
  return FLAG_SET.has(v);
}
export function isConfidence(v: unknown): v is Confidence {
  return CONFIDENCE_SET.has(v);
}
export function isCategory(v: unknown): v is Category {
  return CATEGORY_SET.has(v);
}
