import {
  ChokepointError,
  INTERCHANGE_FORMAT,
  INTERCHANGE_VERSION,
  isChokepointError,
  normalizeId,
  validateInterchange,
  type SourceDocument,
} from "@chokepoint/graph-schema";
import { decodeText, lineOf } from "./decode-text";
import { jsonErrorOffset } from "./json-error-offset";
import type { ParsedImport } from "./import-items";
import { readJsonEdge, readJsonNode } from "./json-items";
import { scanJson } from "./json-scan";
import type { ImportLimits } from "./limits";
import { fileError, type ProblemList } from "./problems";

const ROOT_FIELDS = new Set(["format", "version", "documents", "nodes", "edges"]);

/** Decoding faults of a JSON file are JSON_INVALID (RFC 8259 §8.1: JSON text is UTF-8); the
 *  problem inside still says ENCODING_INVALID and names the line. */
function decodeJson(content: Buffer | string, file: string, limits: ImportLimits): string {
  try {
    return decodeText(content, { file, maxBytes: limits.maxBytes, rowOf: lineOf });
  } catch (e) {
    if (isChokepointError(e) && e.code === "ENCODING_INVALID") throw new ChokepointError("JSON_INVALID", `${file} is not JSON: ${e.problems[0]?.message ?? "not UTF-8 text"}`, { problems: e.problems });
    throw e;
  }
}

function parse(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // V8's message may quote file content and often lacks a position, so locate the fault here.
    const at = jsonErrorOffset(text);
    const before = text.slice(0, at);
    const line = lineOf(before);
    const column = at - before.lastIndexOf("\n");
    const what = at >= text.length ? "it ends too early" : `unexpected ${JSON.stringify(text[at])} at line ${line}, column ${column}`;
    throw fileError("JSON_INVALID", { file, row: line }, `the file is not valid JSON: ${what}`);
  }
}

/** Reads an interchange document (DESIGN §4) into validated items: every node and edge on its own,
 *  with problems at `$.nodes[i]…` and row i + 1. References are checked later, against the store. */
export function readJsonFile(content: Buffer | string, file: string, limits: ImportLimits, problems: ProblemList): ParsedImport & { items: number } {
  const text = decodeJson(content, file, limits);
  if (!/\S/.test(text)) throw fileError("FILE_EMPTY", { file }, "the file is empty");
  scanJson(text, file, limits.maxJsonDepth, limits.maxArrayItems);
  const root = parse(text, file);
  const empty = { documents: [], nodes: [], edges: [], invalidIds: new Set<string>(), items: 0 };
  if (typeof root !== "object" || root === null || Array.isArray(root)) {
    problems.at({ file, path: "$" }, "FIELD_TYPE", `expected a ${INTERCHANGE_FORMAT} object with format, version, nodes and edges`);
    return empty;
  }
  const o = root as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!ROOT_FIELDS.has(k)) problems.at({ file, path: `$.${k.slice(0, 40)}` }, "FIELD_UNKNOWN", `unknown field "${k.slice(0, 40)}"`);
  if (o.format !== INTERCHANGE_FORMAT) problems.at({ file, path: "$.format" }, "FORMAT_INVALID", `format must be "${INTERCHANGE_FORMAT}"`);
  if (o.version !== INTERCHANGE_VERSION) problems.at({ file, path: "$.version" }, "VERSION_UNSUPPORTED", `version must be ${INTERCHANGE_VERSION}`);
  const list = (key: "documents" | "nodes" | "edges"): readonly unknown[] => {
    const v = o[key];
    if (v === undefined) return [];
    if (Array.isArray(v)) return v;
    problems.at({ file, path: `$.${key}` }, "FIELD_TYPE", "expected a list");
    return [];
  };
  const rawDocuments = list("documents");
  const rawNodes = list("nodes");
  const rawEdges = list("edges");
  if (rawDocuments.length + rawNodes.length + rawEdges.length === 0 && problems.count === 0) {
    throw fileError("FILE_EMPTY", { file }, "the file lists no documents, nodes or edges");
  }
  const documents = readDocuments(rawDocuments, file, problems);
  const nodes = [];
  const invalidIds = new Set<string>();
  for (let i = 0; i < rawNodes.length && !problems.full; i++) {
    const item = readJsonNode(rawNodes[i], i, file, problems);
    if (item) nodes.push(item);
    else {
      const id = (rawNodes[i] as { id?: unknown } | null)?.id;
      if (typeof id === "string") invalidIds.add(normalizeId(id));
    }
  }
  const edges = [];
  for (let i = 0; i < rawEdges.length && !problems.full; i++) {
    const item = readJsonEdge(rawEdges[i], i, file, problems);
    if (item) edges.push(item);
  }
  return { documents, nodes, edges, invalidIds, items: rawNodes.length + rawEdges.length };
}

/** graph-schema validates documents inside a whole interchange document, so borrow that and
 *  re-home its problems (`$.documents[2].date` is row 3, column date). */
function readDocuments(raw: readonly unknown[], file: string, problems: ProblemList): SourceDocument[] {
  if (raw.length === 0) return [];
  const r = validateInterchange({ format: INTERCHANGE_FORMAT, version: INTERCHANGE_VERSION, documents: raw, nodes: [], edges: [] });
  for (const p of r.problems) {
    const m = /^\$\.documents\[(\d+)\]\.?(.*)$/.exec(p.path);
    problems.at({ file, path: p.path, ...(m && { row: Number(m[1]) + 1, ...(m[2] !== "" && { column: m[2] }) }) }, p.code, p.message);
  }
  return r.graph?.documents.slice() ?? [];
}
