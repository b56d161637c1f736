import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ChokepointError, validateInterchange } from "@chokepoint/graph-schema";
import { formatSummary, runExtraction, SEED_GRAPH_FILE, serializeGraph } from "../../extract";
import type { Command } from "../command";

export const extractCommand: Command = {
  name: "extract",
  summary: "extract the seed supply graph from the five source texts and the lexicon",
  usage: "chokepoint extract [--check] [--json]",
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { check: { type: "boolean" }, json: { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 0) throw new ChokepointError("USAGE", `usage: ${extractCommand.usage}`);
    const result = runExtraction(ctx.seedsDir);
    const { problems } = validateInterchange(result.graph);
    if (problems.length > 0) {
      throw new ChokepointError("VALIDATION_FAILED", `the extracted graph does not validate: ${problems[0]!.path}: ${problems[0]!.message}`, { problems });
    }
    const text = serializeGraph(result.graph);
    const file = path.join(ctx.seedsDir, SEED_GRAPH_FILE);
    const shown = path.relative(ctx.cwd, file) || file;
    let upToDate: boolean | undefined;
    if (values.check) {
      upToDate = existsSync(file) && readFileSync(file, "utf8") === text;
    } else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    if (values.json) {
      ctx.stdout(`${JSON.stringify({ file: shown, ...(values.check ? { upToDate } : { written: true }), ...result.summary })}\n`);
    } else {
      ctx.stdout(formatSummary(result.summary));
      if (!values.check) ctx.stderr(`wrote ${shown}\n`);
      else if (upToDate) ctx.stderr(`${shown} is up to date\n`);
    }
    if (values.check && !upToDate) {
      ctx.stderr(`${shown} differs from a fresh extraction: run \`chokepoint extract\` and commit the result\n`);
      return 1;
    }
    return 0;
  },
};
