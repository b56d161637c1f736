/** A layered supply graph as nodes.csv + edges.csv text, deterministic for a seed: regions (one
 *  enclosing the rest), suppliers located in them, products → components → materials as a DAG
 *  (REQUIRES only from a lower to a higher index, so no cycles), items sourced from suppliers. */
export function syntheticCsv(nodeCount: number, edgeCount: number, seed = 1): { nodes: string; edges: string } {
  let state = seed >>> 0;
  const random = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo));
  const regions = 50;
  const suppliers = Math.floor(nodeCount * 0.15);
  const products = Math.max(1, Math.floor(nodeCount * 0.02));
  const materials = Math.floor(nodeCount * 0.25);
  const components = nodeCount - regions - suppliers - products - materials;
  const items = products + components + materials;
  const itemId = (g: number) => (g < products ? `p-${g}` : g < products + components ? `c-${g}` : `m-${g}`);
  const kindOf = (g: number) => (g < products ? "Product" : g < products + components ? "Component" : "Material");

  const nodes = ["id,kind,name_zh,name_en,inventory_days,note"];
  for (let r = 0; r < regions; r++) nodes.push(`r-${r},Region,地区${r},Region ${r},,`);
  for (let s = 0; s < suppliers; s++) nodes.push(`s-${s},Supplier,供应商${s},"Supplier ${s}, Ltd",,`);
  for (let g = 0; g < items; g++) nodes.push(`${itemId(g)},${kindOf(g)},部件${g},Item ${g},${g % 90},synthetic`);

  const edges = ["from,to,kind,share,note"];
  const seen = new Set<string>();
  const add = (line: string, key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    edges.push(line);
  };
  for (let r = 1; r < regions; r++) add(`r-${r},r-0,WITHIN,,`, `w${r}`);
  for (let s = 0; s < suppliers && edges.length <= edgeCount; s++) add(`s-${s},r-${1 + (s % (regions - 1))},LOCATED_IN,,`, `l${s}`);
  while (edges.length <= edgeCount) {
    if (random() < 0.5) {
      const parent = pick(0, products + components);
      const child = pick(Math.max(parent + 1, products), items);
      if (child <= parent || child >= items) continue;
      add(`${itemId(parent)},${itemId(child)},REQUIRES,,`, `q${parent}-${child}`);
    } else {
      const item = pick(0, items);
      const s = pick(0, suppliers);
      add(`${itemId(item)},s-${s},SOURCED_FROM,${(random() * 0.9 + 0.1).toFixed(2)},`, `o${item}-${s}`);
    }
  }
  return { nodes: `${nodes.join("\n")}\n`, edges: `${edges.join("\n")}\n` };
}
