import { EDGE_KINDS, FLAGS, NODE_KINDS, type InterchangeGraph } from "@chokepoint/graph-schema";
import type { CurationCandidate } from "./assemble";

/** What `chokepoint extract` reports: counts by kind, and the terms waiting for curation. */
export interface ExtractionSummary {
  readonly nodes: Readonly<Record<string, number>>;
  readonly edges: Readonly<Record<string, number>>;
  readonly flags: Readonly<Record<string, number>>;
  /** Edges resting only on inferred evidence, and evidence entries marked inferred on any edge. */
  readonly inferredEdges: number;
  readonly inferredFlags: number;
  readonly evidenceEntries: number;
  readonly needsCuration: readonly { readonly id: string; readonly zh: string; readonly kind: string; readonly doc?: string; readonly line?: number; readonly quote?: string }[];
}

export function summarize(graph: InterchangeGraph, candidates: readonly CurationCandidate[]): ExtractionSummary {
  const count = <K extends string>(keys: readonly K[], values: readonly string[]) =>
    Object.fromEntries(keys.map((k) => [k, values.filter((v) => v === k).length])) as Record<K, number>;
  const allFlags = graph.nodes.flatMap((n) => n.flags);
  return {
    nodes: count(NODE_KINDS, graph.nodes.map((n) => n.kind)),
    edges: count(EDGE_KINDS, graph.edges.map((e) => e.kind)),
    flags: count(FLAGS, allFlags.map((f) => f.flag)),
    inferredEdges: graph.edges.filter((e) => e.confidence === "inferred").length,
    inferredFlags: allFlags.filter((f) => f.confidence === "inferred").length,
    evidenceEntries:
      graph.nodes.reduce((s, n) => s + n.evidence.length + n.flags.reduce((t, f) => t + f.evidence.length, 0), 0) +
      graph.edges.reduce((s, e) => s + e.evidence.length, 0),
    needsCuration: candidates.map((c) => ({ id: c.id, zh: c.zh, kind: c.kind, doc: c.evidence[0]?.doc, line: c.evidence[0]?.line, quote: c.evidence[0]?.quote })),
  };
}

export function formatSummary(s: ExtractionSummary): string {
  const line = (label: string, rec: Readonly<Record<string, number>>) =>
    `${label}: ${Object.entries(rec)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`;
  const out = [
    line("nodes", s.nodes),
    line("edges", s.edges),
    line("flags", s.flags),
    `inferred: ${s.inferredEdges} edges, ${s.inferredFlags} flags`,
    `evidence entries: ${s.evidenceEntries}`,
  ];
  if (s.needsCuration.length === 0) out.push("needs curation: none");
  else {
    out.push(`needs curation: ${s.needsCuration.length} term(s) found by a pattern but missing from the lexicon`);
    for (const c of s.needsCuration) out.push(`  ${c.zh}  (${c.kind}, ${c.id})  ${c.doc}:${c.line}  ${c.quote ?? ""}`);
  }
  return `${out.join("\n")}\n`;
}
