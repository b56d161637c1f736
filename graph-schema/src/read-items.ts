import { NO_ATTRS, NO_EVIDENCE, NO_FLAGS, NO_STRINGS, edgeObject, evidenceObject, nameObject, nodeObject } from "./item-objects";
import { isCategory, isEdgeKind, isFlag, isNodeKind, type NodeKind } from "./kinds";
import { MAX_NAME_LENGTH, MAX_QUOTE_LENGTH, type Json, type PathKey, type ProblemReader } from "./problem-reader";
import type { Evidence, FlagEntry, GraphEdge, GraphNode, LocalizedName, SourceDocument } from "./types";

/*
 * Structural readers of interchange items. Each works at the reader's position (see ProblemReader)
 * and returns the normalised item, or undefined once it has recorded why not. They run once per
 * item of files with millions of items, so they use plain loops and build each result object
 * directly, in the field order the rest of the system sees (exports, equality by JSON text).
 */

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export const NAME_FIELDS: ReadonlySet<string> = new Set(["zh", "en"]);
export const EVIDENCE_FIELDS: ReadonlySet<string> = new Set(["doc", "line", "quote", "file", "row", "note"]);
export const FLAG_FIELDS: ReadonlySet<string> = new Set(["flag", "confidence", "evidence"]);
export const NODE_FIELDS: ReadonlySet<string> = new Set(["id", "kind", "name", "aliases", "category", "flags", "attrs", "confidence", "evidence"]);
export const EDGE_FIELDS: ReadonlySet<string> = new Set(["from", "to", "kind", "group", "share", "leadTimeDays", "qualified", "confidence", "evidence"]);
const DOCUMENT_FIELDS: ReadonlySet<string> = new Set(["id", "file", "title", "issuer", "date"]);

function absent(v: Json): boolean {
  return v === undefined || v === null;
}

/** A missing element of a sparse array: skipped, as Array.prototype.forEach skips it. */
export function isHole(list: readonly Json[], i: number): boolean {
  return list[i] === undefined && !(i in list);
}

function readName(r: ProblemReader, v: Json, key: PathKey): LocalizedName | undefined {
  r.enter(key);
  const name = nameHere(r, v);
  r.leave();
  return name;
}

function nameHere(r: ProblemReader, v: Json): LocalizedName | undefined {
  const o = r.object(v, NAME_FIELDS);
  if (!o) return undefined;
  const zh = r.text(o.zh, "zh", MAX_NAME_LENGTH, false);
  const en = r.text(o.en, "en", MAX_NAME_LENGTH, false);
  if (zh === undefined && en === undefined && o.zh === undefined && o.en === undefined) return r.add("NAME_MISSING", undefined, "a name needs zh or en");
  return zh === undefined && en === undefined ? undefined : nameObject(zh, en);
}

function readEvidence(r: ProblemReader, v: Json, key: PathKey): readonly Evidence[] {
  if (v === undefined) return NO_EVIDENCE;
  r.enter(key);
  const list = r.array(v);
  const out: Evidence[] = [];
  if (list) {
    for (let i = 0; i < list.length; i++) {
      if (isHole(list, i)) continue;
      r.enter(i);
      const ev = evidenceHere(r, list[i]);
      r.leave();
      if (ev) out.push(ev);
    }
  }
  r.leave();
  return out.length > 0 ? out : NO_EVIDENCE;
}

function evidenceHere(r: ProblemReader, v: Json): Evidence | undefined {
  const o = r.object(v, EVIDENCE_FIELDS);
  if (!o) return undefined;
  const before = r.problems.length;
  const doc = o.doc === undefined ? undefined : r.text(o.doc, "doc");
  const line = o.line === undefined ? undefined : r.number(o.line, "line", 1, undefined, true);
  const quote = o.quote === undefined ? undefined : r.text(o.quote, "quote", MAX_QUOTE_LENGTH);
  const file = o.file === undefined ? undefined : r.text(o.file, "file");
  const row = o.row === undefined ? undefined : r.number(o.row, "row", 1, undefined, true);
  const note = o.note === undefined ? undefined : r.text(o.note, "note", MAX_QUOTE_LENGTH);
  if (r.problems.length > before) return undefined;
  const fromDocument = doc !== undefined && line !== undefined && quote !== undefined;
  if (!fromDocument && file === undefined && note === undefined) return r.add("EVIDENCE_INVALID", undefined, "evidence needs doc, line and quote; or file (and row); or a note");
  return evidenceObject(doc, line, quote, file, row, note);
}

