import { edgeKey, isValidId, normalizeId, normalizeText } from "./ids";
import type { ErrorCode, Problem } from "./errors";
import {
  EDGE_ENDPOINTS,
  isCategory,
  isConfidence,
  isEdgeKind,
  isFlag,
  isNodeKind,
  type Confidence,
  type NodeKind,
} from "./kinds";
import {
  INTERCHANGE_FORMAT,
  INTERCHANGE_VERSION,
  type Evidence,
  type FlagEntry,
  type GraphEdge,
  type GraphNode,
  type InterchangeGraph,
  type LocalizedName,
  type SourceDocument,
} from "./types";

/** Longest name, alias or note we accept; a quote may be longer (a whole sentence). Multi-megabyte
 *  fields are rejected rather than stored. */
export const MAX_NAME_LENGTH = 300;
export const MAX_QUOTE_LENGTH = 4000;

type Json = unknown;
type Obj = Record<string, Json>;

/** Collects problems while reading untrusted JSON; every reader returns `undefined` after
 *  recording a problem, so one pass reports everything wrong with a document. */
class Reader {
  readonly problems: Problem[] = [];

  add(code: ErrorCode, path: string, message: string): undefined {
    this.problems.push({ code, path, message });
    return undefined;
  }

  object(v: Json, path: string, allowed: readonly string[]): Obj | undefined {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return this.add("FIELD_TYPE", path, "expected an object");
    const o = v as Obj;
    for (const k of Object.keys(o)) {
      if (!allowed.includes(k)) this.add("FIELD_UNKNOWN", `${path}.${k}`, `unknown field "${k.slice(0, 40)}"`);
    }
    return o;
  }

  array(v: Json, path: string): readonly Json[] | undefined {
    if (!Array.isArray(v)) return this.add("FIELD_TYPE", path, "expected an array");
    return v;
  }

  text(v: Json, path: string, max = MAX_NAME_LENGTH, required = true): string | undefined {
    if (v === undefined || v === null) return required ? this.add("FIELD_MISSING", path, "required text is missing") : undefined;
    if (typeof v !== "string") return this.add("FIELD_TYPE", path, "expected text");
    if (v.length > max) return this.add("TEXT_TOO_LONG", path, `text longer than ${max} characters`);
    const t = normalizeText(v);
    if (required && t === "") return this.add("FIELD_MISSING", path, "required text is empty");
    return t === "" ? undefined : t;
  }

  id(v: Json, path: string): string | undefined {
    if (v === undefined || v === null) return this.add("FIELD_MISSING", path, "id is missing");
    if (typeof v !== "string") return this.add("ID_INVALID", path, "an id must be text (numbers are not ids)");
    const id = normalizeId(v);
    if (!isValidId(id)) return this.add("ID_INVALID", path, "an id must be lowercase kebab-case: letters a-z, digits and single hyphens, at most 128 characters");
    return id;
  }

  number(v: Json, path: string, opts: { min?: number; max?: number; integer?: boolean; code?: ErrorCode } = {}): number | undefined {
    if (typeof v !== "number" || !Number.isFinite(v)) return this.add("NUMBER_INVALID", path, "expected a finite number");
    if (opts.integer && !Number.isSafeInteger(v)) return this.add("NUMBER_INVALID", path, "expected a whole number");
    if ((opts.min !== undefined && v < opts.min) || (opts.max !== undefined && v > opts.max)) {
      return this.add(opts.code ?? "NUMBER_INVALID", path, `expected a number between ${opts.min ?? "-∞"} and ${opts.max ?? "∞"}`);
    }
    return v;
  }

  confidence(v: Json, path: string): Confidence | undefined {
    if (v === undefined) return "stated";
    return isConfidence(v) ? v : this.add("CONFIDENCE_UNKNOWN", path, "confidence must be stated, inferred or imported");
  }
}

function readName(r: Reader, v: Json, path: string): LocalizedName | undefined {
  const o = r.object(v, path, ["zh", "en"]);
  if (!o) return undefined;
  const zh = r.text(o.zh, `${path}.zh`, MAX_NAME_LENGTH, false);
  const en = r.text(o.en, `${path}.en`, MAX_NAME_LENGTH, false);
  if (zh === undefined && en === undefined && o.zh === undefined && o.en === undefined) return r.add("NAME_MISSING", path, "a name needs zh or en");
  if (zh === undefined && en === undefined) return undefined;
  return { ...(zh !== undefined && { zh }), ...(en !== undefined && { en }) };
}

