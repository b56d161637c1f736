/**
 * `chokepoint analyze --timings` reports where the time went (one JSON line on stderr) without
 * changing what it writes to stdout. It also drives the worker thread on a graph big enough to
 * use one, so the real CLI's two-thread path is checked end to end.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateSupplyGraph } from "../../scripts/synthetic/generate";
import { writeInterchange } from "../../scripts/synthetic/write";
import { analyzeReport, compact } from "../../server/src/analysis";
import { MIN_PARALLEL_NODES } from "../../server/src/cli/parallel-derivations";
import { readGraphFile } from "../../server/src/import/read-interchange-file";
import { BIN, ROOT } from "./run-cli";

function analyze(file: string, extra: readonly string[]): { status: number | null; stdout: Buffer; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, "analyze", "--graph", file, "--json", ...extra], { cwd: ROOT, timeout: 120_000, maxBuffer: 1 << 30 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString("utf8") };
}

describe("analyze --timings", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "chokepoint-timings-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints each phase's wall and CPU time and leaves the report unchanged, on a graph analysed on two threads", () => {
    const file = path.join(dir, "graph.json");
    const graph = generateSupplyGraph({ nodes: MIN_PARALLEL_NODES, seed: 3 });
    writeInterchange(graph, file);
    const plain = analyze(file, []);
    // What one thread computes in this process: the CLI's two threads must give exactly this.
    const { nodes, edges } = readGraphFile(file).graph;
    const expected = `${JSON.stringify(analyzeReport(compact({ nodes, edges })))}\n`;
    expect(plain.stdout.toString("utf8") === expected).toBe(true); // not toBe(expected): megabytes of diff
    const timed = analyze(file, ["--timings"]);
    expect(plain.status).toBe(0);
    expect(timed.status).toBe(0);
    expect(plain.stderr).toBe("");
    expect(timed.stdout.equals(plain.stdout)).toBe(true);
    const line = JSON.parse(timed.stderr.trim()) as { timings: { name: string; wallMs: number; cpuMs: number }[]; peakRssMb: number };
    expect(line.timings.map((p) => p.name)).toEqual(["read", "validate", "compact", "derive", "report"]);
    for (const p of line.timings) {
      expect(p.wallMs).toBeGreaterThanOrEqual(0);
      expect(p.cpuMs).toBeGreaterThanOrEqual(0);
    }
    expect(line.peakRssMb).toBeGreaterThan(0);
  });
});
