/**
 * `deriveInParallel` builds part of the analysis on a worker thread. The report must be exactly
 * the single-threaded one, and the worker must really run when the CLI runs compiled. The compiled
 * modules are used (`npm test` builds first): the worker script exists only there, and the memos
 * the worker fills belong to the compiled engine.
 */
import path from "node:path";
import { graphColumns } from "@chokepoint/graph-schema";
import { generateSupplyGraph } from "../../scripts/synthetic/generate";
import { randomGraph } from "../analysis/random-graph";

type Engine = typeof import("../../server/src/analysis");
type Parallel = typeof import("../../server/src/cli/parallel-derivations");
const DIST = path.resolve(__dirname, "..", "..", "server", "dist");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const engine = require(path.join(DIST, "analysis")) as Engine;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { deriveInParallel } = require(path.join(DIST, "cli", "parallel-derivations")) as Parallel;

async function parallelReport(graph: { nodes: Parameters<typeof graphColumns>[0]; edges: Parameters<typeof graphColumns>[1] }): Promise<{ text: string; worked: boolean }> {
  const g = engine.compact({ ...graph, columns: graphColumns(graph.nodes, graph.edges) });
  const worked = await deriveInParallel(g, 0);
  let text = "";
  engine.writeAnalyzeReport(g, {}, (chunk) => (text += chunk));
  return { text, worked };
}

describe("analysis derived on two threads", () => {
  it("starts no worker for a graph smaller than the threshold", async () => {
    const graph = randomGraph(1);
    expect(await deriveInParallel(engine.compact(graph))).toBe(false);
  });

  it("writes exactly the single-threaded report on a synthetic supply graph, with the worker doing its share", async () => {
    const graph = generateSupplyGraph({ nodes: 20_000, seed: 11 });
    const { text, worked } = await parallelReport(graph);
    expect(worked).toBe(true);
    expect(text).toBe(JSON.stringify(engine.analyzeReport(engine.compact(graph))));
  });

  it("writes exactly the single-threaded report on random graphs with groups, cycles and non-stated edges", async () => {
    for (let seed = 1; seed <= 25; seed++) {
      const graph = randomGraph(seed);
      const { text, worked } = await parallelReport(graph);
      expect(worked).toBe(true);
      expect(text).toBe(JSON.stringify(engine.analyzeReport(engine.compact(graph))));
    }
  });
});
