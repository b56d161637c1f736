import type { MapNodeKind } from "./elements";

/** One shape per kind, shared by the stylesheet, the legend and the SVG export. */
export const KIND_SHAPE: Readonly<Record<MapNodeKind, string>> = {
  Product: "round-rectangle",
  Component: "ellipse",
  Material: "hexagon",
  Supplier: "diamond",
  Region: "octagon",
};

export const KIND_SIZE: Readonly<Record<MapNodeKind, { readonly w: number; readonly h: number }>> = {
  Product: { w: 56, h: 34 },
  Component: { w: 34, h: 34 },
  Material: { w: 34, h: 30 },
  Supplier: { w: 32, h: 32 },
  Region: { w: 34, h: 34 },
};

export type ShapeGeometry =
  | { readonly tag: "rect"; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly rx: number }
  | { readonly tag: "ellipse"; readonly cx: number; readonly cy: number; readonly rx: number; readonly ry: number }
  | { readonly tag: "polygon"; readonly points: string };

const POLYGONS: Readonly<Record<string, readonly (readonly [number, number])[]>> = {
  hexagon: [[-1, 0], [-0.5, -1], [0.5, -1], [1, 0], [0.5, 1], [-0.5, 1]],
  diamond: [[0, -1], [1, 0], [0, 1], [-1, 0]],
  octagon: [[-0.41, -1], [0.41, -1], [1, -0.41], [1, 0.41], [0.41, 1], [-0.41, 1], [-1, 0.41], [-1, -0.41]],
};

/** A kind's shape centred at (cx, cy), as SVG geometry. */
export function shapeGeometry(kind: MapNodeKind, cx: number, cy: number, w: number, h: number): ShapeGeometry {
  const shape = KIND_SHAPE[kind];
  if (shape === "round-rectangle") return { tag: "rect", x: cx - w / 2, y: cy - h / 2, width: w, height: h, rx: Math.min(w, h) / 4 };
  const pts = POLYGONS[shape];
  if (pts) return { tag: "polygon", points: pts.map(([a, b]) => `${(cx + (a * w) / 2).toFixed(1)},${(cy + (b * h) / 2).toFixed(1)}`).join(" ") };
  return { tag: "ellipse", cx, cy, rx: w / 2, ry: h / 2 };
}

/** The geometry as an SVG start tag without fill/stroke (the caller appends them and closes it). */
export function shapeSvg(kind: MapNodeKind, cx: number, cy: number, w: number, h: number): string {
  const g = shapeGeometry(kind, cx, cy, w, h);
  const f = (n: number) => n.toFixed(1);
  if (g.tag === "rect") return `<rect x="${f(g.x)}" y="${f(g.y)}" width="${f(g.width)}" height="${f(g.height)}" rx="${f(g.rx)}"`;
  if (g.tag === "polygon") return `<polygon points="${g.points}"`;
  return `<ellipse cx="${f(g.cx)}" cy="${f(g.cy)}" rx="${f(g.rx)}" ry="${f(g.ry)}"`;
}
