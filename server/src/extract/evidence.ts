import type { Evidence } from "@chokepoint/graph-schema";
import type { PreparedDocument } from "./document-views";
import type { Span } from "./facts";
import { lineOf } from "./joined-text";
import { rawRange } from "./normalized-text";

/** Turns a span of normalised text into the evidence an analyst can find again: the exact text of
 *  the document with its line breaks removed, and the line where it starts. */
export function toEvidence(docs: ReadonlyMap<string, PreparedDocument>, span: Span, note?: string): Evidence {
  const doc = docs.get(span.doc);
  if (!doc) throw new Error(`invariant: span in unknown document ${span.doc}`);
  const [start, end] = rawRange(doc.norm, span.start, span.end);
  return { doc: span.doc, line: lineOf(doc.joined, start), quote: doc.joined.text.slice(start, end), ...(note !== undefined && { note }) };
}

export function compareEvidence(a: Evidence, b: Evidence): number {
  return (
    cmp(a.doc ?? "", b.doc ?? "") ||
    (a.line ?? 0) - (b.line ?? 0) ||
    cmp(a.quote ?? "", b.quote ?? "") ||
    cmp(a.note ?? "", b.note ?? "")
  );
}

/** Code-unit order: locale-independent, so the output is byte-identical on every machine. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted, one entry per (doc, line, quote); a stated entry wins over an inferred one with a note. */
export function mergeEvidence(list: readonly Evidence[]): Evidence[] {
  const byKey = new Map<string, Evidence>();
  for (const e of list) {
    const key = `${e.doc}|${e.line}|${e.quote}`;
    const prior = byKey.get(key);
    if (!prior || (prior.note !== undefined && e.note === undefined) || (prior.note !== undefined && e.note !== undefined && cmp(e.note, prior.note) < 0)) {
      byKey.set(key, e);
    }
  }
  return [...byKey.values()].sort(compareEvidence);
}
