import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ChokepointError } from "@chokepoint/graph-schema";
import type { Command } from "../command";

const FORMATS = ["json"] as const;

export const exportCommand: Command = {
  name: "export",
  summary: "write the stored graph as an interchange file",
  usage: "chokepoint export [--format json] [--out FILE]",
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { format: { type: "string", default: "json" }, out: { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 0) throw new ChokepointError("USAGE", `usage: ${exportCommand.usage}`);
    if (!(FORMATS as readonly string[]).includes(values.format!)) {
      throw new ChokepointError("USAGE", `--format must be one of: ${FORMATS.join(", ")}`);
    }
    const store = await ctx.openStore();
    try {
      const text = `${JSON.stringify(await store.exportGraph(), null, 2)}\n`;
      if (values.out === undefined) ctx.stdout(text);
      else {
        writeFileSync(path.resolve(ctx.cwd, values.out), text);
        ctx.stderr(`wrote ${values.out}\n`);
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
