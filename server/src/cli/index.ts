import "reflect-metadata";
import { isChokepointError } from "@chokepoint/graph-schema";
import { cliContext } from "../main";
import type { CliContext, Command } from "./command";
import { COMMANDS } from "./commands";
import { fdWriter } from "./fd-writer";

function help(ctx: CliContext): number {
  ctx.stdout("usage: chokepoint <command> [options]\n\ncommands:\n");
  for (const c of COMMANDS) ctx.stdout(`  ${c.name.padEnd(10)} ${c.summary}\n`);
  ctx.stdout("\nRun `chokepoint <command> --help` for a command's options. Configuration comes from the environment; see the README.\n");
  return 0;
}

/** Runs one command and returns its exit code; every error becomes one line on stderr. */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") return help(ctx);
  const command: Command | undefined = COMMANDS.find((c) => c.name === name);
  if (!command) {
    ctx.stderr(`chokepoint: USAGE: unknown command "${name}"; run \`chokepoint help\`\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    ctx.stdout(`usage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, ctx);
  } catch (e) {
    if (e instanceof TypeError && (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      ctx.stderr(`chokepoint: USAGE: ${e.message}; usage: ${command.usage}\n`);
      return 2;
    }
    if (isChokepointError(e)) {
      ctx.stderr(`chokepoint: ${e.code}: ${e.message}\n`);
      for (const p of e.problems.slice(0, 50)) {
        const where = p.row !== undefined ? `row ${p.row}${p.column ? `, column ${p.column}` : ""}` : p.path;
        ctx.stderr(`  ${p.code} at ${where}: ${p.message}\n`);
      }
      if (e.problems.length > 50) ctx.stderr(`  … and ${e.problems.length - 50} more\n`);
      return e.code === "USAGE" ? 2 : 1;
    }
    ctx.stderr(`chokepoint: INTERNAL: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

/** The bin's entry point. */
export function main(argv: readonly string[]): void {
  process.on("unhandledRejection", (reason) => {
    process.stderr.write(`chokepoint: INTERNAL: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`);
    process.exit(1);
  });
  // Assigned, not spread: the context has lazy getters (configuration is read only when used).
  const ctx: CliContext = Object.assign(cliContext(), { stdoutBytes: fdWriter(1) });
  runCli(argv, ctx).then(
    (code) => {
      // `serve` keeps the process alive by its open server; every other command ends here.
      if (code !== 0 || argv[0] !== "serve") process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`chokepoint: INTERNAL: ${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
