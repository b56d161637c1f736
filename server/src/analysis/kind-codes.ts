/**
 * Node and edge kinds as small integers, the codes every engine array uses. A module of its own so
 * that compact.ts and the modules it imports (order.ts) share one definition. Engine modules import
 * the codes from here, never through a re-export: compiled to CommonJS, a re-exported name is a
 * getter, and reading it in a loop over 10^6 nodes is a function call per read.
 */
import { EDGE_KINDS, NODE_KINDS } from "@chokepoint/graph-schema";

/** Node kinds as small integers; items (Product, Component, Material) are the codes below SUPPLIER. */
export const PRODUCT = 0;
export const COMPONENT = 1;
export const MATERIAL = 2;
export const SUPPLIER = 3;
export const REGION = 4;
export const KIND_NAMES = NODE_KINDS;

/** Edge kinds as small integers, indexes into `out` and `in`. */
export const REQUIRES = 0;
export const SOURCED_FROM = 1;
export const LOCATED_IN = 2;
export const WITHIN = 3;
export const EDGE_KIND_NAMES = EDGE_KINDS;

// The codes are the kinds' indexes in graph-schema's lists, as in graph columns: columns then serve
// the engine as they are, without a per-node or per-edge translation.
if (
  [KIND_NAMES[PRODUCT], KIND_NAMES[COMPONENT], KIND_NAMES[MATERIAL], KIND_NAMES[SUPPLIER], KIND_NAMES[REGION]].join() !== "Product,Component,Material,Supplier,Region" ||
  [EDGE_KIND_NAMES[REQUIRES], EDGE_KIND_NAMES[SOURCED_FROM], EDGE_KIND_NAMES[LOCATED_IN], EDGE_KIND_NAMES[WITHIN]].join() !== "REQUIRES,SOURCED_FROM,LOCATED_IN,WITHIN"
) {
  throw new Error("invariant: the engine's kind codes must be the kinds' indexes in NODE_KINDS and EDGE_KINDS");
}

export function isItem(kindCode: number): boolean {
  return kindCode < SUPPLIER;
}
