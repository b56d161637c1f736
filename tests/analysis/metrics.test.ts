/** Criticality, concentration, risk score, articulation points and the analyze report on hand fixtures. */
import {
  analyzeReport,
  articulationPoints,
  compact,
  concentration,
  criticality,
  nodeConcentration,
  nodeCriticality,
  RISK_WEIGHTS,
  riskRanking,
  riskScore,
  singleRegion,
  soleSource,
  writeAnalyzeReport,
} from "../../server/src/analysis";
import type { GraphNode } from "@chokepoint/graph-schema";
import { topRisk } from "../../server/src/analysis/risk";
import { alternates, deepChain, diamond, regionHierarchy } from "./fixtures";
import { edge, node } from "./random-graph";

/** Two products sharing a sole-source part; one product is worth more. */
function twoProducts() {
  const flagged = (id: string, kind: GraphNode["kind"], flag: "POLICY_BOTTLENECK" | "IMPORT_DEPENDENT" | "DOMESTIC_BREAKTHROUGH"): GraphNode => ({
    ...node(id, kind),
    flags: [{ flag, confidence: "stated", evidence: [{ note: "test" }] }],
  });
  return {
    nodes: [
      node("big", "Product", { annualValue: 900 }),
      node("small", "Product", { annualValue: 100 }),
      flagged("shared", "Component", "POLICY_BOTTLENECK"),
      node("own", "Component"),
      flagged("fixed", "Component", "DOMESTIC_BREAKTHROUGH"),
      node("s1", "Supplier"),
      node("s2", "Supplier"),
      node("r1", "Region"),
    ],
    edges: [
      edge("big", "REQUIRES", "shared"),
      edge("small", "REQUIRES", "shared"),
      edge("small", "REQUIRES", "own"),
      edge("big", "REQUIRES", "fixed"),
      edge("shared", "SOURCED_FROM", "s1"),
      edge("own", "SOURCED_FROM", "s1", { share: 0.25 }),
      edge("own", "SOURCED_FROM", "s2"),
      edge("fixed", "SOURCED_FROM", "s2", { confidence: "inferred" }),
      edge("s1", "LOCATED_IN", "r1"),
    ],
  };
}

describe("criticality", () => {
  const g = compact(twoProducts());
  it("counts products per SPOF and ranks by annual value at risk", () => {
    const ranking = criticality(g);
    expect(ranking.weighted).toBe(true);
    expect(ranking.entries.map((e) => [e.id, e.count, e.value])).toEqual([
      ["shared", 2, 1000],
      ["s1", 2, 1000],
      ["r1", 2, 1000],
      ["fixed", 1, 900],
      ["s2", 1, 900],
      ["own", 1, 100],
    ]);
    expect(ranking.entries[0]!.products).toEqual(["big", "small"]);
  });
  it("ranks by count when no product has a value, and reports one node", () => {
    const d = compact(diamond());
    expect(criticality(d)).toMatchObject({ weighted: false });
    expect(nodeCriticality(d, "a")).toMatchObject({ count: 0, products: [] });
    expect(nodeCriticality(g, "s2")).toMatchObject({ count: 1, products: ["big"], inferredCount: 1 });
  });
  it("keeps the top entries only when asked", () => {
    expect(criticality(g, { limit: 2 }).entries.map((e) => e.id)).toEqual(["shared", "s1"]);
  });
});

describe("concentration", () => {
  const g = compact(twoProducts());
  it("uses known shares and splits the rest, and buckets unlocated suppliers on their own", () => {
    const own = nodeConcentration(g, "own")!;
    expect(own.regions).toEqual([
      { region: null, supplier: "s2", share: 0.75 },
      { region: "r1", share: 0.25 },
    ]);
    expect(own.hhi).toBeCloseTo(0.75 ** 2 + 0.25 ** 2);
    expect(own.sharesKnown).toBe(false);
    expect(nodeConcentration(g, "r1")).toBeNull();
  });
  it("ranks items by HHI and lists sole-source items", () => {
    // Two items with HHI 1: ties keep snapshot order.
    expect(concentration(g).map((c) => c.id)).toEqual(["shared", "fixed", "own"]);
    expect(soleSource(g).map((s) => [s.id, s.source, s.stated])).toEqual([
      ["fixed", "s2", false],
      ["shared", "s1", true],
    ]);
  });
  it("splits a multi-region supplier's share between its regions", () => {
    const c = nodeConcentration(compact(regionHierarchy()), "c")!;
    expect(c.regions).toEqual([
      { region: "de", share: 0.5 },
      { region: "us", share: 0.5 },
    ]);
    expect(c.hhi).toBeCloseTo(0.5);
  });
});

