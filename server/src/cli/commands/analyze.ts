import path from "node:path";
import { parseArgs } from "node:util";
import { ChokepointError } from "@chokepoint/graph-schema";
import { analyzeReport, compact, writeAnalyzeReport, writeAnalyzeReportBytes, type AnalyzeReport, type CompactGraph } from "../../analysis";
import { readAnalysisGraph } from "../../import/read-analysis-graph";
import type { CliContext, Command } from "../command";
import { deriveInParallel } from "../parallel-derivations";
import { PhaseTimer } from "../phase-timer";

const NEWLINE = Uint8Array.of(0x0a);

/**
 * The graph to analyse: an interchange file (`--graph FILE`, validated, no store involved) or the
 * configured store's current snapshot. `timer` (for `--timings`) gets a mark after each phase.
 */
export async function loadGraph(file: string | undefined, ctx: CliContext, timer?: PhaseTimer): Promise<CompactGraph> {
  if (file !== undefined) {
    const graph = await readAnalysisGraph(path.resolve(ctx.cwd, file), (phase) => timer?.mark(phase));
    // The file's `version` is its format version, not a data version: only nodes and edges go in.
    const g = compact(graph);
    timer?.mark("compact");
    return g;
  }
  const store = await ctx.openStore();
  try {
    const snapshot = await store.snapshot();
    timer?.mark("snapshot");
    const g = compact(snapshot);
    timer?.mark("compact");
    return g;
  } finally {
    await store.close();
  }
}

/** A whole number ≥ 0 given as an option value, or USAGE. */
export function countOption(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n)) throw new ChokepointError("USAGE", `--${name} must be a whole number ≥ 0`);
  return n;
}

export const analyzeCommand: Command = {
  name: "analyze",
  summary: "SPOFs per product (with proofs), criticality, mapping gaps and risk, for the store or a file",
  usage: "chokepoint analyze [--graph FILE] [--json] [--top N] [--timings]",
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { graph: { type: "string" }, json: { type: "boolean" }, top: { type: "string" }, timings: { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 0) throw new ChokepointError("USAGE", `usage: ${analyzeCommand.usage}`);
    const top = countOption(values.top, "top", 100);
    const timer = values.timings ? new PhaseTimer() : undefined;
    const g = await loadGraph(values.graph, ctx, timer);
    // Part of the analysis on a second thread; the report is the same either way.
    await deriveInParallel(g);
    timer?.mark("derive");
    if (values.json) {
      // Streamed: on a 10^6-node graph the report has millions of entries (hundreds of
      // megabytes), best written as bytes where the context takes them.
      if (ctx.stdoutBytes !== undefined) {
        writeAnalyzeReportBytes(g, { top }, ctx.stdoutBytes);
        ctx.stdoutBytes(NEWLINE);
      } else {
        writeAnalyzeReport(g, { top }, ctx.stdout);
        ctx.stdout("\n");
      }
    } else ctx.stdout(summarize(analyzeReport(g, { top })));
    timer?.mark("report");
    if (timer) ctx.stderr(timer.toJsonLine());
    return 0;
  },
};

/** A short, human-readable digest of the report (the JSON has everything). */
function summarize(r: AnalyzeReport): string {
  const lines: string[] = [];
  lines.push(`graph: ${r.graph.nodes} nodes, ${r.graph.edges} edges${r.graph.version !== null ? `, data version ${r.graph.version}` : ""}`);
  for (const f of r.findings) lines.push(`finding ${f.code}: ${f.message}`);
  lines.push("", `products (${r.products.length}):`);
  for (const p of r.products) {
    const name = [p.name.zh, p.name.en].filter(Boolean).join(" / ");
    const gaps = p.mappingGaps > 0 ? `; ${p.mappingGaps} of ${p.items} items unmapped` : "";
    lines.push(`  ${p.id}${name ? ` (${name})` : ""}: ${p.spofs.length} SPOF${p.spofs.length === 1 ? "" : "s"}${gaps}`);
    for (const s of p.spofs.slice(0, 10)) lines.push(`    ${s.id} [${s.kind}]${s.inferred ? " (rests on non-stated edges)" : ""}: ${s.path.join(" → ")}`);
    if (p.spofs.length > 10) lines.push(`    … ${p.spofs.length - 10} more (see --json)`);
  }
  lines.push("", `most critical (by ${r.criticalityRankedBy === "annualValue" ? "annual value at risk" : "products"}):`);
  for (const c of r.criticality.slice(0, 15)) {
    lines.push(`  ${c.id} [${c.kind}]: SPOF of ${c.count} product${c.count === 1 ? "" : "s"}${r.criticalityRankedBy === "annualValue" ? `, value ${c.value}` : ""}`);
  }
  lines.push("", `mapping gaps (${r.mappingGaps.length}): ${r.mappingGaps.slice(0, 30).join(", ")}${r.mappingGaps.length > 30 ? ", …" : ""}`);
  lines.push(`sole-source items: ${r.soleSource.length}; single-region items: ${r.singleRegion.length}`);
  return `${lines.join("\n")}\n`;
}