function readEvidence(r: Reader, v: Json, path: string): Evidence[] {
  if (v === undefined) return [];
  const list = r.array(v, path);
  if (!list) return [];
  const out: Evidence[] = [];
  list.forEach((item, i) => {
    const p = `${path}[${i}]`;
    const o = r.object(item, p, ["doc", "line", "quote", "file", "row", "note"]);
    if (!o) return;
    const before = r.problems.length;
    const ev: { -readonly [K in keyof Evidence]: Evidence[K] } = {};
    if (o.doc !== undefined) ev.doc = r.text(o.doc, `${p}.doc`);
    if (o.line !== undefined) ev.line = r.number(o.line, `${p}.line`, { min: 1, integer: true });
    if (o.quote !== undefined) ev.quote = r.text(o.quote, `${p}.quote`, MAX_QUOTE_LENGTH);
    if (o.file !== undefined) ev.file = r.text(o.file, `${p}.file`);
    if (o.row !== undefined) ev.row = r.number(o.row, `${p}.row`, { min: 1, integer: true });
    if (o.note !== undefined) ev.note = r.text(o.note, `${p}.note`, MAX_QUOTE_LENGTH);
    if (r.problems.length > before) return;
    const fromDocument = ev.doc !== undefined && ev.line !== undefined && ev.quote !== undefined;
    const fromFile = ev.file !== undefined;
    const fromAnalyst = ev.note !== undefined;
    if (!fromDocument && !fromFile && !fromAnalyst) {
      r.add("EVIDENCE_INVALID", p, "evidence needs doc, line and quote; or file (and row); or a note");
      return;
    }
    out.push(ev);
  });
  return out;
}

function readFlags(r: Reader, v: Json, path: string): FlagEntry[] {
  if (v === undefined) return [];
  const list = r.array(v, path);
  if (!list) return [];
  const out: FlagEntry[] = [];
  list.forEach((item, i) => {
    const p = `${path}[${i}]`;
    const o = r.object(item, p, ["flag", "confidence", "evidence"]);
    if (!o) return;
    if (!isFlag(o.flag)) return void r.add("FLAG_UNKNOWN", `${p}.flag`, "flag must be POLICY_BOTTLENECK, IMPORT_DEPENDENT or DOMESTIC_BREAKTHROUGH");
    const confidence = r.confidence(o.confidence, `${p}.confidence`);
    if (confidence === undefined) return;
    if (out.some((f) => f.flag === o.flag)) return void r.add("ID_DUPLICATE", p, `flag ${o.flag} listed twice`);
    out.push({ flag: o.flag, confidence, evidence: readEvidence(r, o.evidence, `${p}.evidence`) });
  });
  return out;
}

function readAttrs(r: Reader, v: Json, path: string): Record<string, number> {
  if (v === undefined) return {};
  if (typeof v !== "object" || v === null || Array.isArray(v)) return r.add("FIELD_TYPE", path, "expected an object of numbers") ?? {};
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [k, value] of Object.entries(v as Obj)) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(k)) {
      r.add("FIELD_UNKNOWN", `${path}.${k.slice(0, 40)}`, "attribute names are letters, digits and _");
      continue;
    }
    const n = r.number(value, `${path}.${k}`, { min: 0 });
    if (n !== undefined) out[k] = n;
  }
  return { ...out };
}

const NODE_FIELDS = ["id", "kind", "name", "aliases", "category", "flags", "attrs", "confidence", "evidence"];
const EDGE_FIELDS = ["from", "to", "kind", "group", "share", "leadTimeDays", "qualified", "confidence", "evidence"];

