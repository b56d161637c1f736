import { readFileSync } from "node:fs";
import path from "node:path";
import { ChokepointError, validateInterchange } from "@chokepoint/graph-schema";
import {
  availability,
  compact,
  compactCache,
  cutSets,
  mappingGaps,
  scenario,
  singleRegion,
  spofs,
} from "../../server/src/analysis";
import { alternates, cycle, deepChain, diamond, gapVersusRedundant, ids, pairKeys, regionHierarchy } from "./fixtures";
import { edge, node, randomGraph } from "./random-graph";
import { productCoverage } from "../../server/src/analysis/gaps";
import { PRODUCT } from "../../server/src/analysis/kind-codes";

describe("diamond", () => {
  const g = compact(diamond());
  it("has the shared material and its supply chain as SPOFs, not the alternatives", () => {
    expect(ids(spofs(g, "p").spofs)).toEqual(["m", "r", "s"]);
  });
  it("proves each SPOF with a path through one alternative", () => {
    const m = spofs(g, "p").spofs.find((s) => s.id === "m")!;
    expect(m.path).toEqual(["p", "a", "m"]);
    expect(m.steps.map((s) => s.rule)).toEqual(["requires-one-of", "requires"]);
    expect(m.steps[0]!.members).toEqual(["a", "b"]);
    expect(m.steps[0]!.group).toBe("either");
  });
  it("has the two alternatives as the only order-2 cut set, split at the product", () => {
    const cuts = cutSets(g, "p");
    expect(pairKeys(cuts.pairs)).toEqual(["a|b"]);
    expect(cuts.pairs[0]).toMatchObject({ at: "p", path: ["p"], rule: "group", group: "either" });
    expect(cuts.truncated).toBe(false);
  });
});

describe("alternates group", () => {
  const g = compact(alternates());
  it("has no SPOF", () => {
    expect(spofs(g, "p").spofs).toEqual([]);
  });
  it("has every cross pair of the two branches as order-2 cut sets", () => {
    const want = [];
    for (const a of ["v1", "s1", "r1"]) for (const b of ["v2", "s2", "r2"]) want.push([a, b].sort().join("|"));
    expect(pairKeys(cutSets(g, "p").pairs)).toEqual(want.sort());
  });
  it("explains a pair by who takes down which alternative", () => {
    const pair = cutSets(g, "p").pairs.find((c) => [...c.ids].sort().join("|") === "r1|s2")!;
    const by = Object.fromEntries(pair.members.map((m) => [m.id, m.disabledBy]));
    expect(by).toEqual({ v1: ["r1"], v2: ["s2"] });
  });
  it("bounds the pairs by the limit and says so", () => {
    const limited = cutSets(g, "p", { limit: 4 });
    expect(limited.pairs).toHaveLength(4);
    expect(limited.truncated).toBe(true);
  });
  it("disables the product only when both branches fail", () => {
    expect(scenario(g, ["r1"]).disabled).toEqual([]);
    const both = scenario(g, ["r1", "s2"]);
    expect(both.disabled.map((d) => d.id)).toEqual(["p"]);
    expect(both.disabled[0]!.explanation).toEqual(["p", "v2", "s2"]);
  });
});

describe("region hierarchy", () => {
  const g = compact(regionHierarchy());
  it("finds the enclosing region of two 'independent' suppliers and both regions of a multi-region supplier", () => {
    expect(ids(spofs(g, "p").spofs)).toEqual(["asia", "c", "china", "de", "m", "s3", "us"]);
  });
  it("proves the shared region through one supplier and its province", () => {
    const china = spofs(g, "p").spofs.find((s) => s.id === "china")!;
    expect(china.path).toEqual(["p", "m", "s1", "zhejiang", "china"]);
    expect(china.steps.map((s) => s.rule)).toEqual(["requires", "all-sources", "located-in", "within"]);
  });
  it("reports the item as single-region, most specific region first", () => {
    expect(singleRegion(g)).toEqual([{ id: "m", kind: "Material", sources: ["s1", "s2"], regions: ["china", "asia"], inferred: false }]);
  });
  it("has the two provinces (and their suppliers) as order-2 cut sets", () => {
    expect(pairKeys(cutSets(g, "p").pairs)).toEqual(["jiangsu|s1", "jiangsu|zhejiang", "s1|s2", "s2|zhejiang"]);
  });
  it("explains a regional failure and compares time to survive with time to recover", () => {
    const result = scenario(g, ["china"]);
    expect(result.disabled).toHaveLength(1);
    const d = result.disabled[0]!;
    expect(d.explanation).toEqual(["p", "m", "s1", "zhejiang", "china"]);
    expect(d.time).toEqual({ surviveDays: 20, recoverDays: 90, exposed: true, gapDays: 70 });
    expect(result.unavailable).toEqual({ Product: 1, Component: 0, Material: 1, Supplier: 2, Region: 3 });
  });
  it("lists every unavailable node", () => {
    expect(availability(g, ["de"]).unavailable).toEqual(["c", "de", "p", "s3"]);
  });
});

