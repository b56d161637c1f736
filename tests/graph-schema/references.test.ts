import { checkReferences, findRequiresCycle, validateInterchange, type GraphEdge, type NodeKind, type Problem } from "@chokepoint/graph-schema";

const node = (id: string, kind: NodeKind = "Component") => ({ id, kind, name: { en: id } });
const graph = (nodes: unknown[], edges: unknown[]) => ({ format: "chokepoint/graph", version: 1, nodes, edges });
const where = (ps: readonly Problem[]) => ps.map((p) => `${p.code} ${p.path}`);

describe("reference checks", () => {
  it("names edges by their place in the file, also after edges that were left out", () => {
    const r = validateInterchange(
      graph(
        [node("a"), node("b")],
        [
          { from: "a", to: "b", kind: "NOPE" },
          { from: "a", to: "ghost", kind: "REQUIRES" },
          { from: "b", to: "a", kind: "REQUIRES" },
          { from: "a", to: "b", kind: "REQUIRES" },
        ],
      ),
    );
    expect(where(r.problems)).toEqual(["EDGE_KIND_UNKNOWN $.edges[0].kind", "EDGE_ENDPOINT_MISSING $.edges[1].to", "REQUIRES_CYCLE $.edges[2]"]);
    expect(r.problems[2]!.message).toBe("REQUIRES cycle: a → b → a");
  });

  it("finds duplicates among many edges of one source, each pointing at the first", () => {
    const nodes = Array.from({ length: 30 }, (_, i) => node(`c${i}`));
    const edges: unknown[] = nodes.slice(1).map((n) => ({ from: "c0", to: n.id, kind: "REQUIRES" }));
    edges.push({ from: "c0", to: "c7", kind: "REQUIRES" }, { from: "c0", to: "c7", kind: "REQUIRES" }, { from: "c0", to: "s", kind: "SOURCED_FROM" });
    const r = validateInterchange(graph([...nodes, node("s", "Supplier")], edges));
    expect(where(r.problems)).toEqual(["EDGE_DUPLICATE $.edges[29]", "EDGE_DUPLICATE $.edges[30]"]);
    expect(r.problems.map((p) => p.message)).toEqual(["same edge as $.edges[6]", "same edge as $.edges[6]"]);
  });

  it("treats an id no node has like any other in duplicate and cycle checks", () => {
    const r = validateInterchange(
      graph(
        [node("a"), node("b")],
        [
          { from: "a", to: "ghost", kind: "REQUIRES" },
          { from: "ghost", to: "b", kind: "REQUIRES" },
          { from: "b", to: "a", kind: "REQUIRES" },
          { from: "a", to: "ghost", kind: "REQUIRES" },
        ],
      ),
    );
    expect(where(r.problems)).toEqual([
      "EDGE_ENDPOINT_MISSING $.edges[0].to",
      "EDGE_ENDPOINT_MISSING $.edges[1].from",
      "EDGE_ENDPOINT_MISSING $.edges[3].to",
      "EDGE_DUPLICATE $.edges[3]",
      "REQUIRES_CYCLE $.edges[2]",
    ]);
    expect(r.problems[4]!.message).toBe("REQUIRES cycle: a → ghost → b → a");
  });

  it("does not report edges to a node that is present but invalid, and resolves normalised ids", () => {
    const r = validateInterchange(
      graph(
        [node("a"), { id: "broken", kind: "Gadget", name: { en: "x" } }, node(" B\u200B")],
        [
          { from: "a", to: "broken", kind: "REQUIRES" },
          { from: "A", to: "b", kind: "REQUIRES" },
        ],
      ),
    );
    expect(where(r.problems)).toEqual(["KIND_UNKNOWN $.nodes[1].kind"]);
  });

  it("skips the holes of sparse lists, keeping the other items' places", () => {
    // eslint-disable-next-line no-sparse-arrays -- the holes are the point
    const r = validateInterchange(graph([node("a"), , node("b")], [, { from: "a", to: "b", kind: "REQUIRES" }, { from: "b", to: "x", kind: "REQUIRES" }]));
    expect(where(r.problems)).toEqual(["EDGE_ENDPOINT_MISSING $.edges[2].to"]);
  });

  it("finds a cycle closing a long chain, from where the search meets it", () => {
    const nodes = Array.from({ length: 3000 }, (_, i) => node(`k${i}`));
    const edges = nodes.slice(1).map((n, i) => ({ from: `k${i}`, to: n.id, kind: "REQUIRES" }));
    edges.push({ from: "k2999", to: "k1500", kind: "REQUIRES" });
    const r = validateInterchange(graph(nodes, edges));
    expect(where(r.problems)).toEqual(["REQUIRES_CYCLE $.edges[2999]"]);
    expect(r.problems[0]!.message).toBe(`REQUIRES cycle: ${[...nodes.slice(1500).map((n) => n.id), "k1500"].join(" → ")}`);
  });

  it("checks references of an already validated node map, and cycles of bare edges", () => {
    const { graph: g } = validateInterchange(graph([node("a"), node("b"), node("r", "Region")], []));
    const nodes = new Map(g!.nodes.map((n) => [n.id, n]));
    const edges: GraphEdge[] = [
      { from: "a", to: "b", kind: "REQUIRES", confidence: "stated", evidence: [{ doc: "404", line: 1, quote: "q" }] },
      { from: "b", to: "a", kind: "REQUIRES", confidence: "stated", evidence: [] },
      { from: "r", to: "a", kind: "WITHIN", confidence: "stated", evidence: [] },
    ];
    const problems = checkReferences(nodes, edges, { documents: new Set(["000"]), edgePath: (i) => `row ${i + 1}` });
    expect(where(problems)).toEqual(["EDGE_ENDPOINT_KIND row 3", "DOCUMENT_UNKNOWN row 1.evidence[0].doc", "REQUIRES_CYCLE row 2"]);
    expect(problems[0]!.message).toBe("WITHIN goes from Region to Region, not Region to Component");
    expect(findRequiresCycle(edges)).toEqual({ ids: ["a", "b", "a"], edgeIndex: 1 });
    expect(findRequiresCycle(edges.slice(0, 1))).toBeUndefined();
  });
});
