import type { Evidence, GraphEdge, GraphNode, SourceDocument } from "@chokepoint/graph-schema";

/**
 * Domain objects → Neo4j property maps. Neo4j properties are scalars or lists of scalars, so the
 * nested parts (flags, attrs, evidence) travel as JSON strings. Absent optional fields are left
 * out rather than sent as null, so `SET n = $props` leaves no empty properties behind.
 */

export interface NodeProps {
  readonly id: string;
  readonly kind: string;
  readonly nameZh?: string;
  readonly nameEn?: string;
  readonly aliases: readonly string[];
  readonly category?: string;
  /** JSON of the flag entries (with their evidence). */
  readonly flags: string;
  /** The flag names alone, so `listNodes({flag})` can filter without parsing JSON in Cypher. */
  readonly flagNames: readonly string[];
  /** JSON, keys sorted so that equal attrs always serialise equally. */
  readonly attrs: string;
  readonly confidence: string;
  readonly evidence: string;
}

export interface EdgeProps {
  readonly group?: string;
  readonly share?: number;
  readonly leadTimeDays?: number;
  readonly qualified?: boolean;
  readonly confidence: string;
  readonly evidence: string;
}

/** Keys avoid `from`/`to`, which are Cypher keywords in some positions. */
export interface EdgeRow {
  readonly fromId: string;
  readonly toId: string;
  readonly props: EdgeProps;
}

export interface DocumentProps {
  readonly id: string;
  readonly file: string;
  readonly titleZh?: string;
  readonly titleEn?: string;
  readonly issuerZh?: string;
  readonly issuerEn?: string;
  readonly date?: string;
}

/** Evidence with its keys in one fixed order, so equal evidence is equal JSON. */
function orderedEvidence(evidence: readonly Evidence[]): Evidence[] {
  return evidence.map((e) => ({
    ...(e.doc !== undefined && { doc: e.doc }),
    ...(e.line !== undefined && { line: e.line }),
    ...(e.quote !== undefined && { quote: e.quote }),
    ...(e.file !== undefined && { file: e.file }),
    ...(e.row !== undefined && { row: e.row }),
    ...(e.note !== undefined && { note: e.note }),
  }));
}

export function nodeProps(node: GraphNode): NodeProps {
  const attrs = Object.keys(node.attrs)
    .sort()
    .map((k) => [k, node.attrs[k]] as const);
  return {
    id: node.id,
    kind: node.kind,
    ...(node.name.zh !== undefined && { nameZh: node.name.zh }),
    ...(node.name.en !== undefined && { nameEn: node.name.en }),
    aliases: [...node.aliases],
    ...(node.category !== undefined && { category: node.category }),
    flags: JSON.stringify(node.flags.map((f) => ({ flag: f.flag, confidence: f.confidence, evidence: orderedEvidence(f.evidence) }))),
    flagNames: node.flags.map((f) => f.flag),
    attrs: JSON.stringify(Object.fromEntries(attrs)),
    confidence: node.confidence,
    evidence: JSON.stringify(orderedEvidence(node.evidence)),
  };
}

export function edgeRow(edge: GraphEdge): EdgeRow {
  return {
    fromId: edge.from,
    toId: edge.to,
    props: {
      ...(edge.group !== undefined && { group: edge.group }),
      ...(edge.share !== undefined && { share: edge.share }),
      ...(edge.leadTimeDays !== undefined && { leadTimeDays: edge.leadTimeDays }),
      ...(edge.qualified !== undefined && { qualified: edge.qualified }),
      confidence: edge.confidence,
      evidence: JSON.stringify(orderedEvidence(edge.evidence)),
    },
  };
}

export function documentProps(doc: SourceDocument): DocumentProps {
  return {
    id: doc.id,
    file: doc.file,
    ...(doc.title.zh !== undefined && { titleZh: doc.title.zh }),
    ...(doc.title.en !== undefined && { titleEn: doc.title.en }),
    ...(doc.issuer?.zh !== undefined && { issuerZh: doc.issuer.zh }),
    ...(doc.issuer?.en !== undefined && { issuerEn: doc.issuer.en }),
    ...(doc.date !== undefined && { date: doc.date }),
  };
}
