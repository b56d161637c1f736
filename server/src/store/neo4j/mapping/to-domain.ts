import { isInt } from "neo4j-driver";
import {
  ChokepointError,
  isCategory,
  isConfidence,
  isEdgeKind,
  isFlag,
  isNodeKind,
  type Evidence,
  type FlagEntry,
  type GraphEdge,
  type GraphNode,
  type LocalizedName,
  type SourceDocument,
} from "@chokepoint/graph-schema";
import type { CypherRecord } from "../driver-port";

/**
 * Neo4j values → domain objects. Everything read back is checked, because the database can be
 * edited by other tools: a value Chokepoint could not have written is reported as STORE_CORRUPT
 * instead of flowing into the analysis as something half-typed. neo4j `Integer`s end here.
 */

type Props = Readonly<Record<string, unknown>>;

function corrupt(what: string): ChokepointError {
  return new ChokepointError("STORE_CORRUPT", `the Neo4j database holds ${what} that is not in Chokepoint's format`);
}

/** A Neo4j number as a JS number: floats arrive as numbers, integers as `Integer` (or bigint when
 *  a caller configured `useBigInt`). Values beyond 2^53 cannot be ids or counts we wrote. */
export function toNumber(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (isInt(v)) {
    if (!v.inSafeRange()) throw corrupt("a number");
    return v.toNumber();
  }
  return undefined;
}

export function integerField(record: CypherRecord, key: string): number {
  const n = toNumber(record.get(key));
  if (n === undefined || !Number.isSafeInteger(n)) throw corrupt("a count");
  return n;
}

function asProps(v: unknown, what: string): Props {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw corrupt(what);
  return v as Props;
}

function optionalString(p: Props, key: string, what: string): string | undefined {
  const v = p[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw corrupt(what);
  return v;
}

function optionalNumber(p: Props, key: string, what: string): number | undefined {
  const v = p[key];
  if (v === undefined || v === null) return undefined;
  const n = toNumber(v);
  if (n === undefined) throw corrupt(what);
  return n;
}

function requiredString(p: Props, key: string, what: string): string {
  const v = optionalString(p, key, what);
  if (v === undefined) throw corrupt(what);
  return v;
}

function parseJson(v: unknown, what: string): unknown {
  if (typeof v !== "string") throw corrupt(what);
  try {
    return JSON.parse(v) as unknown;
  } catch {
    throw corrupt(what);
  }
}

function evidenceFrom(v: unknown, what: string): Evidence[] {
  if (!Array.isArray(v)) throw corrupt(what);
  return v.map((item: unknown) => {
    const e = asProps(item, what);
    const text = (k: string) => (typeof e[k] === "string" ? { [k]: e[k] as string } : {});
    const num = (k: string) => (typeof e[k] === "number" ? { [k]: e[k] as number } : {});
    return { ...text("doc"), ...num("line"), ...text("quote"), ...text("file"), ...num("row"), ...text("note") } as Evidence;
  });
}

function flagsFrom(v: unknown, what: string): FlagEntry[] {
  if (!Array.isArray(v)) throw corrupt(what);
  return v.map((item: unknown) => {
    const f = asProps(item, what);
    if (!isFlag(f.flag) || !isConfidence(f.confidence)) throw corrupt(what);
    return { flag: f.flag, confidence: f.confidence, evidence: evidenceFrom(f.evidence, what) };
  });
}

function attrsFrom(v: unknown, what: string): Record<string, number> {
  const o = asProps(v, what);
  const out: Record<string, number> = {};
  for (const [k, value] of Object.entries(o)) {
    if (typeof value !== "number") throw corrupt(what);
    out[k] = value;
  }
  return out;
}

function stringList(v: unknown, what: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || !v.every((x): x is string => typeof x === "string")) throw corrupt(what);
  return [...v];
}

function name(zh: string | undefined, en: string | undefined): LocalizedName {
  return { ...(zh !== undefined && { zh }), ...(en !== undefined && { en }) };
}

/** A `:CpNode`'s property map (as returned by `properties(n)`) → GraphNode. */
export function nodeFromProps(raw: unknown): GraphNode {
  const what = "a node";
  const p = asProps(raw, what);
  const kind = p.kind;
  const confidence = p.confidence;
  const category = p.category ?? undefined;
  if (!isNodeKind(kind) || !isConfidence(confidence) || (category !== undefined && !isCategory(category))) throw corrupt(what);
  return {
    id: requiredString(p, "id", what),
    kind,
    name: name(optionalString(p, "nameZh", what), optionalString(p, "nameEn", what)),
    aliases: stringList(p.aliases, what),
    ...(category !== undefined && { category }),
    flags: flagsFrom(parseJson(p.flags ?? "[]", what), what),
    attrs: attrsFrom(parseJson(p.attrs ?? "{}", what), what),
    confidence,
    evidence: evidenceFrom(parseJson(p.evidence ?? "[]", what), what),
  };
}

/** A relationship's endpoints, type and property map → GraphEdge. */
export function edgeFromParts(from: unknown, kind: unknown, to: unknown, raw: unknown): GraphEdge {
  const what = "a relationship";
  const p = asProps(raw, what);
  if (typeof from !== "string" || typeof to !== "string" || !isEdgeKind(kind) || !isConfidence(p.confidence)) throw corrupt(what);
  const group = optionalString(p, "group", what);
  const share = optionalNumber(p, "share", what);
  const leadTimeDays = optionalNumber(p, "leadTimeDays", what);
  const qualified = p.qualified;
  if (qualified !== undefined && qualified !== null && typeof qualified !== "boolean") throw corrupt(what);
  return {
    from,
    to,
    kind,
    ...(group !== undefined && { group }),
    ...(share !== undefined && { share }),
    ...(leadTimeDays !== undefined && { leadTimeDays }),
    ...(typeof qualified === "boolean" && { qualified }),
    confidence: p.confidence,
    evidence: evidenceFrom(parseJson(p.evidence ?? "[]", what), what),
  };
}

/** A `:CpDocument`'s property map → SourceDocument. */
export function documentFromProps(raw: unknown): SourceDocument {
  const what = "a document";
  const p = asProps(raw, what);
  const issuerZh = optionalString(p, "issuerZh", what);
  const issuerEn = optionalString(p, "issuerEn", what);
  const date = optionalString(p, "date", what);
  return {
    id: requiredString(p, "id", what),
    file: requiredString(p, "file", what),
    title: name(optionalString(p, "titleZh", what), optionalString(p, "titleEn", what)),
    ...((issuerZh !== undefined || issuerEn !== undefined) && { issuer: name(issuerZh, issuerEn) }),
    ...(date !== undefined && { date }),
  };
}

/** Rows shaped `{props}` / `{fromId, kind, toId, props}`, as the read statements return them. */
export function nodeFromRecord(record: CypherRecord): GraphNode {
  return nodeFromProps(record.get("props"));
}
export function edgeFromRecord(record: CypherRecord): GraphEdge {
  return edgeFromParts(record.get("fromId"), record.get("kind"), record.get("toId"), record.get("props"));
}
export function documentFromRecord(record: CypherRecord): SourceDocument {
  return documentFromProps(record.get("props"));
}
