import type { MapNodeKind } from "../model/elements";
import { shapeGeometry } from "../model/shapes";

interface Props {
  readonly kind: MapNodeKind;
  readonly size?: number;
  readonly fill?: string;
  readonly stroke?: string;
  readonly dashed?: boolean;
}

/** The map's shape for a kind, as inline SVG (legend, panel headers, lists). */
export function KindShape({ kind, size = 16, fill = "#cfd8e3", stroke = "#5b6573", dashed = false }: Props) {
  const w = kind === "Product" ? size * 1.5 : size;
  const g = shapeGeometry(kind, w / 2 + 1, size / 2 + 1, w, size);
  const paint = { fill, stroke, strokeWidth: 1.2, ...(dashed && { strokeDasharray: "3 2" }) };
  return (
    <svg className="kind-shape" width={w + 2} height={size + 2} aria-hidden="true" focusable="false">
      {g.tag === "rect" && <rect x={g.x} y={g.y} width={g.width} height={g.height} rx={g.rx} {...paint} />}
      {g.tag === "ellipse" && <ellipse cx={g.cx} cy={g.cy} rx={g.rx} ry={g.ry} {...paint} />}
      {g.tag === "polygon" && <polygon points={g.points} {...paint} />}
    </svg>
  );
}
