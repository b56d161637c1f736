import { parseArgs } from "node:util";
import { ChokepointError } from "@chokepoint/graph-schema";
import { scenarioReport, type ScenarioReport } from "../../analysis";
import type { Command } from "../command";
import { loadGraph } from "./analyze";

export const scenarioCommand: Command = {
  name: "scenario",
  summary: "what if these nodes fail: every disabled product with a shortest explanation",
  usage: "chokepoint scenario --fail ID[,ID…] [--fail ID …] [--graph FILE] [--json]",
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { fail: { type: "string", multiple: true }, graph: { type: "string" }, json: { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 0) throw new ChokepointError("USAGE", `usage: ${scenarioCommand.usage}`);
    const fail = (values.fail ?? []).flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");
    if (fail.length === 0) throw new ChokepointError("USAGE", `--fail needs at least one node id; usage: ${scenarioCommand.usage}`);
    const g = await loadGraph(values.graph, ctx);
    const report = scenarioReport(g, fail);
    ctx.stdout(values.json ? `${JSON.stringify(report)}\n` : summarize(report));
    return 0;
  },
};

function summarize(r: ScenarioReport): string {
  const lines: string[] = [`failing: ${r.failed.join(", ")}`];
  const u = r.unavailable;
  lines.push(`unavailable: ${u.Product} products, ${u.Component} components, ${u.Material} materials, ${u.Supplier} suppliers, ${u.Region} regions`);
  lines.push("", `disabled products (${r.disabled.length}):`);
  for (const d of r.disabled) {
    lines.push(`  ${d.id}${d.inferred ? " (rests on non-stated edges)" : ""}: ${d.explanation.join(" → ")}`);
    for (const s of d.steps) lines.push(`    - ${s.text}`);
    const t = d.time;
    if (t.surviveDays !== null || t.recoverDays !== null) {
      const verdict = t.exposed === null ? "" : t.exposed ? `: EXPOSED for ${t.gapDays} days` : ": covered";
      lines.push(`    survive ${t.surviveDays ?? "?"} days vs recover ${t.recoverDays ?? "?"} days${verdict}`);
    }
  }
  lines.push("", `still available: ${r.available.length} products`);
  return `${lines.join("\n")}\n`;
}
