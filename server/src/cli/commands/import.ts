import path from "node:path";
import { parseArgs } from "node:util";
import { ChokepointError } from "@chokepoint/graph-schema";
import { readInterchangeFile } from "../../import/read-interchange-file";
import type { Command } from "../command";

export const importCommand: Command = {
  name: "import",
  summary: "validate an interchange JSON file and merge it into the store, all or nothing",
  usage: "chokepoint import FILE [--json]",
  async run(args, ctx) {
    const { positionals, values } = parseArgs({ args: [...args], options: { json: { type: "boolean" } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new ChokepointError("USAGE", `usage: ${importCommand.usage}`);
    const file = path.resolve(ctx.cwd, positionals[0]!);
    // Validation happens in full before the store is opened, so a bad file never touches it.
    const graph = readInterchangeFile(file);
    const store = await ctx.openStore();
    try {
      const result = await store.importGraph(graph);
      if (values.json) ctx.stdout(`${JSON.stringify({ file: positionals[0], ...result })}\n`);
      else {
        ctx.stdout(
          `imported ${positionals[0]}: ${result.nodesUpserted} nodes and ${result.edgesUpserted} edges written, ${result.unchanged} unchanged; data version ${result.version}\n`,
        );
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
