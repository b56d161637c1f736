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

  it("reports a REQUIRES cycle exactly when there is one, for edges listed in any direction", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    /** Whether the REQUIRES edges have a cycle: Kahn's algorithm leaves a node unremoved. */
    const hasCycle = (edges: readonly GraphEdge[]): boolean => {
      const ids = [...new Set(edges.flatMap((e) => [e.from, e.to]))];
      const left = new Map(ids.map((id) => [id, edges.filter((e) => e.kind === "REQUIRES" && e.from === id).length]));
      const queue = ids.filter((id) => left.get(id) === 0);
      for (let q = 0; q < queue.length; q++) {
        for (const e of edges) if (e.kind === "REQUIRES" && e.to === queue[q] && left.set(e.from, left.get(e.from)! - 1).get(e.from) === 0) queue.push(e.from);
      }
      return queue.length < ids.length;
    };
    let cyclic = 0;
    let oneWay = 0;
    for (let round = 0; round < 600; round++) {
      const n = 2 + Math.floor(rnd() * 8);
      const direction = round % 3; // 0: to lower numbers only, 1: to higher only, 2: either way
      const edges: GraphEdge[] = [];
      for (let k = Math.floor(rnd() * 14); k > 0; k--) {
        let [a, b] = [Math.floor(rnd() * n), Math.floor(rnd() * n)];
        if (direction === 0 && a < b) [a, b] = [b, a];
        if (direction === 1 && a > b) [a, b] = [b, a];
        if (a === b && rnd() < 0.8) continue;
        edges.push({ from: `n${a}`, to: `n${b}`, kind: rnd() < 0.85 ? "REQUIRES" : "SOURCED_FROM", confidence: "stated", evidence: [] });
      }
      // Nodes n0, n1, … in this order, so that vertex numbers follow the names' numbers.
      const nodes = new Map(Array.from({ length: n }, (_, i) => [`n${i}`, { ...node(`n${i}`), aliases: [], flags: [], attrs: {}, confidence: "stated" as const, evidence: [] }]));
      const reported = checkReferences(nodes, edges).some((p) => p.code === "REQUIRES_CYCLE");
      expect(reported).toBe(hasCycle(edges));
      const found = findRequiresCycle(edges);
      expect(found !== undefined).toBe(reported);
      if (found) {
        // The ids name a closed walk along REQUIRES edges, the last of them the one reported.
        expect(found.ids[0]).toBe(found.ids.at(-1));
        for (let i = 0; i + 1 < found.ids.length; i++) expect(edges.some((e) => e.kind === "REQUIRES" && e.from === found.ids[i] && e.to === found.ids[i + 1])).toBe(true);
        cyclic++;
      } else if (direction < 2 && edges.some((e) => e.kind === "REQUIRES")) oneWay++;
    }
    expect(cyclic).toBeGreaterThan(50);
    expect(oneWay).toBeGreaterThan(50);
  });
});

