import {
  INTERCHANGE_FORMAT,
  INTERCHANGE_VERSION,
  edgeKey,
  type Evidence,
  type Flag,
  type FlagEntry,
  type GraphEdge,
  type GraphNode,
  type InterchangeGraph,
  type NodeKind,
} from "@chokepoint/graph-schema";
import type { PreparedDocument } from "./document-views";
import { cmp, mergeEvidence, toEvidence } from "./evidence";
import type { Fact } from "./facts";
import type { Lexicon } from "./lexicon";

/** A term a pattern found that the lexicon lacks: kept in the graph with its zh name only. */
export interface CurationCandidate {
  readonly id: string;
  readonly zh: string;
  readonly kind: NodeKind;
  readonly pattern: string;
  readonly evidence: readonly Evidence[];
}

export interface Assembled {
  readonly graph: InterchangeGraph;
  readonly candidates: readonly CurationCandidate[];
}

/** A node's own evidence says where it is named; 中国 is named in a hundred places, so a node keeps
 *  the first few (in document and line order). Edges and flags keep all of theirs. */
export const MAX_NODE_EVIDENCE = 12;

interface Claim {
  readonly evidence: Evidence[];
  stated: boolean;
}

const claim = (map: Map<string, Claim>, key: string): Claim => {
  let c = map.get(key);
  if (!c) {
    c = { evidence: [], stated: false };
    map.set(key, c);
  }
  return c;
};

/** Merges facts into the interchange graph: one node per id, one edge per (from, kind, to) with all
 *  its evidence (004 reprints 003, so such an edge has two entries), one flag entry per type. The
 *  region hierarchy and supplier locations from the lexicon are added for the nodes present, as
 *  inferred edges that cite the quote naming the node and the curator's note. */
export function assemble(facts: readonly Fact[], docs: ReadonlyMap<string, PreparedDocument>, lexicon: Lexicon): Assembled {
  const nodeEvidence = new Map<string, Evidence[]>();
  const candidates = new Map<string, { zh: string; kind: NodeKind; pattern: string }>();
  const edges = new Map<string, Claim & { from: string; to: string; kind: GraphEdge["kind"] }>();
  const flags = new Map<string, Claim>();
  const addNodeEvidence = (id: string, ev: Evidence) => {
    const list = nodeEvidence.get(id);
    if (list) list.push(ev);
    else nodeEvidence.set(id, [ev]);
  };
  const addEdge = (from: string, kind: GraphEdge["kind"], to: string, ev: Evidence, stated: boolean) => {
    const key = edgeKey({ from, kind, to });
    let e = edges.get(key);
    if (!e) {
      e = { from, to, kind, evidence: [], stated: false };
      edges.set(key, e);
    }
    e.evidence.push(ev);
    e.stated ||= stated;
  };

  for (const f of facts) {
    switch (f.type) {
      case "mention":
        addNodeEvidence(f.id, toEvidence(docs, f.span));
        break;
      case "candidate":
        addNodeEvidence(f.id, toEvidence(docs, f.span));
        if (!candidates.has(f.id)) candidates.set(f.id, { zh: f.zh, kind: f.kind, pattern: f.pattern });
        break;
      case "edge":
        addEdge(f.from, f.kind, f.to, toEvidence(docs, f.span, f.confidence === "inferred" ? f.note : undefined), f.confidence === "stated");
        break;
      case "flag": {
        const c = claim(flags, `${f.id}|${f.flag}`);
        c.evidence.push(toEvidence(docs, f.span, f.confidence === "inferred" ? f.note : undefined));
        c.stated ||= f.confidence === "stated";
        break;
      }
    }
  }
  // Every endpoint and flagged node is a node, with at least the quote that involves it.
  for (const e of edges.values()) {
    for (const id of [e.from, e.to]) if (!nodeEvidence.has(id)) nodeEvidence.set(id, e.evidence.map(({ note: _note, ...rest }) => rest));
  }
  for (const [key, c] of flags) {
    const id = key.slice(0, key.indexOf("|"));
    if (!nodeEvidence.has(id)) nodeEvidence.set(id, c.evidence.map(({ note: _note, ...rest }) => rest));
  }

  addGeography(lexicon, nodeEvidence, addEdge);

  const nodes: GraphNode[] = [...nodeEvidence.keys()].sort(cmp).map((id) => {
    const term = lexicon.byId.get(id);
    const candidate = candidates.get(id);
    const nodeFlags: FlagEntry[] = [];
    for (const [key, c] of flags) {
      const [fid, flag] = key.split("|") as [string, Flag];
      if (fid === id) nodeFlags.push({ flag, confidence: c.stated ? "stated" : "inferred", evidence: mergeEvidence(c.evidence) });
    }
    nodeFlags.sort((a, b) => cmp(a.flag, b.flag));
    const evidence = mergeEvidence(nodeEvidence.get(id)!).slice(0, MAX_NODE_EVIDENCE);
    if (term) {
      const aliases = [...new Set([...term.forms, ...term.aliases])].filter((a) => a !== term.zh && a !== term.en);
      return {
        id,
        kind: term.kind,
        name: { zh: term.zh, en: term.en },
        aliases,
        ...(term.category !== undefined && { category: term.category }),
        flags: nodeFlags,
        attrs: {},
        confidence: "stated",
        evidence,
      };
    }
    if (!candidate) throw new Error(`invariant: node ${id} is neither a lexicon term nor a candidate`);
    return { id, kind: candidate.kind, name: { zh: candidate.zh }, aliases: [], flags: nodeFlags, attrs: {}, confidence: "stated", evidence };
  });

  const graphEdges: GraphEdge[] = [...edges.values()]
    .sort((a, b) => cmp(a.from, b.from) || cmp(a.kind, b.kind) || cmp(a.to, b.to))
    .map((e) => ({ from: e.from, to: e.to, kind: e.kind, confidence: e.stated ? "stated" : "inferred", evidence: mergeEvidence(e.evidence) }));

  const curation: CurationCandidate[] = [...candidates.entries()]
    .map(([id, c]) => ({ id, zh: c.zh, kind: c.kind, pattern: c.pattern, evidence: mergeEvidence(nodeEvidence.get(id) ?? []) }))
    .sort((a, b) => cmp(a.zh, b.zh));

  const documents = [...docs.values()].map((d) => d.meta.document).sort((a, b) => cmp(a.id, b.id));
  return { graph: { format: INTERCHANGE_FORMAT, version: INTERCHANGE_VERSION, documents, nodes, edges: graphEdges }, candidates: curation };
}

