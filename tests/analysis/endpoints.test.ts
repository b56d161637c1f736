/**
 * `compact` given the endpoints a validator resolved must build exactly the graph it builds by
 * hashing the ids itself, and must ignore endpoints that do not fit the snapshot.
 */
import { IdTable, validateInterchange, type GraphEdge, type GraphNode } from "@chokepoint/graph-schema";
import { compact, type CompactGraph } from "../../server/src/analysis";
import { groupName } from "../../server/src/analysis/compact";
import { randomGraph } from "./random-graph";

/** Everything `compact` derives, as plain arrays. */
function shape(g: CompactGraph): unknown {
  const csr = (c: CompactGraph["out"][number]) => [Array.from(c.offsets), Array.from(c.targets), Array.from(c.edges)];
  return {
    ids: g.ids,
    kind: Array.from(g.kind),
    out: g.out.map(csr),
    in: g.in.map(csr),
    groups: [Array.from(g.groups.start), Array.from(g.groups.parent), Array.from(g.groups.ofOutSlot), Array.from(g.groups.ofInSlot), Array.from(g.groups.nameCode, (_, gi) => groupName(g, gi))],
    order: Array.from(g.order),
    stated: Array.from(g.stated),
    findings: g.findings,
  };
}

function endpointsOf(nodes: readonly GraphNode[], edges: readonly GraphEdge[]) {
  const ids = new IdTable(nodes.length);
  for (const n of nodes) ids.add(n.id);
  return { ids, from: Int32Array.from(edges, (e) => ids.get(e.from)!), to: Int32Array.from(edges, (e) => ids.get(e.to)!) };
}

describe("compact with resolved endpoints", () => {
  it("builds the same graph as hashing the ids, on random graphs with groups and cycles", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { nodes, edges } = randomGraph(seed);
      expect(shape(compact({ nodes, edges, endpoints: endpointsOf(nodes, edges) }))).toEqual(shape(compact({ nodes, edges })));
    }
  });

  it("uses what validation resolved", () => {
    let valid = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const { nodes, edges } = randomGraph(seed);
      const r = validateInterchange({ format: "chokepoint/graph", version: 1, documents: [], nodes, edges });
      if (r.problems.length > 0) continue; // a REQUIRES cycle: files may not have one
      valid++;
      expect(r.endpoints!.from.length).toBe(r.graph!.edges.length);
      expect(shape(compact({ nodes: r.graph!.nodes, edges: r.graph!.edges, endpoints: r.endpoints }))).toEqual(shape(compact({ nodes, edges })));
    }
    expect(valid).toBeGreaterThan(50);
  });

  it("ignores endpoints that do not fit the snapshot", () => {
    const { nodes, edges } = randomGraph(3);
    const stale = endpointsOf(nodes, edges.slice(1));
    expect(shape(compact({ nodes, edges, endpoints: stale }))).toEqual(shape(compact({ nodes, edges })));
  });
});
