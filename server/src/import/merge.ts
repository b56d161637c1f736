import type { Evidence, FlagEntry, GraphEdge, GraphNode, LocalizedName } from "@chokepoint/graph-schema";
import type { EdgeItem, NodeItem } from "./import-items";
import { sameData } from "./same-data";

/**
 * Merge semantics of analyst imports (README "Importing your own data"): a row for an existing
 * node or edge sets the fields it gives and adds to aliases, flags and evidence; it never clears a
 * field or drops evidence (the seed graph's document quotes survive any import). A row that
 * changes nothing returns undefined and leaves no trace, which makes importing a file twice a
 * no-op. A row that creates or changes a fact records where it came from ({file, row}) unless it
 * carries evidence of its own.
 */

function evidenceKey(e: Evidence): string {
  return JSON.stringify([e.doc, e.line, e.quote, e.file, e.row, e.note]);
}

/** `a` followed by the entries of `b` it lacks; `a` itself when nothing is added. */
export function unionEvidence(a: readonly Evidence[], b: readonly Evidence[]): readonly Evidence[] {
  if (b.length === 0) return a;
  const keys = new Set(a.map(evidenceKey));
  const out = [...a];
  for (const e of b) {
    const k = evidenceKey(e);
    if (!keys.has(k)) {
      keys.add(k);
      out.push(e);
    }
  }
  return out.length === a.length ? a : out;
}

function unionStrings(a: readonly string[], b: readonly string[]): readonly string[] {
  const extra = b.filter((s) => !a.includes(s));
  return extra.length === 0 ? a : [...a, ...extra];
}

/** Flag evidence is the row without its note: the note describes the node. */
function flagProvenance(p: Evidence): Evidence {
  return { ...(p.file !== undefined && { file: p.file }), ...(p.row !== undefined && { row: p.row }) };
}

function withProvenance(flags: readonly FlagEntry[], p: Evidence): FlagEntry[] {
  return flags.map((f) => (f.evidence.length > 0 ? f : { ...f, evidence: [flagProvenance(p)] }));
}

function mergeFlags(stored: readonly FlagEntry[], incoming: readonly FlagEntry[], p: Evidence): readonly FlagEntry[] {
  if (incoming.length === 0) return stored;
  const out = stored.slice();
  for (const f of incoming) {
    const i = out.findIndex((s) => s.flag === f.flag);
    if (i === -1) out.push(withProvenance([f], p)[0]!);
    else out[i] = { ...out[i]!, evidence: unionEvidence(out[i]!.evidence, f.evidence) };
  }
  return out;
}

function mergeName(stored: LocalizedName, incoming: LocalizedName, given: NodeItem["given"]): LocalizedName {
  const zh = given.zh ? incoming.zh : stored.zh;
  const en = given.en ? incoming.en : stored.en;
  return { ...(zh !== undefined && { zh }), ...(en !== undefined && { en }) };
}

/** The node as it should be stored after this row, or undefined when the row changes nothing. */
export function mergeNode(stored: GraphNode | undefined, item: NodeItem): GraphNode | undefined {
  const { node, given, provenance } = item;
  if (!stored) {
    return { ...node, flags: withProvenance(node.flags, provenance), evidence: node.evidence.length > 0 ? node.evidence : [provenance] };
  }
  const attrs: Record<string, number> = { ...stored.attrs };
  for (const k of given.attrs) attrs[k] = node.attrs[k]!;
  const category = given.category ? node.category : stored.category;
  const merged: GraphNode = {
    id: stored.id,
    kind: node.kind,
    name: mergeName(stored.name, node.name, given),
    aliases: unionStrings(stored.aliases, node.aliases),
    ...(category !== undefined && { category }),
    flags: mergeFlags(stored.flags, node.flags, provenance),
    attrs,
    confidence: given.confidence ? node.confidence : stored.confidence,
    evidence: unionEvidence(stored.evidence, node.evidence),
  };
  const newNote = provenance.note !== undefined && !stored.evidence.some((e) => e.note === provenance.note);
  if (!newNote && sameData(merged, stored)) return undefined;
  return node.evidence.length > 0 ? merged : { ...merged, evidence: unionEvidence(merged.evidence, [provenance]) };
}

/** The edge as it should be stored after this row, or undefined when the row changes nothing. */
export function mergeEdge(stored: GraphEdge | undefined, item: EdgeItem): GraphEdge | undefined {
  const { edge, given, provenance } = item;
  if (!stored) return { ...edge, evidence: edge.evidence.length > 0 ? edge.evidence : [provenance] };
  const group = given.group ? edge.group : stored.group;
  const share = given.share ? edge.share : stored.share;
  const leadTimeDays = given.leadTimeDays ? edge.leadTimeDays : stored.leadTimeDays;
  const qualified = given.qualified ? edge.qualified : stored.qualified;
  const merged: GraphEdge = {
    from: stored.from,
    to: stored.to,
    kind: stored.kind,
    ...(group !== undefined && { group }),
    ...(share !== undefined && { share }),
    ...(leadTimeDays !== undefined && { leadTimeDays }),
    ...(qualified !== undefined && { qualified }),
    confidence: given.confidence ? edge.confidence : stored.confidence,
    evidence: unionEvidence(stored.evidence, edge.evidence),
  };
  const newNote = provenance.note !== undefined && !stored.evidence.some((e) => e.note === provenance.note);
  if (!newNote && sameData(merged, stored)) return undefined;
  return edge.evidence.length > 0 ? merged : { ...merged, evidence: unionEvidence(merged.evidence, [provenance]) };
}
