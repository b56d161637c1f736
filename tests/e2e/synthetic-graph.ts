import { writeFileSync } from "node:fs";

/**
 * A layered synthetic interchange file of exactly `n` nodes (5 % products, 50 % components,
 * 25 % materials, 16 % suppliers, 4 % regions) with a few edges per node, written for a second
 * server to load as its seed graph. Deterministic (a fixed LCG), so runs are comparable.
 */
export function writeSyntheticGraph(file: string, n: number): { nodes: number; edges: number } {
  let seed = 42;
  const rand = (k: number) => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return Math.floor((seed / 4294967296) * k);
  };
  const counts = { Product: Math.round(n * 0.05), Component: Math.round(n * 0.5), Material: Math.round(n * 0.25), Region: Math.round(n * 0.04) };
  const supplier = n - counts.Product - counts.Component - counts.Material - counts.Region;
  const evidence = [{ note: "synthetic" }];
  const nodes: object[] = [];
  const ids: Record<string, string[]> = { Product: [], Component: [], Material: [], Supplier: [], Region: [] };
  const add = (kind: string, count: number) => {
    for (let i = 0; i < count; i++) {
      const id = `${kind.toLowerCase()}-${i}`;
      ids[kind]!.push(id);
      nodes.push({ id, kind, name: { en: `${kind} ${i}`, zh: `${kind}${i}号` }, evidence, ...(kind === "Product" && { category: "treatment", attrs: { inventoryDays: 10 + rand(80) } }) });
    }
  };
  add("Product", counts.Product);
  add("Component", counts.Component);
  add("Material", counts.Material);
  add("Supplier", supplier);
  add("Region", counts.Region);
  const edges = new Map<string, object>();
  const edge = (from: string, to: string, kind: string) => edges.set(`${from}>${kind}>${to}`, { from, to, kind, confidence: rand(4) === 0 ? "inferred" : "stated", evidence });
  const pick = (kind: string) => ids[kind]![rand(ids[kind]!.length)]!;
  for (const p of ids.Product!) for (let k = 0; k < 8; k++) edge(p, pick("Component"), "REQUIRES");
  for (const c of ids.Component!) {
    edge(c, pick("Material"), "REQUIRES");
    edge(c, pick("Supplier"), "SOURCED_FROM");
    if (rand(2) === 0) edge(c, pick("Supplier"), "SOURCED_FROM");
  }
  for (const m of ids.Material!) edge(m, rand(3) === 0 ? pick("Region") : pick("Supplier"), "SOURCED_FROM");
  for (const s of ids.Supplier!) edge(s, pick("Region"), "LOCATED_IN");
  ids.Region!.forEach((r, i) => {
    if (i >= 8) edge(r, ids.Region![i % 8]!, "WITHIN");
  });
  writeFileSync(file, JSON.stringify({ format: "chokepoint/graph", version: 1, documents: [], nodes, edges: [...edges.values()] }));
  return { nodes: nodes.length, edges: edges.size };
}
