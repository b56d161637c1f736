import { registerEnumType } from "type-graphql";
import { CATEGORIES, CONFIDENCES, EDGE_KINDS, FLAGS, NODE_KINDS } from "@chokepoint/graph-schema";

/** type-graphql needs enum objects; ours are built from graph-schema's lists so the API can never
 *  drift from the domain. Values equal keys, so GraphQL values are the domain strings. */
function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const NodeKindEnum = enumOf(NODE_KINDS);
export const EdgeKindEnum = enumOf(EDGE_KINDS);
export const FlagEnum = enumOf(FLAGS);
export const ConfidenceEnum = enumOf(CONFIDENCES);
/** GraphQL enum values cannot contain "-", so categories are exposed as plain strings validated by the service. */
export const CATEGORY_VALUES = CATEGORIES;

registerEnumType(NodeKindEnum, { name: "NodeKind", description: "Product, Component, Material, Supplier or Region" });
registerEnumType(EdgeKindEnum, { name: "EdgeKind", description: "REQUIRES (AND, or OR within a group), SOURCED_FROM (OR), LOCATED_IN, WITHIN" });
registerEnumType(FlagEnum, { name: "Flag", description: "Policy flags, each with its own evidence" });
registerEnumType(ConfidenceEnum, { name: "Confidence", description: "stated by a document, inferred by a rule or analyst, or imported from an analyst's file" });
