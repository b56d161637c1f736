import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startImportChild } from "./children/run-child";
import { syntheticCsv } from "./synthetic-csv";

/**
 * DESIGN §7 budget: embedded import ≥ 50k rows/s. Printed, never asserted (timings on shared
 * machines drift). Measured in a child process on the compiled server, as `chokepoint import`
 * runs; the baseline is the cheapest possible pass over the same text (split into lines and
 * cells), measured in the same run, so the ratio survives a busy machine better than the rate.
 */
describe("import throughput", () => {
  it("imports a 100k-row CSV pair into the embedded store and prints rows/s", async () => {
    const NODES = 40_000;
    const EDGES = 60_000;
    const dir = mkdtempSync(path.join(os.tmpdir(), "chokepoint-throughput-"));
    try {
      const { nodes, edges } = syntheticCsv(NODES, EDGES);
      writeFileSync(path.join(dir, "nodes.csv"), nodes);
      writeFileSync(path.join(dir, "edges.csv"), edges);
      const start = performance.now();
      let cells = 0;
      for (const text of [nodes, edges]) for (const line of text.split("\n")) cells += line.split(",").length;
      const baselineMs = performance.now() - start;

      const run = startImportChild(path.join(dir, "data"), path.join(dir, "nodes.csv"), path.join(dir, "edges.csv"));
      const imported = await run.on("imported");
      expect(imported.result).toMatchObject({ nodesUpserted: NODES, edgesUpserted: EDGES });
      expect((await run.exited).code).toBe(0);
      const rows = NODES + EDGES;
      const ms = imported.ms!;
      process.stdout.write(
        `import throughput: ${rows} rows in ${ms.toFixed(0)} ms wall (${imported.cpuMs!.toFixed(0)} ms CPU) = ${Math.round(rows / (ms / 1000))} rows/s ` +
          `(${Math.round(rows / (imported.cpuMs! / 1000))} rows per CPU-second; target ≥ 50000); baseline split of the same text (${cells} cells) ${baselineMs.toFixed(0)} ms, ratio ${(ms / baselineMs).toFixed(1)}×\n`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
