/**
 * Writes a synthetic supply graph as an interchange file, e.g. for `chokepoint analyze --graph`:
 *   node scripts/dist/scripts/synthetic/cli.js --nodes 1e6 [--seed 1] --out /tmp/synthetic-1m.json
 */
import { parseArgs } from "node:util";
import { generateSupplyGraph } from "./generate";
import { writeInterchange } from "./write";

function main(): void {
  const { values } = parseArgs({ options: { nodes: { type: "string", default: "1e4" }, seed: { type: "string" }, out: { type: "string" } }, strict: true });
  const nodes = Number(values.nodes);
  if (!Number.isFinite(nodes) || nodes < 1) throw new Error("--nodes must be a positive number, e.g. 1e6");
  if (values.out === undefined) throw new Error("--out FILE is required");
  const graph = generateSupplyGraph({ nodes, ...(values.seed !== undefined && { seed: Number(values.seed) }) });
  const bytes = writeInterchange(graph, values.out);
  process.stdout.write(
    `wrote ${values.out}: ${graph.nodes.length} nodes, ${graph.edges.length} edges, ${(bytes / 1e6).toFixed(1)} MB; flagship products ${graph.flagships.slice(0, 3).join(", ")}; country ${graph.country}\n`,
  );
}

main();