function readFlags(r: ProblemReader, v: Json): readonly FlagEntry[] {
  if (v === undefined) return NO_FLAGS;
  r.enter("flags");
  const list = r.array(v);
  const out: FlagEntry[] = [];
  if (list) {
    for (let i = 0; i < list.length; i++) {
      if (isHole(list, i)) continue;
      r.enter(i);
      const flag = flagHere(r, list[i], out);
      r.leave();
      if (flag) out.push(flag);
    }
  }
  r.leave();
  return out.length > 0 ? out : NO_FLAGS;
}

/** One flag entry, unless its flag is already among `earlier`. */
function flagHere(r: ProblemReader, v: Json, earlier: readonly FlagEntry[]): FlagEntry | undefined {
  const o = r.object(v, FLAG_FIELDS);
  if (!o) return undefined;
  const flag = o.flag;
  if (!isFlag(flag)) return r.add("FLAG_UNKNOWN", "flag", "flag must be POLICY_BOTTLENECK, IMPORT_DEPENDENT or DOMESTIC_BREAKTHROUGH");
  const confidence = r.confidence(o.confidence, "confidence");
  if (confidence === undefined) return undefined;
  for (const f of earlier) if (f.flag === flag) return r.add("ID_DUPLICATE", undefined, `flag ${flag} listed twice`);
  return { flag, confidence, evidence: readEvidence(r, o.evidence, "evidence") };
}

function readAttrs(r: ProblemReader, v: Json): Readonly<Record<string, number>> {
  if (v === undefined) return NO_ATTRS;
  if (typeof v !== "object" || v === null || Array.isArray(v)) return r.add("FIELD_TYPE", "attrs", "expected an object of numbers") ?? NO_ATTRS;
  r.enter("attrs");
  // A plain object, written by assignment: names start with a letter, so none is `__proto__`
  // (the one inherited member whose assignment would not create an own field).
  let out: Record<string, number> | undefined;
  const o = v as Record<string, Json>;
  for (const k in o) {
    if (!Object.prototype.hasOwnProperty.call(o, k)) continue;
    if (!isAttrName(k)) {
      r.add("FIELD_UNKNOWN", k.slice(0, 40), "attribute names are letters, digits and _");
      continue;
    }
    const n = r.number(o[k], k, 0, undefined, false);
    if (n !== undefined) (out ??= {})[k] = n;
  }
  r.leave();
  return out ?? NO_ATTRS;
}

