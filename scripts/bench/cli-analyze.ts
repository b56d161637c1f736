/**
 * `chokepoint analyze --graph FILE --json` as a user runs it: the synthetic graph is written to a
 * temporary interchange file and the built CLI runs in its own process with `--timings`, so the
 * figures are the CLI's own phases — reading (read + JSON.parse), then everything beyond reading
 * (validation, compact, analysis, writing the report), which DESIGN's budget is about.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, openSync, closeSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { GraphEdge, GraphNode } from "@chokepoint/graph-schema";
import { writeInterchange } from "../synthetic/write";
import { REPO_ROOT } from "./api";

const BIN = path.join(REPO_ROOT, "server", "bin", "chokepoint.js");

export interface CliPhase {
  readonly name: string;
  readonly wallMs: number;
  readonly cpuMs: number;
}

export interface CliRun {
  readonly fileMb: number;
  readonly reportMb: number;
  readonly phases: readonly CliPhase[];
  /** Peak resident memory of the CLI process (MB), as it reports it. */
  readonly peakRssMb: number;
  /** Wall time of the whole process, start-up included. */
  readonly wallMs: number;
}

/** Runs the CLI on `graph` written as a file; throws when the CLI fails. */
export function runAnalyzeCli(graph: { readonly nodes: readonly GraphNode[]; readonly edges: readonly GraphEdge[] }): CliRun {
  const dir = mkdtempSync(path.join(tmpdir(), "chokepoint-bench-"));
  try {
    const file = path.join(dir, "graph.json");
    const out = path.join(dir, "report.json");
    const bytes = writeInterchange(graph, file);
    const fd = openSync(out, "w");
    const t0 = performance.now();
    let r;
    try {
      r = spawnSync(process.execPath, [BIN, "analyze", "--graph", file, "--json", "--timings"], { stdio: ["ignore", fd, "pipe"], encoding: "utf8", maxBuffer: 1 << 24 });
    } finally {
      closeSync(fd);
    }
    const wallMs = performance.now() - t0;
    if (r.status !== 0) throw new Error(`chokepoint analyze exited with ${r.status}: ${r.stderr}`);
    const line = r.stderr.split("\n").find((l) => l.startsWith('{"timings"'));
    if (line === undefined) throw new Error(`chokepoint analyze printed no timings: ${r.stderr}`);
    const { timings, peakRssMb } = JSON.parse(line) as { timings: CliPhase[]; peakRssMb: number };
    return { fileMb: bytes / 1e6, reportMb: statSync(out).size / 1e6, phases: timings, peakRssMb, wallMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