/** Reads one node; structural checks only (no cross-references). */
export function readNode(r: Reader, v: Json, path: string): GraphNode | undefined {
  const o = r.object(v, path, NODE_FIELDS);
  if (!o) return undefined;
  const before = r.problems.length;
  const id = r.id(o.id, `${path}.id`);
  const kind: NodeKind | undefined = isNodeKind(o.kind) ? o.kind : r.add("KIND_UNKNOWN", `${path}.kind`, "kind must be Product, Component, Material, Supplier or Region");
  const name = readName(r, o.name, `${path}.name`);
  const aliases: string[] = [];
  if (o.aliases !== undefined) {
    (r.array(o.aliases, `${path}.aliases`) ?? []).forEach((a, i) => {
      const t = r.text(a, `${path}.aliases[${i}]`);
      if (t !== undefined && !aliases.includes(t)) aliases.push(t);
    });
  }
  let category;
  if (o.category !== undefined && o.category !== null) {
    category = isCategory(o.category) ? o.category : r.add("CATEGORY_UNKNOWN", `${path}.category`, "unknown category");
  }
  const flags = readFlags(r, o.flags, `${path}.flags`);
  const attrs = readAttrs(r, o.attrs, `${path}.attrs`);
  const confidence = r.confidence(o.confidence, `${path}.confidence`);
  const evidence = readEvidence(r, o.evidence, `${path}.evidence`);
  if (r.problems.length > before || !id || !kind || !name || !confidence) return undefined;
  return { id, kind, name, aliases, ...(category && { category }), flags, attrs, confidence, evidence };
}

/** Reads one edge; structural checks only (endpoint existence is `checkReferences`). */
export function readEdge(r: Reader, v: Json, path: string): GraphEdge | undefined {
  const o = r.object(v, path, EDGE_FIELDS);
  if (!o) return undefined;
  const before = r.problems.length;
  const from = r.id(o.from, `${path}.from`);
  const to = r.id(o.to, `${path}.to`);
  const kind = isEdgeKind(o.kind) ? o.kind : r.add("EDGE_KIND_UNKNOWN", `${path}.kind`, "kind must be REQUIRES, SOURCED_FROM, LOCATED_IN or WITHIN");
  const group = o.group === undefined || o.group === null ? undefined : r.text(o.group, `${path}.group`);
  const share = o.share === undefined || o.share === null ? undefined : r.number(o.share, `${path}.share`, { min: 0, max: 1, code: "SHARE_OUT_OF_RANGE" });
  const leadTimeDays = o.leadTimeDays === undefined || o.leadTimeDays === null ? undefined : r.number(o.leadTimeDays, `${path}.leadTimeDays`, { min: 0 });
  let qualified: boolean | undefined;
  if (o.qualified !== undefined && o.qualified !== null) {
    qualified = typeof o.qualified === "boolean" ? o.qualified : r.add("FIELD_TYPE", `${path}.qualified`, "expected true or false");
  }
  const confidence = r.confidence(o.confidence, `${path}.confidence`);
  const evidence = readEvidence(r, o.evidence, `${path}.evidence`);
  if (kind && kind !== "REQUIRES" && group !== undefined) r.add("FIELD_UNKNOWN", `${path}.group`, "only REQUIRES edges have alternative groups");
  if (kind && kind !== "SOURCED_FROM" && (share !== undefined || leadTimeDays !== undefined || qualified !== undefined)) {
    r.add("FIELD_UNKNOWN", path, "share, leadTimeDays and qualified belong to SOURCED_FROM edges");
  }
  if (from && to && from === to) r.add("EDGE_SELF_LOOP", path, "an edge cannot connect a node to itself");
  if (r.problems.length > before || !from || !to || !kind || !confidence) return undefined;
  return {
    from,
    to,
    kind,
    ...(group !== undefined && { group }),
    ...(share !== undefined && { share }),
    ...(leadTimeDays !== undefined && { leadTimeDays }),
    ...(qualified !== undefined && { qualified }),
    confidence,
    evidence,
  };
}

