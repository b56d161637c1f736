/**
 * A seeded generator of layered synthetic supply graphs for benchmarks and scale checks:
 * products → modules → parts → materials (with shared hub materials and some refined-from
 * materials), suppliers located in a region hierarchy (blocs ⊃ countries ⊃ provinces, a few
 * countries in two blocs, a few multi-region and unlocated suppliers), REQUIRES alternatives
 * groups, several sources per item, ~10% non-stated edges, inventory/recovery days and annual
 * values. About 3 edges per node; 10^3 to 10^6 nodes. A few "flagship" products need many
 * modules, so that some product cone has 10^3–10^4 nodes (for the order-2 cut-set benchmark).
 *
 * Children are picked near the parent's position (supply chains cluster), with some global picks
 * and a hot set of hub materials, so cones overlap the way real bills of materials do.
 * Deterministic for a given (size, seed): PRNG mulberry32.
 */
import type { Confidence, Evidence, GraphEdge, GraphNode, NodeKind } from "@chokepoint/graph-schema";

export interface SyntheticOptions {
  /** Total nodes (approximately). */
  readonly nodes: number;
  readonly seed?: number;
}

export interface SyntheticGraph {
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
  /** Products built with many modules (largest cones first). */
  readonly flagships: readonly string[];
  /** A country-level region (mid-hierarchy), for scenarios. */
  readonly country: string;
  /** A bloc (top-level region). */
  readonly bloc: string;
}

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

// Shared, frozen pieces: a million nodes must not mean a million empty arrays.
const NO_STRINGS: readonly string[] = Object.freeze([]);
const NO_FLAGS: GraphNode["flags"] = Object.freeze([]);
const EVIDENCE: readonly Evidence[] = Object.freeze([Object.freeze({ note: "synthetic" })]);
const NO_ATTRS: Readonly<Record<string, number>> = Object.freeze({});

