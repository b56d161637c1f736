import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ChokepointError } from "@chokepoint/graph-schema";
import { sniffCsvKind } from "../../import/csv-file";
import { DEFAULT_IMPORT_LIMITS } from "../../import/limits";
import { fileError } from "../../import/problems";
import type { ImportFile, ImportFormat, ImportRequest } from "../../import/read-import";
import { ImportService } from "../../services/import-service";
import type { Command } from "../command";

const FORMATS: readonly ImportFormat[] = ["json", "csv-nodes", "csv-edges"];
const USAGE = "chokepoint import FILE [--format json|csv-nodes|csv-edges] [--edges EDGES.csv] [--json]";

/** Reads a file whole, refusing one over the cap from its size alone, before reading a byte. */
function readCapped(file: string, shown: string, maxBytes: number): ImportFile {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    throw new ChokepointError("NOT_FOUND", `cannot read ${shown}`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new ChokepointError("NOT_FOUND", `${shown} is not a file`);
    if (stat.size > maxBytes) throw fileError("FILE_TOO_LARGE", { file: shown }, `the file is ${stat.size} bytes; the limit is ${maxBytes}`);
    // One byte more than the cap, so a file growing while it is read is still caught.
    const buf = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let n = 0;
    for (let got = -1; got !== 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, null);
    if (n > maxBytes) throw fileError("FILE_TOO_LARGE", { file: shown }, `the file is larger than the limit of ${maxBytes} bytes`);
    return { content: buf.subarray(0, n), fileName: path.basename(file) };
  } finally {
    closeSync(fd);
  }
}

function formatOf(file: ImportFile, given: string | undefined): ImportFormat {
  if (given !== undefined) {
    if (!(FORMATS as readonly string[]).includes(given)) throw new ChokepointError("USAGE", `--format must be one of: ${FORMATS.join(", ")}`);
    return given as ImportFormat;
  }
  const ext = path.extname(file.fileName).toLowerCase();
  if (ext === ".json") return "json";
  if (ext === ".csv") return sniffCsvKind(file.content) === "edges" ? "csv-edges" : "csv-nodes";
  throw new ChokepointError("USAGE", `cannot tell the format of ${file.fileName} from its extension; pass --format ${FORMATS.join("|")}`);
}

export const importCommand: Command = {
  name: "import",
  summary: "validate a JSON or CSV file (or a nodes.csv + edges.csv pair) and merge it into the store, all or nothing",
  usage: USAGE,
  async run(args, ctx) {
    const { positionals, values } = parseArgs({
      args: [...args],
      options: { json: { type: "boolean" }, format: { type: "string" }, edges: { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new ChokepointError("USAGE", `usage: ${USAGE}`);
    const maxBytes = DEFAULT_IMPORT_LIMITS.maxBytes;
    const read = (p: string) => readCapped(path.resolve(ctx.cwd, p), p, maxBytes);
    const main = read(positionals[0]!);
    let request: ImportRequest;
    if (values.edges !== undefined) {
      if (values.format !== undefined && values.format !== "csv-nodes") throw new ChokepointError("USAGE", "--edges pairs a nodes CSV with an edges CSV; FILE must be the nodes CSV");
      request = { format: "csv", nodes: main, edges: read(values.edges) };
    } else {
      request = { format: formatOf(main, values.format), ...main };
    }
    const store = await ctx.openStore();
    try {
      const r = await new ImportService(store).importFile(request);
      const file = values.edges !== undefined ? `${positionals[0]} + ${values.edges}` : positionals[0]!;
      if (values.json) {
        ctx.stdout(`${JSON.stringify({ file, version: r.version, nodesUpserted: r.nodesUpserted, edgesUpserted: r.edgesUpserted, unchanged: r.unchanged })}\n`);
      } else {
        ctx.stdout(`imported ${file}: ${r.nodesUpserted} nodes and ${r.edgesUpserted} edges written, ${r.unchanged} unchanged; data version ${r.version}\n`);
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