describe("risk score", () => {
  const g = compact(twoProducts());
  it("returns every term with value, weight and contribution that add up to the score", () => {
    const r = riskScore(g, "shared");
    expect(r.terms.map((t) => t.name)).toEqual(Object.keys(RISK_WEIGHTS));
    for (const t of r.terms) expect(t.contribution).toBeCloseTo(t.value * t.weight);
    expect(r.score).toBeCloseTo(r.terms.reduce((a, t) => a + t.contribution, 0));
    const v = Object.fromEntries(r.terms.map((t) => [t.name, t.value]));
    expect(v).toMatchObject({ criticality: 1, soleSource: 1, concentration: 1, policyBottleneck: 1, domesticBreakthrough: 0 });
  });
  it("lowers the score for a reported domestic breakthrough", () => {
    const fixed = Object.fromEntries(riskScore(g, "fixed").terms.map((t) => [t.name, t.contribution]));
    expect(fixed.domesticBreakthrough).toBeCloseTo(RISK_WEIGHTS.domesticBreakthrough);
    expect(fixed.unstatedShare).toBeCloseTo(RISK_WEIGHTS.unstatedShare);
  });
  it("ranks nodes with a positive score, highest first", () => {
    const ranking = riskRanking(g, { limit: 3 });
    expect(ranking[0]!.id).toBe("shared");
    expect(ranking.map((r) => r.score)).toEqual([...ranking.map((r) => r.score)].sort((a, b) => b - a));
  });
  it("selects the same top entries as a full sort", () => {
    const scores = Float64Array.from({ length: 500 }, (_, i) => ((i * 7919) % 97) / 97);
    const g = { nodeCount: scores.length } as Parameters<typeof topRisk>[0];
    const inputs = { scores } as Parameters<typeof topRisk>[1];
    const full = Array.from(scores.keys()).filter((v) => scores[v]! > 0).sort((a, b) => scores[b]! - scores[a]! || a - b);
    for (const limit of [0, 1, 7, 100, 1000]) expect(topRisk(g, inputs, limit)).toEqual(full.slice(0, limit));
  });
  it("flags a single-region verdict that rests on a non-stated edge", () => {
    const f = regionHierarchy();
    const edges = f.edges.map((e) => (e.from === "jiangsu" ? { ...e, confidence: "inferred" as const } : e));
    expect(singleRegion(compact({ nodes: f.nodes, edges }))[0]).toMatchObject({ id: "m", regions: ["china", "asia"], inferred: true });
  });
  it("scores the single-region term on apparent redundancy", () => {
    const m = riskScore(compact(regionHierarchy()), "m");
    expect(m.terms.find((t) => t.name === "singleRegion")!.value).toBe(1);
  });
});

describe("articulation points (secondary lens)", () => {
  it("are labelled, and miss a leaf sole supplier that is a SPOF", () => {
    const g = compact(alternates());
    const ap = articulationPoints(g);
    expect(ap.lens).toMatch(/not SPOFs/);
    expect(ap.ids).toEqual(["p", "s1", "s2", "v1", "v2"]);
    // In the diamond, region r is a SPOF of p, but as a leaf it is no articulation point.
    expect(articulationPoints(compact(diamond())).ids).toEqual(["m", "s"]);
  });
});

describe("analyze report", () => {
  it("lists every product with its SPOF proofs, and the criticality and gap sections", () => {
    const r = analyzeReport(compact(regionHierarchy()));
    expect(r.products).toHaveLength(1);
    const p = r.products[0]!;
    expect(p.spofs.map((s) => s.id).sort()).toEqual(["asia", "c", "china", "de", "m", "s3", "us"]);
    for (const s of p.spofs) expect([s.path[0], s.path[s.path.length - 1]]).toEqual(["p", s.id]);
    expect(r.criticality.map((c) => c.id).sort()).toEqual(p.spofs.map((s) => s.id).sort());
    expect(r.criticalityRankedBy).toBe("count");
  });
  it("streams exactly the JSON of the report object", () => {
    for (const f of [regionHierarchy(), twoProducts(), alternates(), deepChain(50)]) {
      const g = compact(f);
      let text = "";
      writeAnalyzeReport(g, { top: 3 }, (chunk) => {
        text += chunk;
      });
      expect(text).toBe(JSON.stringify(analyzeReport(g, { top: 3 })));
    }
  });
  it("streams exactly the JSON of the report object when paths are shortened and ids need escaping", () => {
    const texts = (g: ReturnType<typeof compact>, options: { top: number; maxPathIds?: number }): [string, string] => {
      let text = "";
      writeAnalyzeReport(g, options, (chunk) => {
        text += chunk;
      });
      return [text, JSON.stringify(analyzeReport(g, options))];
    };
    const [streamed, object] = texts(compact(deepChain(600)), { top: 3, maxPathIds: 20_000 });
    expect(streamed).toContain('"pathTruncated":true');
    expect(streamed).toBe(object);
    // Ids outside the normalised alphabet (a store snapshot that slipped past validation): a quote,
    // a backslash, a control character, an astral character and a lone surrogate.
    const odd = ['q"uote', "back\\slash", "tab\tbed", "astral-\u{1F600}", "lone-\ud800"];
    const f = deepChain(3);
    const rename = new Map(f.nodes.filter((n) => n.kind !== "Product").map((n, i) => [n.id, odd[i % odd.length]! + i]));
    const renamed = {
      nodes: f.nodes.map((n) => ({ ...n, id: rename.get(n.id) ?? n.id })),
      edges: f.edges.map((e) => ({ ...e, from: rename.get(e.from) ?? e.from, to: rename.get(e.to) ?? e.to })),
    };
    const [oddStreamed, oddObject] = texts(compact(renamed), { top: 3 });
    expect(oddStreamed).toBe(oddObject);
    expect(JSON.parse(oddStreamed).products[0].spofs.length).toBeGreaterThan(3);
  });
  it("bounds proof paths on very deep graphs and marks the shortened ones", () => {
    const r = analyzeReport(compact(deepChain(3000)), { maxPathIds: 100_000 });
    const spofs = r.products[0]!.spofs;
    expect(spofs).toHaveLength(3002);
    const full = spofs.filter((s) => s.pathTruncated === undefined);
    const cut = spofs.filter((s) => s.pathTruncated === true);
    expect(full.length).toBeGreaterThan(400);
    expect(cut.length).toBeGreaterThan(0);
    expect(full[full.length - 1]!.path).toHaveLength(full.length + 1);
    expect(cut[0]!.path).toEqual(["p", full[full.length - 1]!.id, cut[0]!.id]);
  });
});
