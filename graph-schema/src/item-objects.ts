import type { Category, Confidence, EdgeKind, NodeKind } from "./kinds";
import type { Evidence, FlagEntry, GraphEdge, GraphNode, LocalizedName } from "./types";

/*
 * The normalised item objects that validation hands out, built in one place so that the full
 * readers (read-items.ts) and the fast path (plain-items.ts) cannot disagree on field order (exports
 * and equality compare JSON text) or on which empties are shared.
 */

/* Most items have no aliases, flags, attributes or evidence. Validated items are read-only data (the
 * store freezes them and shares the same kind of empties), so every empty list or record is one
 * frozen instance: for a million-node file that is millions fewer objects to allocate and collect. */
export const NO_STRINGS: readonly string[] = Object.freeze([]);
export const NO_FLAGS: readonly FlagEntry[] = Object.freeze([]);
export const NO_EVIDENCE: readonly Evidence[] = Object.freeze([]);
export const NO_ATTRS: Readonly<Record<string, number>> = Object.freeze({});

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A node in canonical field order (`category` only when it has one). */
export function nodeObject(
  id: string,
  kind: NodeKind,
  name: LocalizedName,
  aliases: readonly string[],
  category: Category | undefined,
  flags: readonly FlagEntry[],
  attrs: Readonly<Record<string, number>>,
  confidence: Confidence,
  evidence: readonly Evidence[],
): GraphNode {
  return category === undefined
    ? { id, kind, name, aliases, flags, attrs, confidence, evidence }
    : { id, kind, name, aliases, category, flags, attrs, confidence, evidence };
}

/** A name with the languages it has (at least one). */
export function nameObject(zh: string | undefined, en: string | undefined): LocalizedName {
  if (zh === undefined) return { en };
  return en === undefined ? { zh } : { zh, en };
}

/** An edge in canonical field order. The two shapes almost every file is made of are literals
 *  (each one hidden class); the rarer sourcing fields are added one by one. */
export function edgeObject(
  from: string,
  to: string,
  kind: EdgeKind,
  group: string | undefined,
  share: number | undefined,
  leadTimeDays: number | undefined,
  qualified: boolean | undefined,
  confidence: Confidence,
  evidence: readonly Evidence[],
): GraphEdge {
  if (share === undefined && leadTimeDays === undefined && qualified === undefined) {
    return group === undefined ? { from, to, kind, confidence, evidence } : { from, to, kind, group, confidence, evidence };
  }
  const e: Mutable<GraphEdge> = { from, to, kind } as Mutable<GraphEdge>;
  if (group !== undefined) e.group = group;
  if (share !== undefined) e.share = share;
  if (leadTimeDays !== undefined) e.leadTimeDays = leadTimeDays;
  if (qualified !== undefined) e.qualified = qualified;
  e.confidence = confidence;
  e.evidence = evidence;
  return e;
}

/** One evidence entry with the fields that are present, in canonical order. */
export function evidenceObject(
  doc: string | undefined,
  line: number | undefined,
  quote: string | undefined,
  file: string | undefined,
  row: number | undefined,
  note: string | undefined,
): Evidence {
  const ev: Mutable<Evidence> = {};
  if (doc !== undefined) ev.doc = doc;
  if (line !== undefined) ev.line = line;
  if (quote !== undefined) ev.quote = quote;
  if (file !== undefined) ev.file = file;
  if (row !== undefined) ev.row = row;
  if (note !== undefined) ev.note = note;
  return ev;
}
