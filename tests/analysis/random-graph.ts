/**
 * Small seeded random supply graphs for the oracle test: products, components, materials,
 * suppliers and regions, with alternatives groups, several sources, items sourced straight from
 * regions, multi-region suppliers, regions within several regions, mixed confidence, and the
 * occasional REQUIRES or WITHIN cycle.
 */
import type { Confidence, GraphEdge, GraphNode, NodeKind } from "@chokepoint/graph-schema";

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function node(id: string, kind: NodeKind, attrs: Record<string, number> = {}): GraphNode {
  return { id, kind, name: { en: id }, aliases: [], flags: [], attrs, confidence: "stated", evidence: [{ note: "test" }] };
}

export function edge(from: string, kind: GraphEdge["kind"], to: string, extra: { group?: string; confidence?: Confidence; share?: number } = {}): GraphEdge {
  return {
    from,
    to,
    kind,
    ...(extra.group !== undefined && { group: extra.group }),
    ...(extra.share !== undefined && { share: extra.share }),
    confidence: extra.confidence ?? "stated",
    evidence: [{ note: "test" }],
  };
}

export interface RandomGraph {
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
}

export function randomGraph(seed: number): RandomGraph {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const conf = (): Confidence => (rnd() < 0.2 ? "inferred" : "stated");
  const layer = (prefix: string, kind: NodeKind, count: number) => Array.from({ length: count }, (_, i) => node(`${prefix}${i}`, kind));
  const products = layer("p", "Product", int(1, 3));
  const components = layer("c", "Component", int(1, 7));
  const materials = layer("m", "Material", int(0, 6));
  const suppliers = layer("s", "Supplier", int(0, 5));
  const regions = layer("r", "Region", int(0, 5));
  const nodes = [...products, ...components, ...materials, ...suppliers, ...regions];
  const items = [...products, ...components, ...materials];
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  const add = (from: string, kind: GraphEdge["kind"], to: string, extra: { group?: string; confidence?: Confidence } = {}) => {
    const key = `${from}|${kind}|${to}`;
    if (from === to || seen.has(key)) return;
    seen.add(key);
    edges.push(edge(from, kind, to, { confidence: conf(), ...extra }));
  };
  const depthOf = (id: string) => (id.startsWith("p") ? 0 : id.startsWith("c") ? 1 : 2);
  for (const it of items) {
    const below = items.filter((x) => depthOf(x.id) > depthOf(it.id) || (depthOf(x.id) === depthOf(it.id) && x.id > it.id));
    const reqs = below.length === 0 ? 0 : int(0, 3);
    for (let i = 0; i < reqs; i++) {
      const r = rnd();
      add(it.id, "REQUIRES", pick(below).id, r < 0.45 ? { group: `g${int(1, 2)}` } : {});
    }
    // A rare edge upwards makes a REQUIRES cycle.
    if (rnd() < 0.08) add(it.id, "REQUIRES", pick(items).id);
    const targets = [...suppliers, ...regions];
    if (targets.length > 0 && rnd() < 0.75) {
      const n = int(1, 3);
      for (let i = 0; i < n; i++) add(it.id, "SOURCED_FROM", pick(rnd() < 0.75 && suppliers.length > 0 ? suppliers : targets).id);
    }
  }
  if (regions.length > 0) {
    for (const s of suppliers) {
      const n = rnd() < 0.2 ? 2 : rnd() < 0.85 ? 1 : 0;
      for (let i = 0; i < n; i++) add(s.id, "LOCATED_IN", pick(regions).id);
    }
    for (const r of regions) {
      const higher = regions.filter((x) => x.id > r.id);
      const n = higher.length === 0 ? 0 : rnd() < 0.25 ? 2 : rnd() < 0.6 ? 1 : 0;
      for (let i = 0; i < n; i++) add(r.id, "WITHIN", pick(higher).id);
      if (rnd() < 0.05) add(r.id, "WITHIN", pick(regions).id);
    }
  }
  // Shuffle edge order so that nothing depends on input order.
  for (let i = edges.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [edges[i], edges[j]] = [edges[j]!, edges[i]!];
  }
  return { nodes, edges };
}
