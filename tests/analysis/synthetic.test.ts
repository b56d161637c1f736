/** The synthetic generator (used by the benchmark) and engine invariants on a mid-sized graph. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { validateInterchange } from "@chokepoint/graph-schema";
import { analyzeReport, compact, criticality, cutSets, scenario, spofs, writeAnalyzeReport } from "../../server/src/analysis";
import { generateSupplyGraph } from "../../scripts/synthetic/generate";
import { writeInterchange } from "../../scripts/synthetic/write";

describe("synthetic supply graphs", () => {
  const graph = generateSupplyGraph({ nodes: 5000, seed: 7 });

  it("are deterministic for a seed and have about three edges per node", () => {
    const again = generateSupplyGraph({ nodes: 5000, seed: 7 });
    expect(JSON.stringify(again.edges)).toBe(JSON.stringify(graph.edges));
    expect(graph.nodes.length).toBe(5000);
    expect(graph.edges.length / graph.nodes.length).toBeGreaterThan(2.5);
    const kinds = new Set(graph.nodes.map((n) => n.kind));
    expect([...kinds].sort()).toEqual(["Component", "Material", "Product", "Region", "Supplier"]);
    expect(graph.edges.some((e) => e.group !== undefined)).toBe(true);
  });

  it("write valid interchange files", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "chokepoint-synthetic-"));
    try {
      const file = path.join(dir, "g.json");
      writeInterchange(graph, file);
      const { graph: read, problems } = validateInterchange(JSON.parse(readFileSync(file, "utf8")));
      expect(problems).toEqual([]);
      expect(read!.nodes).toHaveLength(graph.nodes.length);
      expect(read!.edges).toHaveLength(graph.edges.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rank criticality exactly as a plain comparator sort would", () => {
    const g = compact(graph);
    const entries = criticality(g).entries;
    const position = new Map(graph.nodes.map((n, i) => [n.id, i]));
    const resorted = [...entries].sort((a, b) => b.value - a.value || b.count - a.count || position.get(a.id)! - position.get(b.id)!);
    expect(entries.map((e) => e.id)).toEqual(resorted.map((e) => e.id));
    expect(entries.length).toBeGreaterThan(100);
  });

  it("agree between the report, the per-product answers, scenarios and cut sets", () => {
    const g = compact(graph);
    const report = analyzeReport(g, { top: 10 });
    let streamed = "";
    writeAnalyzeReport(g, { top: 10 }, (chunk) => {
      streamed += chunk;
    });
    expect(streamed).toBe(JSON.stringify(report));
    const product = report.products.find((p) => p.spofs.length > 3)!;
    expect(spofs(g, product.id).spofs.map((s) => s.id)).toEqual(product.spofs.map((s) => s.id));
    // Failing any SPOF disables the product, and the scenario's explanation is no longer than the proof.
    for (const s of product.spofs.slice(0, 5)) {
      const d = scenario(g, [s.id]).disabled.find((x) => x.id === product.id)!;
      expect(d.explanation.length).toBeLessThanOrEqual(s.path.length);
    }
    // Failing both members of a cut pair disables the product; failing one does not.
    const cuts = cutSets(g, graph.flagships[0]!, { limit: 20 });
    for (const c of cuts.pairs.slice(0, 5)) {
      expect(scenario(g, [...c.ids]).disabled.map((d) => d.id)).toContain(cuts.product);
      expect(scenario(g, [c.ids[0]]).disabled.map((d) => d.id)).not.toContain(cuts.product);
    }
  });
});
