import { isValidId, normalizeText } from "./ids";
import { NO_ATTRS, NO_EVIDENCE, NO_FLAGS, NO_STRINGS, edgeObject, evidenceObject, nameObject, nodeObject } from "./item-objects";
import { isCategory, isConfidence, isEdgeKind, isFlag, isNodeKind, type Confidence } from "./kinds";
import { MAX_NAME_LENGTH, MAX_QUOTE_LENGTH } from "./problem-reader";
import { EDGE_FIELDS, EVIDENCE_FIELDS, FLAG_FIELDS, isAttrName, NAME_FIELDS, NODE_FIELDS } from "./read-items";
import type { Evidence, FlagEntry, GraphEdge, GraphNode, LocalizedName } from "./types";

/*
 * The fast path of validation: items in the plain form files are written in (known fields only,
 * ids already canonical, every value valid) read without a ProblemReader. Each reader here either
 * returns exactly the item the full reader (read-items.ts) would return for the same input while
 * recording no problem, or undefined: "not plain", and the caller hands the item to the full
 * reader, which decides and reports. So problems stay identical by construction, as long as a
 * plain reader never accepts what the full reader would reject or read differently.
 *
 * To stay that way, each field is read exactly as the full reader reads it (a named property read,
 * so inherited and non-enumerable fields count the same), anything the full reader would treat
 * specially (null, holes, empty text, text that is not already normal) is "not plain", and the
 * unknown-field check is a for…in over the same keys the full reader visits, against the full
 * reader's own field sets, bailing at the first key that is not a known field (own or inherited:
 * the full reader sorts that out).
 *
 * These run once per item of files with millions of items: no closures, no per-item arrays other
 * than results.
 */

type Fields = Record<string, unknown>;

