/**
 * Node and edge kinds as small integers, the codes every engine array uses. A module of its own so
 * that compact.ts and the modules it imports (order.ts) share one definition. Engine modules import
 * the codes from here, never through a re-export: compiled to CommonJS, a re-exported name is a
 * getter, and reading it in a loop over 10^6 nodes is a function call per read.
 */
import type { NodeKind } from "@chokepoint/graph-schema";

/** Node kinds as small integers; items (Product, Component, Material) are the codes below SUPPLIER. */
export const PRODUCT = 0;
export const COMPONENT = 1;
export const MATERIAL = 2;
export const SUPPLIER = 3;
export const REGION = 4;
export const KIND_NAMES: readonly NodeKind[] = ["Product", "Component", "Material", "Supplier", "Region"];

/** Edge kinds as small integers, indexes into `out` and `in`. */
export const REQUIRES = 0;
export const SOURCED_FROM = 1;
export const LOCATED_IN = 2;
export const WITHIN = 3;
export const EDGE_KIND_NAMES = ["REQUIRES", "SOURCED_FROM", "LOCATED_IN", "WITHIN"] as const;

export function isItem(kindCode: number): boolean {
  return kindCode < SUPPLIER;
}
