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