function isRecord(v: unknown): v is Fields {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Non-empty text no longer than `max`, in normal form; undefined when not plain. */
export function plainText(v: unknown, max: number): string | undefined {
  if (typeof v !== "string" || v.length > max) return undefined;
  const t = normalizeText(v);
  return t === "" ? undefined : t;
}

function plainId(v: unknown): string | undefined {
  return typeof v === "string" && isValidId(v) ? v : undefined;
}

/** The confidence as the full reader gives it ("stated" when absent); undefined when not plain. */
function plainConfidence(v: unknown): Confidence | undefined {
  return v === undefined ? "stated" : isConfidence(v) ? v : undefined;
}

/* Known fields, one switch per item type (the full reader's *_FIELDS sets). */

/** Every key for…in visits is a known field (the full reader's own set: one vocabulary). */
function onlyFields(o: Fields, known: ReadonlySet<string>): boolean {
  for (const k in o) if (!known.has(k)) return false;
  return true;
}

/** An optional text field: absent (undefined), plain text, or null when present but not plain. */
function optionalText(v: unknown, max: number): string | undefined | null {
  return v === undefined ? undefined : (plainText(v, max) ?? null);
}

/** A node as `nodeHere` returns it, or undefined when it is not plain. */
export function plainNode(v: unknown): GraphNode | undefined {
  if (!isRecord(v)) return undefined;
  const id = plainId(v.id);
  const kind = v.kind;
  if (id === undefined || !isNodeKind(kind)) return undefined;
  const name = plainName(v.name);
  if (name === undefined) return undefined;
  const aliases = plainAliases(v.aliases);
  if (aliases === undefined) return undefined;
  const category = v.category;
  if (category !== undefined && !isCategory(category)) return undefined;
  const flags = plainFlags(v.flags);
  if (flags === undefined) return undefined;
  const attrs = plainAttrs(v.attrs);
  if (attrs === undefined) return undefined;
  const confidence = plainConfidence(v.confidence);
  if (confidence === undefined) return undefined;
  const evidence = plainEvidence(v.evidence);
  if (evidence === undefined || !onlyFields(v, NODE_FIELDS)) return undefined;
  return nodeObject(id, kind, name, aliases, category, flags, attrs, confidence, evidence);
}

/**
 * An edge as `edgeHere` returns it, or undefined when it is not plain, except that its endpoints are
 * only known to be two different strings: the caller checks them, either by finding nodes with those
 * ids (node ids are canonical, so that proves them canonical too, and is much cheaper than checking
 * their characters) or with isValidId, and otherwise hands the input to the full reader.
 */
export function plainEdgeWithUncheckedEnds(v: unknown): GraphEdge | undefined {
  if (!isRecord(v)) return undefined;
  const from = v.from;
  const to = v.to;
  const kind = v.kind;
  if (typeof from !== "string" || typeof to !== "string" || from === to || !isEdgeKind(kind)) return undefined;
  let group: string | undefined;
  if (v.group !== undefined) {
    group = kind === "REQUIRES" ? plainText(v.group, MAX_NAME_LENGTH) : undefined;
    if (group === undefined) return undefined;
  }
  const share = v.share;
  const leadTimeDays = v.leadTimeDays;
  const qualified = v.qualified;
  if (share !== undefined || leadTimeDays !== undefined || qualified !== undefined) {
    if (kind !== "SOURCED_FROM") return undefined;
    if (share !== undefined && !(typeof share === "number" && share >= 0 && share <= 1)) return undefined;
    if (leadTimeDays !== undefined && !(typeof leadTimeDays === "number" && leadTimeDays >= 0 && leadTimeDays !== Infinity)) return undefined;
    if (qualified !== undefined && typeof qualified !== "boolean") return undefined;
  }
  const confidence = plainConfidence(v.confidence);
  if (confidence === undefined) return undefined;
  const evidence = plainEvidence(v.evidence);
  if (evidence === undefined || !onlyFields(v, EDGE_FIELDS)) return undefined;
  return edgeObject(from, to, kind, group, share as number | undefined, leadTimeDays as number | undefined, qualified as boolean | undefined, confidence, evidence);
}

function plainName(v: unknown): LocalizedName | undefined {
  if (!isRecord(v)) return undefined;
  const zh = optionalText(v.zh, MAX_NAME_LENGTH);
  const en = optionalText(v.en, MAX_NAME_LENGTH);
  if (zh === null || en === null || (zh === undefined && en === undefined)) return undefined;
  return onlyFields(v, NAME_FIELDS) ? nameObject(zh, en) : undefined;
}

function plainAliases(v: unknown): readonly string[] | undefined {
  if (v === undefined) return NO_STRINGS;
  if (!Array.isArray(v)) return undefined;
  if (v.length === 0) return NO_STRINGS;
  const aliases: string[] = [];
  for (let i = 0; i < v.length; i++) {
    const t = plainText(v[i], MAX_NAME_LENGTH); // a hole reads as undefined: not plain
    if (t === undefined) return undefined;
    if (!aliases.includes(t)) aliases.push(t);
  }
  return aliases;
}

function plainFlags(v: unknown): readonly FlagEntry[] | undefined {
  if (v === undefined) return NO_FLAGS;
  if (!Array.isArray(v)) return undefined;
  if (v.length === 0) return NO_FLAGS;
  const flags: FlagEntry[] = [];
  for (let i = 0; i < v.length; i++) {
    const o: unknown = v[i];
    if (!isRecord(o)) return undefined;
    const flag = o.flag;
    const confidence = plainConfidence(o.confidence);
    if (!isFlag(flag) || confidence === undefined) return undefined;
    for (let j = 0; j < flags.length; j++) if (flags[j]!.flag === flag) return undefined;
    const evidence = plainEvidence(o.evidence);
    if (evidence === undefined || !onlyFields(o, FLAG_FIELDS)) return undefined;
    flags.push({ flag, confidence, evidence });
  }
  return flags;
}

/** Attributes are free-form names, so here the for…in is the reading itself. */
function plainAttrs(v: unknown): Readonly<Record<string, number>> | undefined {
  if (v === undefined) return NO_ATTRS;
  if (!isRecord(v)) return undefined;
  let attrs: Record<string, number> | undefined;
  for (const k in v) {
    const n = v[k];
    if (!isAttrName(k) || typeof n !== "number" || !(n >= 0) || n === Infinity || !Object.prototype.hasOwnProperty.call(v, k)) return undefined;
    (attrs ??= {})[k] = n;
  }
  return attrs ?? NO_ATTRS;
}

export function plainEvidence(v: unknown): readonly Evidence[] | undefined {
  if (v === undefined) return NO_EVIDENCE;
  if (!Array.isArray(v)) return undefined;
  if (v.length === 0) return NO_EVIDENCE;
  if (v.length === 1) {
    // The usual case, as a literal: exactly one element's room, and an allocation site V8 can
    // pretenure (a list grown by push gets a new backing store in the young generation).
    const ev = plainEvidenceEntry(v[0]);
    return ev === undefined ? undefined : [ev];
  }
  const list: Evidence[] = [];
  for (let i = 0; i < v.length; i++) {
    const ev = plainEvidenceEntry(v[i]);
    if (ev === undefined) return undefined;
    list.push(ev);
  }
  return list;
}

function plainEvidenceEntry(v: unknown): Evidence | undefined {
  if (!isRecord(v)) return undefined;
  const line = v.line;
  const row = v.row;
  const doc = optionalText(v.doc, MAX_NAME_LENGTH);
  const quote = optionalText(v.quote, MAX_QUOTE_LENGTH);
  const file = optionalText(v.file, MAX_NAME_LENGTH);
  const note = optionalText(v.note, MAX_QUOTE_LENGTH);
  if (doc === null || quote === null || file === null || note === null) return undefined;
  if (line !== undefined && !(Number.isSafeInteger(line) && (line as number) >= 1)) return undefined;
  if (row !== undefined && !(Number.isSafeInteger(row) && (row as number) >= 1)) return undefined;
  const fromDocument = doc !== undefined && line !== undefined && quote !== undefined;
  if (!fromDocument && file === undefined && note === undefined) return undefined;
  if (!onlyFields(v, EVIDENCE_FIELDS)) return undefined;
  return evidenceObject(doc, line as number | undefined, quote, file, row as number | undefined, note);
}