describe("deep sole-source chain", () => {
  const depth = 100_000;
  const g = compact(deepChain(depth));
  it("finds every link as a SPOF without recursion", () => {
    const result = spofs(g, "p");
    expect(result.spofs).toHaveLength(depth + 2);
    expect(result.spofs[0]!.id).toBe("c1");
    expect(result.spofs[depth + 1]!.id).toBe("r");
  });
  it("keeps proofs bounded: deep paths are shortened and flagged, and chain through `after`", () => {
    const result = spofs(g, "p", { maxPathIds: 10_000 });
    expect(result.spofs[10]!.path).toEqual(["p", ...Array.from({ length: 11 }, (_, i) => `c${i + 1}`)]);
    const last = result.spofs[depth + 1]!;
    expect(last.pathTruncated).toBe(true);
    expect(last.path).toEqual(["p", "s", "r"]);
    expect(last.after).toBe("s");
    expect(last.steps.map((s) => s.rule)).toEqual(["located-in"]);
  });
  it("explains a regional failure along the whole chain", () => {
    const d = scenario(g, ["r"]).disabled[0]!;
    expect(d.explanation).toHaveLength(depth + 3);
  });
  it("has no order-2 cut sets (everything is a SPOF)", () => {
    expect(cutSets(g, "p").pairs).toEqual([]);
  });
});

describe("scenario explanations with equally short chains", () => {
  // p needs x, sourced only from s1 (in region f1) and s2 (in region f2): with both regions
  // failed, x → s1 → f1 and x → s2 → f2 are equally short.
  const nodes = [node("p", "Product"), node("x", "Component"), node("f1", "Region"), node("f2", "Region"), node("s1", "Supplier"), node("s2", "Supplier")];
  const edges = [edge("p", "REQUIRES", "x"), edge("x", "SOURCED_FROM", "s1"), edge("x", "SOURCED_FROM", "s2"), edge("s1", "LOCATED_IN", "f1"), edge("s2", "LOCATED_IN", "f2")];
  it("step to the first node in snapshot order, whatever order the failed nodes are given in", () => {
    for (const failed of [["f1", "f2"], ["f2", "f1"]]) {
      expect(scenario(compact({ nodes, edges }), failed).disabled[0]!.explanation).toEqual(["p", "x", "s1", "f1"]);
      const swapped = [nodes[0]!, nodes[1]!, nodes[3]!, nodes[2]!, nodes[5]!, nodes[4]!];
      expect(scenario(compact({ nodes: swapped, edges }), failed).disabled[0]!.explanation).toEqual(["p", "x", "s2", "f2"]);
    }
  });
});

describe("cycles", () => {
  it("reports and breaks a REQUIRES cycle and a WITHIN cycle by the smallest-id rule", () => {
    const g = compact(cycle());
    const found = g.findings.map((f) => ({ code: f.code, edge: f.edge }));
    expect(found).toEqual([
      { code: "REQUIRES_CYCLE", edge: { from: "c", to: "a", kind: "REQUIRES" } },
      { code: "WITHIN_CYCLE", edge: { from: "r2", to: "r1", kind: "WITHIN" } },
    ]);
    expect(g.findings[0]!.cycle).toEqual(["a", "b", "c", "a"]);
    // r2 → r1 is dropped, so r1 lies within r2 and only r2 can take the supplier down.
    expect(ids(spofs(g, "p").spofs)).toEqual(["a", "b", "c", "r2", "s"]);
  });
  it("breaks the same edges whatever the input order", () => {
    const f = cycle();
    const g = compact({ nodes: [...f.nodes].reverse(), edges: [...f.edges].reverse() });
    expect(g.findings.map((x) => x.edge)).toEqual(compact(cycle()).findings.map((x) => x.edge));
  });
});

describe("mapping gaps", () => {
  const g = compact(gapVersusRedundant());
  it("lists items with no sources and no requirements", () => {
    expect(mappingGaps(g)).toEqual(["bare", "x"]);
  });
  it("keeps 'redundant because mapped twice' apart from 'looks fine because nothing is mapped'", () => {
    const robust = spofs(g, "robust");
    const unknown = spofs(g, "unknown");
    expect(ids(robust.spofs)).toEqual(["y"]);
    expect(ids(unknown.spofs)).toEqual(["x"]);
    expect(robust.coverage).toEqual({ items: 2, gaps: [] });
    expect(unknown.coverage).toEqual({ items: 2, gaps: ["x"] });
    expect(spofs(g, "bare")).toMatchObject({ spofs: [], coverage: { items: 1, gaps: ["bare"] } });
  });
  it("counts every product's coverage in one pass exactly as one product's query does, on random graphs", () => {
    let gaps = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const rg = compact(randomGraph(seed));
      const counts = productCoverage(rg);
      const products = rg.ids.filter((_, v) => rg.kind[v] === PRODUCT);
      expect(counts.length).toBe(2 * products.length);
      products.forEach((id, i) => {
        const { coverage } = spofs(rg, id);
        expect([counts[2 * i], counts[2 * i + 1]]).toEqual([coverage.items, coverage.gaps.length]);
        gaps += coverage.gaps.length;
      });
    }
    expect(gaps).toBeGreaterThan(0);
  });
});