function readDocument(r: Reader, v: Json, path: string): SourceDocument | undefined {
  const o = r.object(v, path, ["id", "file", "title", "issuer", "date"]);
  if (!o) return undefined;
  const before = r.problems.length;
  const id = r.text(o.id, `${path}.id`);
  const file = r.text(o.file, `${path}.file`);
  const title = readName(r, o.title, `${path}.title`);
  const issuer = o.issuer === undefined ? undefined : readName(r, o.issuer, `${path}.issuer`);
  let date: string | undefined;
  if (o.date !== undefined) {
    date = r.text(o.date, `${path}.date`);
    if (date !== undefined && !isCalendarDate(date)) date = r.add("DATE_INVALID", `${path}.date`, "expected a real date as YYYY-MM-DD");
  }
  if (r.problems.length > before || !id || !file || !title) return undefined;
  return { id, file, title, ...(issuer && { issuer }), ...(date && { date }) };
}

export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Cross-reference checks over a whole node and edge set: endpoints exist and have the kinds the
 *  edge kind allows, no duplicate edges, no REQUIRES cycles, evidence cites known documents.
 *  `edgePath(i)` names where edge i came from (a JSON path or a CSV row). */
export function checkReferences(
  nodes: ReadonlyMap<string, GraphNode>,
  edges: readonly GraphEdge[],
  options: {
    documents?: ReadonlySet<string>;
    edgePath?: (i: number) => string;
    /** Ids of nodes present in the input but invalid: already reported, so edges to them are not "missing". */
    invalidIds?: ReadonlySet<string>;
  } = {},
): Problem[] {
  const problems: Problem[] = [];
  const edgePath = options.edgePath ?? ((i: number) => `$.edges[${i}]`);
  const seen = new Map<string, number>();
  edges.forEach((e, i) => {
    const path = edgePath(i);
    const from = nodes.get(e.from);
    const to = nodes.get(e.to);
    const reported = options.invalidIds ?? new Set<string>();
    if (!from && !reported.has(e.from)) problems.push({ code: "EDGE_ENDPOINT_MISSING", path: `${path}.from`, message: `no node with id "${e.from}"` });
    if (!to && !reported.has(e.to)) problems.push({ code: "EDGE_ENDPOINT_MISSING", path: `${path}.to`, message: `no node with id "${e.to}"` });
    if (from && to) {
      const [fromKinds, toKinds] = EDGE_ENDPOINTS[e.kind];
      if (!fromKinds.includes(from.kind) || !toKinds.includes(to.kind)) {
        problems.push({
          code: "EDGE_ENDPOINT_KIND",
          path,
          message: `${e.kind} goes from ${fromKinds.join("/")} to ${toKinds.join("/")}, not ${from.kind} to ${to.kind}`,
        });
      }
    }
    const key = edgeKey(e);
    const first = seen.get(key);
    if (first !== undefined) problems.push({ code: "EDGE_DUPLICATE", path, message: `same edge as ${edgePath(first)}` });
    else seen.set(key, i);
  });
  if (options.documents) {
    const docs = options.documents;
    const cite = (ev: readonly Evidence[], path: string) =>
      ev.forEach((x, j) => {
        if (x.doc !== undefined && !docs.has(x.doc)) problems.push({ code: "DOCUMENT_UNKNOWN", path: `${path}[${j}].doc`, message: `no document "${x.doc}"` });
      });
    let n = 0;
    for (const node of nodes.values()) {
      cite(node.evidence, `$.nodes[${n}].evidence`);
      node.flags.forEach((f, k) => cite(f.evidence, `$.nodes[${n}].flags[${k}].evidence`));
      n++;
    }
    edges.forEach((e, i) => cite(e.evidence, `${edgePath(i)}.evidence`));
  }
  const cycle = findRequiresCycle(edges);
  if (cycle) {
    problems.push({ code: "REQUIRES_CYCLE", path: edgePath(cycle.edgeIndex), message: `REQUIRES cycle: ${cycle.ids.join(" → ")}` });
  }
  return problems;
}

