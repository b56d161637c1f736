import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ChokepointError, FLAGS, isFlag, isNodeKind, NODE_KINDS } from "@chokepoint/graph-schema";
import { EXPORT_FORMATS, ExportService, type ExportFormat, type ExportRequestFilter } from "../../services/export-service";
import type { Command } from "../command";

const USAGE =
  "chokepoint export [--format json|csv|csv-nodes|csv-edges|graphml] [--out FILE_OR_DIR] [--kind K] [--category C] [--flag F] [--region ID] [--focus ID]";
const FORMATS = [...EXPORT_FORMATS, "csv"] as const;
/** Pieces are gathered into writes of about this size. */
const WRITE_BYTES = 1 << 20;

/** Writes pieces to a temp file beside `target`, then renames it over: readers of `target` never
 *  see half an export. */
function writeAtomically(target: string, parts: Iterable<string>): void {
  const temp = `${target}.${process.pid}.tmp`;
  const fd = openSync(temp, "w");
  try {
    drain(parts, (s) => void writeSync(fd, s));
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw e;
  }
  closeSync(fd);
  renameSync(temp, target);
}

function drain(parts: Iterable<string>, write: (s: string) => void): void {
  let buffer: string[] = [];
  let size = 0;
  for (const p of parts) {
    buffer.push(p);
    size += p.length;
    if (size >= WRITE_BYTES) {
      write(buffer.join(""));
      buffer = [];
      size = 0;
    }
  }
  if (buffer.length > 0) write(buffer.join(""));
}

export const exportCommand: Command = {
  name: "export",
  summary: "write the stored graph (or part of it) as interchange JSON, CSV or GraphML",
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: {
        format: { type: "string", default: "json" },
        out: { type: "string" },
        kind: { type: "string" },
        category: { type: "string" },
        flag: { type: "string" },
        region: { type: "string" },
        focus: { type: "string" },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 0) throw new ChokepointError("USAGE", `usage: ${USAGE}`);
    const format = values.format!;
    if (!(FORMATS as readonly string[]).includes(format)) throw new ChokepointError("USAGE", `--format must be one of: ${FORMATS.join(", ")}`);
    if (values.kind !== undefined && !isNodeKind(values.kind)) throw new ChokepointError("USAGE", `--kind must be one of: ${NODE_KINDS.join(", ")}`);
    if (values.flag !== undefined && !isFlag(values.flag)) throw new ChokepointError("USAGE", `--flag must be one of: ${FLAGS.join(", ")}`);
    if (format === "csv" && values.out === undefined) throw new ChokepointError("USAGE", "--format csv writes nodes.csv and edges.csv; give a directory with --out");
    const filter: ExportRequestFilter = {
      ...(isNodeKind(values.kind) && { kind: values.kind }),
      ...(isFlag(values.flag) && { flag: values.flag }),
      ...(values.category !== undefined && { category: values.category }),
      ...(values.region !== undefined && { region: values.region }),
      ...(values.focus !== undefined && { focus: values.focus }),
    };
    const store = await ctx.openStore();
    try {
      const exports = new ExportService(store);
      if (format === "csv") {
        const dir = path.resolve(ctx.cwd, values.out!);
        mkdirSync(dir, { recursive: true });
        writeAtomically(path.join(dir, "nodes.csv"), await exports.chunks("csv-nodes", filter));
        writeAtomically(path.join(dir, "edges.csv"), await exports.chunks("csv-edges", filter));
        ctx.stderr(`wrote ${path.join(values.out!, "nodes.csv")} and ${path.join(values.out!, "edges.csv")}\n`);
        return 0;
      }
      const parts = await exports.chunks(format as ExportFormat, filter);
      if (values.out === undefined) drain(parts, ctx.stdout);
      else {
        writeAtomically(path.resolve(ctx.cwd, values.out), parts);
        ctx.stderr(`wrote ${values.out}\n`);
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