describe("confidence", () => {
  it("flags a verdict that rests on a non-stated edge, and only that one", () => {
    const g = compact({
      nodes: [node("p", "Product"), node("a", "Component"), node("b", "Component"), node("s", "Supplier")],
      edges: [edge("p", "REQUIRES", "a"), edge("p", "REQUIRES", "b", { confidence: "inferred" }), edge("a", "SOURCED_FROM", "s"), edge("b", "SOURCED_FROM", "s")],
    });
    const flags = Object.fromEntries(spofs(g, "p").spofs.map((s) => [s.id, s.inferred]));
    expect(flags).toEqual({ a: false, b: true, s: false });
    expect(scenario(g, ["s"]).disabled[0]!.inferred).toBe(false);
  });
});

describe("errors", () => {
  const g = compact(diamond());
  const code = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      if (e instanceof ChokepointError) return e.code;
      throw e;
    }
    return "none";
  };
  it("codes unknown ids, non-products, empty scenarios and bad limits", () => {
    expect(code(() => spofs(g, "nope"))).toBe("UNKNOWN_NODE");
    expect(code(() => spofs(g, "m"))).toBe("NOT_A_PRODUCT");
    expect(code(() => cutSets(g, "a"))).toBe("NOT_A_PRODUCT");
    expect(code(() => scenario(g, ["s", "nope", "also-not"]))).toBe("UNKNOWN_NODE");
    expect(code(() => scenario(g, []))).toBe("INVALID_ARGUMENT");
    expect(code(() => cutSets(g, "p", { limit: 0 }))).toBe("INVALID_ARGUMENT");
  });
  it("lists every unknown id as a problem", () => {
    try {
      scenario(g, ["s", "nope", "also-not"]);
    } catch (e) {
      expect((e as ChokepointError).problems.map((p) => p.message)).toEqual(['no node with id "nope"', 'no node with id "also-not"']);
    }
  });
  it("accepts ids the way users type them", () => {
    expect(scenario(g, [" M "]).failed).toEqual(["m"]);
  });
});

describe("compactCache", () => {
  it("reuses the compact graph for the same snapshot or version", () => {
    const get = compactCache();
    const snap = { ...diamond(), version: 3 };
    const a = get(snap);
    expect(get(snap)).toBe(a);
    expect(get({ ...diamond(), version: 3 })).toBe(a);
    expect(get({ ...diamond(), version: 4 })).not.toBe(a);
  });
});

describe("sample graph", () => {
  const file = path.join(__dirname, "../../seeds/sample/sample-graph.json");
  const { graph } = validateInterchange(JSON.parse(readFileSync(file, "utf8")));
  const g = compact(graph!);
  it("disables the invasive ventilator when Europe/North America fails, through its turbine blower", () => {
    const d = scenario(g, ["europe-north-america"]).disabled.find((x) => x.id === "invasive-ventilator")!;
    expect(d.explanation).toEqual(["invasive-ventilator", "turbine-blower", "europe-north-america"]);
    // Every edge of the sample is inferred, so is the verdict.
    expect(d.inferred).toBe(true);
  });
  it("reports exposure when the valve's recovery outlasts the ventilator's inventory", () => {
    const d = scenario(g, ["valve-maker-de", "zhejiang"]).disabled[0]!;
    expect(d.explanation).toEqual(["invasive-ventilator", "proportional-valve", "valve-maker-de"]);
    expect(d.time).toEqual({ surviveDays: 30, recoverDays: 180, exposed: true, gapDays: 150 });
  });
});

describe("seed graph", () => {
  const file = path.join(__dirname, "../../seeds/graph/supply-graph.json");
  const { graph, problems } = validateInterchange(JSON.parse(readFileSync(file, "utf8")));
  it("disables the invasive ventilator when Europe/North America fails, through one of its core parts", () => {
    expect(problems).toEqual([]);
    const g = compact({ nodes: graph!.nodes, edges: graph!.edges });
    const d = scenario(g, ["europe-north-america"]).disabled.find((x) => x.id === "invasive-ventilator")!;
    const coreParts = graph!.edges.filter((e) => e.from === "invasive-ventilator" && e.kind === "REQUIRES").map((e) => e.to);
    expect(d.explanation[0]).toBe("invasive-ventilator");
    expect(coreParts).toContain(d.explanation[1]);
    expect(d.explanation[d.explanation.length - 1]).toBe("europe-north-america");
  });
});


describe("data the engine cannot use", () => {
  it("reports dangling edges, kind mismatches, self-loops and duplicate ids, and analyses the rest", () => {
    const f = diamond();
    const g = compact({
      nodes: [...f.nodes, node("p", "Product")],
      edges: [...f.edges, edge("m", "REQUIRES", "ghost"), edge("s", "REQUIRES", "m"), edge("a", "REQUIRES", "a")],
    });
    expect(g.findings.map((x) => x.code).sort()).toEqual(["DANGLING_EDGE", "DUPLICATE_NODE", "EDGE_ENDPOINT_KIND", "EDGE_ENDPOINT_KIND"]);
    expect(ids(spofs(g, "p").spofs)).toEqual(["m", "r", "s"]);
  });
});
