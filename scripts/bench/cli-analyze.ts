/**
 * `chokepoint analyze --graph FILE --json` as a user runs it: the synthetic graph is written to a
 * temporary interchange file and the built CLI runs in its own process with `--timings`. "Beyond
 * reading the file" (DESIGN's budget, via the issue) is measured against a baseline run in the
 * same rounds: a process that only reads the same file the usual way, JSON.parse of its text.
 * The CLI itself does not parse the whole file (it reads a plain file's edges straight from the
 * bytes), so its own phases cannot separate "reading" from the rest; the two processes can.
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
  /** The CLI's phases (its `--timings`). */
  readonly phases: readonly CliPhase[];
  /** Peak resident memory of the CLI process (MB), as it reports it. */
  readonly peakRssMb: number;
  /** Wall time of the whole process, start-up included. */
  readonly wallMs: number;
}

/** The baseline: a process that reads the file and JSON.parses it, nothing else. */
export interface ReaderRun {
  readonly wallMs: number;
  readonly cpuMs: number;
}

export interface CliRounds {
  readonly fileMb: number;
  readonly reportMb: number;
  /** Alternating runs: reader, CLI, reader, CLI, … */
  readonly rounds: readonly { readonly reader: ReaderRun; readonly cli: CliRun }[];
}

/** What the baseline process runs: read the file as text, parse it, print its own CPU time. */
const READER = 'const t=JSON.parse(require("fs").readFileSync(process.argv[1]).toString("utf8"));const c=process.cpuUsage();console.log(JSON.stringify({cpuMs:(c.user+c.system)/1000,items:t.nodes.length+t.edges.length}))';

/** Runs the baseline reader and the CLI on `graph` written as a file, alternately, `rounds` times;
 *  throws when either fails. */
export function runAnalyzeCli(graph: { readonly nodes: readonly GraphNode[]; readonly edges: readonly GraphEdge[] }, rounds: number): CliRounds {
  const dir = mkdtempSync(path.join(tmpdir(), "chokepoint-bench-"));
  try {
    const file = path.join(dir, "graph.json");
    const out = path.join(dir, "report.json");
    const bytes = writeInterchange(graph, file);
    const runs: { reader: ReaderRun; cli: CliRun }[] = [];
    for (let k = 0; k < rounds; k++) runs.push({ reader: runReader(file), cli: runCli(file, out) });
    return { fileMb: bytes / 1e6, reportMb: statSync(out).size / 1e6, rounds: runs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runReader(file: string): ReaderRun {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["-e", READER, file], { encoding: "utf8" });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`the baseline reader exited with ${r.status}: ${r.stderr}`);
  return { wallMs, cpuMs: (JSON.parse(r.stdout) as { cpuMs: number }).cpuMs };
}

function runCli(file: string, out: string): CliRun {
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
  return { phases: timings, peakRssMb, wallMs };
}
