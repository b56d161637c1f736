import type { MapElement, MapNodeKind } from "./elements";

export interface Position {
  readonly x: number;
  readonly y: number;
}

/** Products on top, then components, materials, suppliers, regions at the bottom (DESIGN §6). */
const LAYER: Readonly<Record<MapNodeKind, number>> = { Product: 0, Component: 1, Material: 2, Supplier: 3, Region: 4 };
const LAYERS = 5;

export const LAYOUT_SPACING = { x: 150, row: 80, layer: 170 } as const;

/**
 * A deterministic layered layout, O(n log n): layers by kind, order inside a layer by the
 * barycentre of the parents (one down sweep, one up sweep for the products, one more down sweep,
 * the classic Sugiyama heuristic without the expensive parts), long layers wrapped into rows so
 * 5,000 nodes still form a readable band rather than a line kilometres wide.
 */
export function layeredPositions(elements: readonly MapElement[]): Map<string, Position> {
  const layerOf = new Map<string, number>();
  const original = new Map<string, number>();
  const layers: string[][] = Array.from({ length: LAYERS }, () => []);
  for (const el of elements) {
    if (el.group !== "nodes") continue;
    const layer = LAYER[el.data.kind];
    layerOf.set(el.data.id, layer);
    original.set(el.data.id, original.size);
    layers[layer]!.push(el.data.id);
  }
  const parents = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  for (const el of elements) {
    if (el.group !== "edges") continue;
    const { source, target } = el.data;
    if (!layerOf.has(source) || !layerOf.has(target) || source === target) continue;
    push(parents, target, source);
    push(children, source, target);
  }
  const rank = new Map<string, number>();
  const assign = (layer: string[]) => layer.forEach((id, i) => rank.set(id, layer.length > 1 ? i / (layer.length - 1) : 0.5));
  const sortBy = (layer: string[], neighbours: Map<string, string[]>) => {
    const key = new Map<string, number>();
    for (const id of layer) {
      const ranks = (neighbours.get(id) ?? []).map((p) => rank.get(p)).filter((r): r is number => r !== undefined);
      key.set(id, ranks.length > 0 ? ranks.reduce((a, b) => a + b, 0) / ranks.length : Number.POSITIVE_INFINITY);
    }
    layer.sort((a, b) => key.get(a)! - key.get(b)! || original.get(a)! - original.get(b)!);
    assign(layer);
  };

  assign(layers[0]!);
  for (let l = 1; l < LAYERS; l++) sortBy(layers[l]!, parents);
  sortBy(layers[0]!, children);
  for (let l = 1; l < LAYERS; l++) sortBy(layers[l]!, parents);

  const total = layerOf.size;
  // Rows of about √n nodes give a band roughly as wide as a screen is (≈1.6 : 1 with these spacings).
  const perRow = Math.max(8, Math.ceil(Math.sqrt(total)));
  const positions = new Map<string, Position>();
  let y = 0;
  for (const layer of layers) {
    if (layer.length === 0) continue;
    const rows = Math.ceil(layer.length / perRow);
    for (let r = 0; r < rows; r++) {
      const row = layer.slice(r * perRow, (r + 1) * perRow);
      // Odd rows shift by half a slot so labels of stacked rows do not line up into a wall.
      const offset = (r % 2) * (LAYOUT_SPACING.x / 2);
      row.forEach((id, i) => positions.set(id, { x: (i - (row.length - 1) / 2) * LAYOUT_SPACING.x + offset, y }));
      y += LAYOUT_SPACING.row;
    }
    y += LAYOUT_SPACING.layer - LAYOUT_SPACING.row;
  }
  return positions;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
