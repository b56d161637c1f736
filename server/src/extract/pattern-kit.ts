import type { Flag, NodeKind } from "@chokepoint/graph-schema";
import { candidateId, guessKind } from "./candidates";
import type { Fact, Span } from "./facts";
import type { Lexicon } from "./lexicon";
import { parseItem, splitItems, type ListItem } from "./list-items";
import { mentionAt, type SegmentView } from "./segment-view";

/** What every pattern gets besides the segment. */
export interface PatternContext {
  readonly lexicon: Lexicon;
}

/** A pattern family: a pure function from one segment to facts. */
export interface Pattern {
  readonly name: string;
  run(view: SegmentView, ctx: PatternContext): Fact[];
}

export function spanOf(view: SegmentView, start: number, end: number): Span {
  let e = end;
  // A quote ends at its last word: trailing punctuation and spaces are not part of the fact.
  while (e > start && /[\s,;:。、!?]/.test(view.text[e - 1]!)) e--;
  return { doc: view.doc, start: view.offset + start, end: view.offset + e };
}

export const ITEM_KINDS: ReadonlySet<NodeKind> = new Set(["Product", "Component", "Material"]);

export function isItem(ctx: PatternContext, id: string): boolean {
  const t = ctx.lexicon.byId.get(id);
  return t === undefined || ITEM_KINDS.has(t.kind);
}

/** The ids an entry stands for, recording the lexicon mention or, for a term the lexicon lacks, a
 *  curation candidate. Entries that are techniques or explicitly ignored yield nothing. */
export function itemIds(item: ListItem, span: Span, pattern: string, facts: Fact[], kind?: NodeKind): readonly string[] {
  if (item.status === "known") {
    for (const id of item.ids) facts.push({ type: "mention", id, span });
    return item.ids;
  }
  if (item.status === "unknown") {
    const id = candidateId(item.text);
    facts.push({ type: "candidate", id, zh: item.text, kind: kind ?? guessKind(item.text), span, pattern });
    return [id];
  }
  return [];
}

/** The host a compound's name carries by itself (CT球管 → CT): the lexicon's `partOf`, when the
 *  form found is one of the forms that carry the host's name. A group form (CT/PET探测器) names the
 *  hosts of all its members. */
export function partOfHost(ctx: PatternContext, view: SegmentView, start: number, end: number): readonly (readonly [host: string, part: string])[] {
  const m = mentionAt(view, start, end);
  if (!m || (m.target.type !== "term" && m.target.type !== "group")) return [];
  const form = view.text.slice(start, end);
  const ids = m.target.type === "term" ? [m.target.id] : m.target.ids;
  return ids
    .map((id) => ctx.lexicon.byId.get(id))
    .filter((t) => t?.partOf !== undefined && (m.target.type === "group" || t.partOfForms.length === 0 || t.partOfForms.includes(form)))
    .map((t) => [t!.partOf!, t!.id] as const);
}

export function edgeFact(from: string, to: string, span: Span, pattern: string, confidence: "stated" | "inferred", note?: string): Fact[] {
  if (from === to) return [];
  return [
    { type: "edge", kind: "REQUIRES", from, to, confidence, ...(confidence === "inferred" && note !== undefined && { note }), span, pattern },
    { type: "mention", id: from, span },
    { type: "mention", id: to, span },
  ];
}

export function flagFact(id: string, flag: Flag, span: Span, pattern: string, confidence: "stated" | "inferred", note?: string): Fact[] {
  return [
    { type: "flag", id, flag, confidence, ...(confidence === "inferred" && note !== undefined && { note }), span, pattern },
    { type: "mention", id, span },
  ];
}

/** The known items of [from, to): their entries, as the list parser reads them. */
export function knownItems(view: SegmentView, ctx: PatternContext, from: number, to: number, kinds: ReadonlySet<NodeKind> = ITEM_KINDS): ListItem[] {
  return splitItems(view, from, to)
    .map(([s, e]) => parseItem(view, ctx.lexicon, s, e))
    .filter((x): x is ListItem => x !== undefined && x.status === "known" && x.ids.every((id) => kinds.has(ctx.lexicon.byId.get(id)?.kind ?? "Region")));
}

const CLAUSE_END = /[,;。:!?]/;

/** The clause around `at`: from after the previous , ; 。 to before the next one. */
export function clauseAround(view: SegmentView, at: number): readonly [number, number] {
  let start = at;
  while (start > 0 && !CLAUSE_END.test(view.text[start - 1]!)) start--;
  let end = at;
  while (end < view.text.length && !CLAUSE_END.test(view.text[end]!)) end++;
  return [start, end];
}