/** `[A-Za-z][A-Za-z0-9_]{0,63}`. */
export function isAttrName(k: string): boolean {
  const n = k.length;
  if (n === 0 || n > 64 || !isAsciiLetter(k.charCodeAt(0))) return false;
  for (let i = 1; i < n; i++) {
    const c = k.charCodeAt(i);
    if (!isAsciiLetter(c) && !(c >= 0x30 && c <= 0x39) && c !== 0x5f) return false;
  }
  return true;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Reads one node; structural checks only (no cross-references). `path` is the node's JSON path;
 *  the reader must be at its root (new, or between items). */
export function readNode(r: ProblemReader, v: Json, path: string): GraphNode | undefined {
  r.enter(path);
  const node = nodeHere(r, v);
  r.leave();
  return node;
}

export function nodeHere(r: ProblemReader, v: Json): GraphNode | undefined {
  const o = r.object(v, NODE_FIELDS);
  if (!o) return undefined;
  const before = r.problems.length;
  const id = r.id(o.id, "id");
  const kind: NodeKind | undefined = isNodeKind(o.kind) ? o.kind : r.add("KIND_UNKNOWN", "kind", "kind must be Product, Component, Material, Supplier or Region");
  const name = readName(r, o.name, "name");
  const aliases = readAliases(r, o.aliases);
  let category;
  if (!absent(o.category)) {
    category = isCategory(o.category) ? o.category : r.add("CATEGORY_UNKNOWN", "category", "unknown category");
  }
  const flags = readFlags(r, o.flags);
  const attrs = readAttrs(r, o.attrs);
  const confidence = r.confidence(o.confidence, "confidence");
  const evidence = readEvidence(r, o.evidence, "evidence");
  if (r.problems.length > before || !id || !kind || !name || !confidence) return undefined;
  return nodeObject(id, kind, name, aliases, category, flags, attrs, confidence, evidence);
}

function readAliases(r: ProblemReader, v: Json): readonly string[] {
  if (v === undefined) return NO_STRINGS;
  r.enter("aliases");
  const list = r.array(v);
  const aliases: string[] = [];
  if (list) {
    for (let i = 0; i < list.length; i++) {
      if (isHole(list, i)) continue;
      const t = r.text(list[i], i);
      if (t !== undefined && !aliases.includes(t)) aliases.push(t);
    }
  }
  r.leave();
  return aliases.length > 0 ? aliases : NO_STRINGS;
}

/** Reads one edge; structural checks only (endpoint existence is `checkReferences`). `path` is the
 *  edge's JSON path; the reader must be at its root (new, or between items). */
export function readEdge(r: ProblemReader, v: Json, path: string): GraphEdge | undefined {
  r.enter(path);
  const edge = edgeHere(r, v);
  r.leave();
  return edge;
}

export function edgeHere(r: ProblemReader, v: Json): GraphEdge | undefined {
  const o = r.object(v, EDGE_FIELDS);
  if (!o) return undefined;
  const before = r.problems.length;
  const from = r.id(o.from, "from");
  const to = r.id(o.to, "to");
  const kind = isEdgeKind(o.kind) ? o.kind : r.add("EDGE_KIND_UNKNOWN", "kind", "kind must be REQUIRES, SOURCED_FROM, LOCATED_IN or WITHIN");
  const group = absent(o.group) ? undefined : r.text(o.group, "group");
  const share = absent(o.share) ? undefined : r.number(o.share, "share", 0, 1, false, "SHARE_OUT_OF_RANGE");
  const leadTimeDays = absent(o.leadTimeDays) ? undefined : r.number(o.leadTimeDays, "leadTimeDays", 0, undefined, false);
  let qualified: boolean | undefined;
  if (!absent(o.qualified)) {
    qualified = typeof o.qualified === "boolean" ? o.qualified : r.add("FIELD_TYPE", "qualified", "expected true or false");
  }
  const confidence = r.confidence(o.confidence, "confidence");
  const evidence = readEvidence(r, o.evidence, "evidence");
  if (kind && kind !== "REQUIRES" && group !== undefined) r.add("FIELD_UNKNOWN", "group", "only REQUIRES edges have alternative groups");
  const sourcing = share !== undefined || leadTimeDays !== undefined || qualified !== undefined;
  if (kind && kind !== "SOURCED_FROM" && sourcing) r.add("FIELD_UNKNOWN", undefined, "share, leadTimeDays and qualified belong to SOURCED_FROM edges");
  if (from && to && from === to) r.add("EDGE_SELF_LOOP", undefined, "an edge cannot connect a node to itself");
  if (r.problems.length > before || !from || !to || !kind || !confidence) return undefined;
  return edgeObject(from, to, kind, group, share, leadTimeDays, qualified, confidence, evidence);
}

export function documentHere(r: ProblemReader, v: Json): SourceDocument | undefined {
  const o = r.object(v, DOCUMENT_FIELDS);
  if (!o) return undefined;
  const before = r.problems.length;
  const id = r.text(o.id, "id");
  const file = r.text(o.file, "file");
  const title = readName(r, o.title, "title");
  const issuer = o.issuer === undefined ? undefined : readName(r, o.issuer, "issuer");
  let date: string | undefined;
  if (o.date !== undefined) {
    date = r.text(o.date, "date");
    if (date !== undefined && !isCalendarDate(date)) date = r.add("DATE_INVALID", "date", "expected a real date as YYYY-MM-DD");
  }
  if (r.problems.length > before || !id || !file || !title) return undefined;
  const doc: Mutable<SourceDocument> = { id, file, title };
  if (issuer) doc.issuer = issuer;
  if (date) doc.date = date;
  return doc;
}

export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
