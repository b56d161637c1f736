/**
 * Hand-drawn graphs with known answers, shared by the analysis tests (graphology's metrics tests
 * and graphql-js's validation harness are the model: tiny fixtures, one place).
 */
import type { GraphEdge, GraphNode } from "@chokepoint/graph-schema";
import { edge, node } from "./random-graph";

export interface Fixture {
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
}

/**
 * Diamond: p needs one of {a, b}; both need m; m comes from s in region r.
 *   SPOFs(p) = {m, s, r}; the only order-2 cut set is {a, b}.
 */
export function diamond(): Fixture {
  return {
    nodes: [node("p", "Product"), node("a", "Component"), node("b", "Component"), node("m", "Material"), node("s", "Supplier"), node("r", "Region")],
    edges: [
      edge("p", "REQUIRES", "a", { group: "either" }),
      edge("p", "REQUIRES", "b", { group: "either" }),
      edge("a", "REQUIRES", "m"),
      edge("b", "REQUIRES", "m"),
      edge("m", "SOURCED_FROM", "s"),
      edge("s", "LOCATED_IN", "r"),
    ],
  };
}

/**
 * Alternates: p needs a valve, v1 or v2; v1 comes from s1 in r1, v2 from s2 in r2.
 *   SPOFs(p) = {}; order-2 cut sets: every pair of one of {v1, s1, r1} and one of {v2, s2, r2}.
 */
export function alternates(): Fixture {
  return {
    nodes: [
      node("p", "Product"),
      node("v1", "Component"),
      node("v2", "Component"),
      node("s1", "Supplier"),
      node("s2", "Supplier"),
      node("r1", "Region"),
      node("r2", "Region"),
    ],
    edges: [
      edge("p", "REQUIRES", "v1", { group: "valve" }),
      edge("p", "REQUIRES", "v2", { group: "valve" }),
      edge("v1", "SOURCED_FROM", "s1"),
      edge("v2", "SOURCED_FROM", "s2"),
      edge("s1", "LOCATED_IN", "r1"),
      edge("s2", "LOCATED_IN", "r2"),
    ],
  };
}

/**
 * Region hierarchy: membrane m has two suppliers, in zhejiang and jiangsu, both within china
 * (within asia); p needs m and a sensor c whose one supplier is located in both de and us.
 *   SPOFs(p) = {m, china, asia, c, s3, de, us}; m is single-region (china, asia).
 */
export function regionHierarchy(): Fixture {
  return {
    nodes: [
      node("p", "Product", { inventoryDays: 20 }),
      node("m", "Material", { recoveryDays: 90 }),
      node("c", "Component"),
      node("s1", "Supplier"),
      node("s2", "Supplier"),
      node("s3", "Supplier"),
      node("zhejiang", "Region"),
      node("jiangsu", "Region"),
      node("china", "Region", { recoveryDays: 30 }),
      node("asia", "Region"),
      node("de", "Region"),
      node("us", "Region"),
    ],
    edges: [
      edge("p", "REQUIRES", "m"),
      edge("p", "REQUIRES", "c"),
      edge("m", "SOURCED_FROM", "s1", { share: 0.5 }),
      edge("m", "SOURCED_FROM", "s2", { share: 0.5 }),
      edge("c", "SOURCED_FROM", "s3"),
      edge("s1", "LOCATED_IN", "zhejiang"),
      edge("s2", "LOCATED_IN", "jiangsu"),
      edge("s3", "LOCATED_IN", "de"),
      edge("s3", "LOCATED_IN", "us"),
      edge("zhejiang", "WITHIN", "china"),
      edge("jiangsu", "WITHIN", "china"),
      edge("china", "WITHIN", "asia"),
    ],
  };
}

/** A sole-source chain `depth` items deep: p → c1 → … → c<depth> → supplier → region. */
export function deepChain(depth: number): Fixture {
  const nodes = [node("p", "Product")];
  const edges: GraphEdge[] = [];
  let prev = "p";
  for (let i = 1; i <= depth; i++) {
    const id = `c${i}`;
    nodes.push(node(id, "Component"));
    edges.push(edge(prev, "REQUIRES", id));
    prev = id;
  }
  nodes.push(node("s", "Supplier"), node("r", "Region"));
  edges.push(edge(prev, "SOURCED_FROM", "s"), edge("s", "LOCATED_IN", "r"));
  return { nodes, edges };
}

/**
 * Cycles: p needs a; a → b → c → a (REQUIRES); regions r1 and r2 each within the other.
 *   The rule drops c → a (DFS from "a", the smallest id) and r2 → r1.
 */
export function cycle(): Fixture {
  return {
    nodes: [node("p", "Product"), node("a", "Component"), node("b", "Component"), node("c", "Component"), node("s", "Supplier"), node("r1", "Region"), node("r2", "Region")],
    edges: [
      edge("p", "REQUIRES", "a"),
      edge("a", "REQUIRES", "b"),
      edge("b", "REQUIRES", "c"),
      edge("c", "REQUIRES", "a"),
      edge("c", "SOURCED_FROM", "s"),
      edge("s", "LOCATED_IN", "r2"),
      edge("r1", "WITHIN", "r2"),
      edge("r2", "WITHIN", "r1"),
    ],
  };
}

/**
 * Mapping gap vs redundancy: `robust` needs y, sourced from two suppliers in two regions;
 * `unknown` needs x, which has nothing mapped; `bare` has nothing mapped at all.
 *   Each of robust and unknown has one SPOF (its part); only the coverage tells them apart.
 */
export function gapVersusRedundant(): Fixture {
  return {
    nodes: [
      node("robust", "Product"),
      node("unknown", "Product"),
      node("bare", "Product"),
      node("x", "Component"),
      node("y", "Component"),
      node("s1", "Supplier"),
      node("s2", "Supplier"),
      node("r1", "Region"),
      node("r2", "Region"),
    ],
    edges: [
      edge("robust", "REQUIRES", "y"),
      edge("unknown", "REQUIRES", "x"),
      edge("y", "SOURCED_FROM", "s1"),
      edge("y", "SOURCED_FROM", "s2"),
      edge("s1", "LOCATED_IN", "r1"),
      edge("s2", "LOCATED_IN", "r2"),
    ],
  };
}

/** Sorted ids of a list of things with ids. */
export function ids(list: readonly { readonly id: string }[]): string[] {
  return list.map((x) => x.id).sort();
}

/** Order-2 cut sets as sorted "a|b" strings. */
export function pairKeys(pairs: readonly { readonly ids: readonly [string, string] }[]): string[] {
  return pairs.map((p) => [...p.ids].sort().join("|")).sort();
}
