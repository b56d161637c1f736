import { readFileSync } from "node:fs";
import { ChokepointError, validateInterchange, type GraphColumns, type InterchangeGraph } from "@chokepoint/graph-schema";

/** Reads and validates an interchange file (the seed graph, or `--graph FILE`). */
export function readInterchangeFile(file: string): InterchangeGraph {
  return readGraphFile(file).graph;
}

/** `readInterchangeFile`, with the edges as columns, as validation resolved them (for `compact`). */
export function readGraphFile(file: string): { graph: InterchangeGraph; columns: GraphColumns } {
  return validateGraphDocument(readJsonFile(file), file);
}

/** A graph file given as bytes, parsed and validated in full: JSON_INVALID, or VALIDATION_FAILED
 *  with every problem. */
export function validateGraphBytes(bytes: Uint8Array, file: string): { graph: InterchangeGraph; columns: GraphColumns } {
  return validateGraphDocument(parseJson(textOf(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), file), file), file);
}

/** The parsed JSON of a file (NOT_FOUND, JSON_INVALID). The first half of `readGraphFile`. */
function readJsonFile(file: string): unknown {
  // The text is only an argument of parseJson, so it can be collected while the parsed document is
  // validated (a million-node file is hundreds of MB of text).
  return parseJson(readText(file), file);
}

/** A parsed interchange document, validated (VALIDATION_FAILED, with every problem). The second
 *  half of `readGraphFile`. */
function validateGraphDocument(doc: unknown, file: string): { graph: InterchangeGraph; columns: GraphColumns } {
  const { graph, columns, problems } = validateInterchange(doc);
  if (!graph || !columns) throw new ChokepointError("VALIDATION_FAILED", `${file} is not a valid chokepoint/graph file`, { problems });
  return { graph, columns };
}

function readText(file: string): string {
  // Same text as readFileSync(file, "utf8") (invalid bytes become U+FFFD either way), but on Node
  // 20 reading the bytes and then decoding them measured about 40% less CPU for large files.
  return textOf(readBytes(file), file);
}

/** The bytes as UTF-8 text; FILE_TOO_LARGE when the text is longer than a JavaScript string can
 *  be (about 512 MB). A larger file in plain form can still be analysed (`readAnalysisGraph`
 *  decodes only what precedes its edges). */
export function textOf(bytes: Buffer, file: string): string {
  try {
    return bytes.toString("utf8");
  } catch (e) {
    if ((e as { code?: unknown }).code !== "ERR_STRING_TOO_LONG") throw e;
    throw new ChokepointError("FILE_TOO_LARGE", `${file} is too large to read as one text (${Math.round(bytes.length / 1e6)} MB)`);
  }
}

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    throw new ChokepointError("NOT_FOUND", `cannot read ${file}`);
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ChokepointError("JSON_INVALID", `${file} is not valid JSON`);
  }
}