export function generateSupplyGraph(options: SyntheticOptions): SyntheticGraph {
  const total = Math.max(200, Math.round(options.nodes));
  const rnd = mulberry32(options.seed ?? 20260101);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

  const blocs = Math.max(2, Math.min(6, Math.round(total / 2000)));
  const countries = Math.max(4, Math.round(total / 20000));
  const provinces = Math.max(8, Math.round(total / 1200));
  const regions = blocs + countries + provinces;
  const products = Math.max(3, Math.round(total * 0.01));
  const modules = Math.round(total * 0.09);
  const parts = Math.round(total * 0.26);
  const materials = Math.round(total * 0.3);
  const suppliers = Math.max(4, total - regions - products - modules - parts - materials);

  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const make = (id: string, kind: NodeKind, attrs: Readonly<Record<string, number>> = NO_ATTRS): string => {
    nodes.push({ id, kind, name: { en: id }, aliases: NO_STRINGS, flags: NO_FLAGS, attrs, confidence: "stated", evidence: EVIDENCE });
    return id;
  };
  const conf = (): Confidence => (rnd() < 0.1 ? "inferred" : "stated");
  const link = (from: string, kind: GraphEdge["kind"], to: string, group?: string): void => {
    edges.push(group === undefined ? { from, to, kind, confidence: conf(), evidence: EVIDENCE } : { from, to, kind, group, confidence: conf(), evidence: EVIDENCE });
  };
  /** Index near `at` (scaled from a layer of size `from` to one of size `size`), sometimes anywhere. */
  const near = (at: number, from: number, size: number, spread: number): number => {
    if (rnd() < 0.1) return Math.floor(rnd() * size);
    const centre = Math.floor((at / from) * size);
    return Math.min(size - 1, Math.max(0, centre + Math.floor((rnd() - 0.5) * spread)));
  };
  /** Picks `count` distinct indices with `pick`. */
  const distinct = (count: number, pick: () => number): number[] => {
    const out: number[] = [];
    for (let tries = 0; out.length < count && tries < count * 4; tries++) {
      const i = pick();
      if (!out.includes(i)) out.push(i);
    }
    return out;
  };
  /** Writes REQUIRES edges, a share of them as two- or three-member alternatives groups. */
  const requires = (parent: string, children: readonly string[], alternativeShare: number): void => {
    let g = 0;
    for (let i = 0; i < children.length; ) {
      const size = children.length - i >= 2 && rnd() < alternativeShare ? (children.length - i >= 3 && rnd() < 0.3 ? 3 : 2) : 1;
      const group = size > 1 ? `alt-${++g}` : undefined;
      for (let k = 0; k < size; k++) link(parent, "REQUIRES", children[i + k]!, group);
      i += size;
    }
  };

  // Regions: blocs ⊃ countries ⊃ provinces; a few countries lie in two blocs.
  const blocIds = Array.from({ length: blocs }, (_, i) => make(`bloc-${i}`, "Region"));
  const countryIds = Array.from({ length: countries }, (_, i) => make(`country-${i}`, "Region", { recoveryDays: int(30, 365) }));
  const provinceIds = Array.from({ length: provinces }, (_, i) => make(`province-${i}`, "Region"));
  countryIds.forEach((c, i) => {
    const b = i % blocs;
    link(c, "WITHIN", blocIds[b]!);
    if (rnd() < 0.05) link(c, "WITHIN", blocIds[(b + 1) % blocs]!);
  });
  provinceIds.forEach((p, i) => link(p, "WITHIN", countryIds[i % countries]!));

  // Suppliers: mostly in one province; some in a country, some in two places, a few unlocated.
  const supplierIds = Array.from({ length: suppliers }, (_, i) => make(`sup-${i}`, "Supplier"));
  supplierIds.forEach((s, i) => {
    const r = rnd();
    const province = provinceIds[near(i, suppliers, provinces, 8)]!;
    if (r < 0.01) return;
    if (r < 0.06) link(s, "LOCATED_IN", countryIds[int(0, countries - 1)]!);
    else link(s, "LOCATED_IN", province);
    const second = provinceIds[int(0, provinces - 1)]!;
    if (r > 0.95 && second !== province) link(s, "LOCATED_IN", second);
  });
  /** Sources: 1–3 suppliers near `at`, sometimes a region directly. */
  const source = (item: string, at: number, layer: number, mean: number): void => {
    const count = rnd() < 0.15 ? 0 : Math.max(1, Math.round(mean + (rnd() - 0.5) * 2));
    const picked = distinct(count, () => near(at, layer, suppliers, 400));
    for (const s of picked) link(item, "SOURCED_FROM", supplierIds[s]!);
    if (rnd() < 0.03) link(item, "SOURCED_FROM", countryIds[int(0, countries - 1)]!);
  };

  // Materials: hubs first (a hot set that many parts use); some refined from another material.
  const materialIds = Array.from({ length: materials }, (_, i) => make(`mat-${i}`, "Material"));
  const hubs = Math.max(1, Math.round(materials * 0.005));
  materialIds.forEach((m, i) => {
    source(m, i, materials, 2.5);
    if (i > hubs && rnd() < 0.2) link(m, "REQUIRES", materialIds[near(i, materials, i, 200)]!);
  });
  const material = (at: number, layer: number): number => (rnd() < 0.1 ? int(0, hubs - 1) : near(at, layer, materials, 300));

  const partIds = Array.from({ length: parts }, (_, i) => make(`part-${i}`, "Component", rnd() < 0.2 ? { recoveryDays: int(14, 240) } : NO_ATTRS));
  partIds.forEach((p, i) => {
    requires(p, distinct(int(1, 5), () => material(i, parts)).map((m) => materialIds[m]!), 0.15);
    source(p, i, parts, 1.5);
  });

  const moduleIds = Array.from({ length: modules }, (_, i) => make(`mod-${i}`, "Component"));
  moduleIds.forEach((m, i) => {
    requires(m, distinct(int(3, 9), () => near(i, modules, parts, 120)).map((p) => partIds[p]!), 0.2);
    if (rnd() < 0.3) source(m, i, modules, 1);
  });

  const flagships: string[] = [];
  for (let i = 0; i < products; i++) {
    const flagship = i % 1000 === 0;
    const id = make(`prod-${i}`, "Product", { annualValue: int(1, 1000), inventoryDays: int(7, 90) });
    if (flagship) flagships.push(id);
    const count = flagship ? Math.min(modules, 120) : int(4, 10);
    requires(id, distinct(count, () => near(i, products, modules, flagship ? 4000 : 60)).map((m) => moduleIds[m]!), 0.15);
  }
  return { nodes, edges, flagships, country: countryIds[0]!, bloc: blocIds[0]! };
}