/** First REQUIRES cycle found (iterative DFS, so a 10^6-deep chain cannot overflow the stack). */
export function findRequiresCycle(edges: readonly GraphEdge[]): { ids: string[]; edgeIndex: number } | undefined {
  const out = new Map<string, { to: string; index: number }[]>();
  edges.forEach((e, index) => {
    if (e.kind !== "REQUIRES") return;
    const list = out.get(e.from);
    if (list) list.push({ to: e.to, index });
    else out.set(e.from, [{ to: e.to, index }]);
  });
  const state = new Map<string, 1 | 2>(); // 1 = on the stack, 2 = finished
  for (const start of out.keys()) {
    if (state.has(start)) continue;
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const children = out.get(top.id) ?? [];
      if (top.next >= children.length) {
        state.set(top.id, 2);
        stack.pop();
        continue;
      }
      const child = children[top.next++]!;
      const s = state.get(child.to);
      if (s === 1) {
        const from = stack.findIndex((f) => f.id === child.to);
        return { ids: [...stack.slice(from).map((f) => f.id), child.to], edgeIndex: child.index };
      }
      if (s === undefined) {
        state.set(child.to, 1);
        stack.push({ id: child.to, next: 0 });
      }
    }
  }
  return undefined;
}

export interface ValidationResult {
  readonly graph?: InterchangeGraph;
  readonly problems: readonly Problem[];
}

/** Validates an untrusted interchange document (already parsed from JSON). Returns the normalised
 *  graph only when there are no problems; otherwise every problem found, each with a code and path. */
export function validateInterchange(input: unknown): ValidationResult {
  const r = new Reader();
  const root = r.object(input, "$", ["format", "version", "documents", "nodes", "edges"]);
  if (!root) return { problems: r.problems };
  if (root.format !== INTERCHANGE_FORMAT) r.add("FORMAT_INVALID", "$.format", `format must be "${INTERCHANGE_FORMAT}"`);
  if (root.version !== INTERCHANGE_VERSION) r.add("VERSION_UNSUPPORTED", "$.version", `version must be ${INTERCHANGE_VERSION}`);

  const documents: SourceDocument[] = [];
  const docIds = new Set<string>();
  (root.documents === undefined ? [] : r.array(root.documents, "$.documents") ?? []).forEach((d, i) => {
    const doc = readDocument(r, d, `$.documents[${i}]`);
    if (!doc) return;
    if (docIds.has(doc.id)) return void r.add("ID_DUPLICATE", `$.documents[${i}].id`, `document "${doc.id}" listed twice`);
    docIds.add(doc.id);
    documents.push(doc);
  });

  const nodes = new Map<string, GraphNode>();
  const invalidIds = new Set<string>();
  (r.array(root.nodes, "$.nodes") ?? []).forEach((n, i) => {
    const node = readNode(r, n, `$.nodes[${i}]`);
    if (!node) {
      const rawId = (n as { id?: unknown } | null)?.id;
      if (typeof rawId === "string") invalidIds.add(normalizeId(rawId));
      return;
    }
    const prior = nodes.get(node.id);
    if (prior && JSON.stringify(prior) !== JSON.stringify(node)) {
      return void r.add("ID_DUPLICATE", `$.nodes[${i}].id`, `node "${node.id}" appears twice with different content`);
    }
    nodes.set(node.id, node);
  });

  const edges: GraphEdge[] = [];
  const edgePaths: string[] = [];
  (r.array(root.edges, "$.edges") ?? []).forEach((e, i) => {
    const edge = readEdge(r, e, `$.edges[${i}]`);
    if (!edge) return;
    edges.push(edge);
    edgePaths.push(`$.edges[${i}]`);
  });

  const problems = [
    ...r.problems,
    ...checkReferences(nodes, edges, { documents: documents.length > 0 ? docIds : undefined, edgePath: (i) => edgePaths[i]!, invalidIds }),
  ];
  if (problems.length > 0) return { problems };
  return {
    graph: { format: INTERCHANGE_FORMAT, version: INTERCHANGE_VERSION, documents, nodes: [...nodes.values()], edges },
    problems: [],
  };
}

/** Validates a single node or edge given by an editor (GraphQL mutation, CLI). */
export function validateNodeInput(input: unknown, path = "$"): { node?: GraphNode; problems: readonly Problem[] } {
  const r = new Reader();
  const node = readNode(r, input, path);
  return { ...(node && { node }), problems: r.problems };
}
export function validateEdgeInput(input: unknown, path = "$"): { edge?: GraphEdge; problems: readonly Problem[] } {
  const r = new Reader();
  const edge = readEdge(r, input, path);
  return { ...(edge && { edge }), problems: r.problems };
}

export { Reader as ProblemReader };
