/**
 * `compact` given graph columns (from validation, or `graphColumns` over a snapshot) must build
 * exactly the graph it builds by hashing ids and reading node and edge objects itself, and must
 * ignore columns that do not fit the snapshot.
 */
import { graphColumns, resolvedGraphColumns, validateInterchange, type GraphEdge, type GraphNode } from "@chokepoint/graph-schema";
import { compact, type CompactGraph } from "../../server/src/analysis";
import { groupName } from "../../server/src/analysis/compact";
import { node, randomGraph } from "./random-graph";

/** Everything `compact` derives, as plain arrays. */
function shape(g: CompactGraph): unknown {
  const csr = (c: CompactGraph["in"][number]) => [Array.from(c.offsets), Array.from(c.targets), "edges" in c ? Array.from(c.edges) : []];
  return {
    ids: g.ids,
    kind: Array.from(g.kind),
    flags: Array.from(g.flags),
    attrs: g.ids.map((_, v) => [g.inventoryDays.get(v), g.recoveryDays.get(v), g.annualValue.get(v)].map(String).join()),
    out: g.out.map(csr),
    in: g.in.map(csr),
    groups: [Array.from(g.groups.start), Array.from(g.groups.parent), Array.from(g.groups.ofOutSlot), Array.from(g.groups.ofInSlot), Array.from(g.groups.nameCode, (_, gi) => groupName(g, gi))],
    order: Array.from(g.order),
    stated: Array.from(g.stated),
    anyUnstated: g.anyUnstated,
    shares: [...g.shares].sort((a, b) => a[0] - b[0]),
    findings: g.findings,
  };
}

/** Some nodes with flags or attributes (which columns carry as flag bits and sparse numbers). */
function annotated(nodes: readonly GraphNode[]): GraphNode[] {
  return nodes.map((nd, i) => ({
    ...nd,
    ...(i % 3 === 0 && { attrs: { inventoryDays: i, recoveryDays: 2 * i, annualValue: 10 * i } }),
    ...(i % 5 === 0 && { flags: [{ flag: i % 2 === 0 ? ("POLICY_BOTTLENECK" as const) : ("DOMESTIC_BREAKTHROUGH" as const), confidence: "stated" as const, evidence: [] }] }),
  }));
}

function columnsOf(nodes: readonly GraphNode[], edges: readonly GraphEdge[]) {
  const columns = graphColumns(nodes, edges);
  if (!columns) throw new Error("random graphs have unique ids and no dangling edges");
  return columns;
}

describe("compact from graph columns", () => {
  it("builds the same graph as reading node and edge objects, on random graphs with groups, shares, cycles and unusable edges", () => {
    let shares = 0;
    let withDetails = 0;
    let unstated = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const graph = randomGraph(seed);
      const nodes = annotated(graph.nodes);
      const edges = graph.edges.map((e, i) => (e.kind === "SOURCED_FROM" && i % 2 === 0 ? { ...e, share: (i % 10) / 10 } : e));
      const fromObjects = compact({ nodes, edges });
      shares += fromObjects.shares.size;
      withDetails += fromObjects.flags.reduce((a, f) => a + (f > 0 ? 1 : 0), 0);
      if (fromObjects.anyUnstated) unstated++;
      expect(shape(compact({ nodes, edges, columns: columnsOf(nodes, edges) }))).toEqual(shape(fromObjects));
    }
    // The comparison covers the columns that matter.
    expect(shares).toBeGreaterThan(0);
    expect(withDetails).toBeGreaterThan(0);
    expect(unstated).toBeGreaterThan(0);
  });

  it("describes edges the engine cannot use exactly as without columns", () => {
    const { nodes, edges } = randomGraph(5);
    const region = node("r-extra", "Region");
    const product = nodes.find((n) => n.kind === "Product")!;
    // A store snapshot is validated on write, but the engine does not rely on it.
    const bad: GraphEdge[] = [...edges, { from: region.id, to: product.id, kind: "REQUIRES", confidence: "stated", evidence: [] }];
    const all = [...nodes, region];
    const g = compact({ nodes: all, edges: bad, columns: columnsOf(all, bad) });
    expect(g.findings.some((f) => f.code === "EDGE_ENDPOINT_KIND" && f.message.includes(region.id))).toBe(true);
    expect(shape(g)).toEqual(shape(compact({ nodes: all, edges: bad })));
  });

  it("gives no columns for a snapshot with an unknown endpoint or a repeated id", () => {
    const { nodes, edges } = randomGraph(4);
    expect(graphColumns(nodes, [...edges, { ...edges[0]!, to: "no-such-node" }])).toBeUndefined();
    expect(graphColumns([...nodes, nodes[0]!], edges)).toBeUndefined();
    expect(columnsOf(nodes, edges).checked).toBe(false);
  });

  it("uses what validation resolved", () => {
    let valid = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const graph = randomGraph(seed);
      const nodes = annotated(graph.nodes);
      const edges = graph.edges;
      const r = validateInterchange({ format: "chokepoint/graph", version: 1, documents: [], nodes, edges });
      if (r.problems.length > 0) continue; // a REQUIRES cycle: files may not have one
      valid++;
      expect(r.columns!.from.length).toBe(r.graph!.edges.length);
      // Validation checked every edge, so compact skips its own edge checks.
      expect(r.columns!.checked).toBe(true);
      expect(shape(compact({ nodes: r.graph!.nodes, edges: r.graph!.edges, columns: r.columns }))).toEqual(shape(compact({ nodes, edges })));
    }
    expect(valid).toBeGreaterThan(50);
  });

  it("builds the same graph from a store's columns, whose endpoints came resolved (-1 for none)", () => {
    for (let seed = 1; seed <= 100; seed++) {
      const graph = randomGraph(seed);
      const nodes = annotated(graph.nodes);
      // A damaged store could hold an edge to a node it no longer has: the engine reports it.
      const edges = [...graph.edges, { from: nodes[0]!.id, to: "gone", kind: "REQUIRES" as const, confidence: "stated" as const, evidence: [] }];
      const position = new Map(nodes.map((n, i) => [n.id, i]));
      const at = (id: string) => position.get(id) ?? -1;
      const columns = resolvedGraphColumns(nodes, edges, Int32Array.from(edges, (e) => at(e.from)), Int32Array.from(edges, (e) => at(e.to)), true)!;
      // An endpoint that did not resolve: the engine checks every edge itself.
      expect(columns.checked).toBe(false);
      const g = compact({ nodes, edges, columns });
      expect(g.findings.some((f) => f.code === "DANGLING_EDGE" && f.message.includes("gone"))).toBe(true);
      expect(shape(g)).toEqual(shape(compact({ nodes, edges })));
    }
    const { nodes, edges } = randomGraph(1);
    expect(resolvedGraphColumns([...nodes, nodes[0]!], edges, new Int32Array(edges.length), new Int32Array(edges.length), true)).toBeUndefined();
  });

  it("ignores columns that do not fit the snapshot", () => {
    const { nodes, edges } = randomGraph(3);
    const stale = columnsOf(nodes, edges.slice(1));
    expect(shape(compact({ nodes, edges, columns: stale }))).toEqual(shape(compact({ nodes, edges })));
  });
});