/** WITHIN and LOCATED_IN from the lexicon, for the regions and suppliers the texts name. A
 *  supplier's region is added even when the texts name it only inside the supplier's name (深广,
 *  泰连锡), citing the supplier's quote; an enclosing region the texts never name is skipped in
 *  favour of the next one up that they do. */
function addGeography(
  lexicon: Lexicon,
  nodeEvidence: Map<string, Evidence[]>,
  addEdge: (from: string, kind: GraphEdge["kind"], to: string, ev: Evidence, stated: boolean) => void,
): void {
  const firstEvidence = (id: string) => mergeEvidence(nodeEvidence.get(id) ?? [])[0];
  const nearestPresent = (start: readonly string[]): string[] => {
    const out: string[] = [];
    const seen = new Set<string>();
    const queue = [...start];
    while (queue.length > 0) {
      const r = queue.shift()!;
      if (seen.has(r)) continue;
      seen.add(r);
      if (nodeEvidence.has(r)) out.push(r);
      else queue.push(...(lexicon.byId.get(r)?.within ?? []));
    }
    return out;
  };
  const noteFor = (term: { readonly en: string; readonly note?: string }, to: string) =>
    term.note ?? `${term.en} lies in ${lexicon.byId.get(to)?.en ?? to} (common geography)`;
  for (const id of [...nodeEvidence.keys()].sort(cmp)) {
    const term = lexicon.byId.get(id);
    const first = firstEvidence(id);
    if (term?.kind !== "Supplier" || !first) continue;
    for (const to of term.locatedIn) {
      if (!nodeEvidence.has(to)) nodeEvidence.set(to, [{ doc: first.doc, line: first.line, quote: first.quote }]);
      addEdge(id, "LOCATED_IN", to, { ...first, note: noteFor(term, to) }, false);
    }
  }
  for (const id of [...nodeEvidence.keys()].sort(cmp)) {
    const term = lexicon.byId.get(id);
    const first = firstEvidence(id);
    if (term?.kind !== "Region" || !first) continue;
    for (const to of nearestPresent(term.within)) addEdge(id, "WITHIN", to, { ...first, note: noteFor(term, to) }, false);
  }
}
