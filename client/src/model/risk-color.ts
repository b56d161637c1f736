/**
 * Risk in [0, 1] → colour, a sequential blue → yellow → red scale (ColorBrewer RdYlBu, reversed),
 * readable on white and with dark label text below the node. The legend draws the same stops.
 */
export const RISK_STOPS: readonly (readonly [number, string])[] = [
  [0, "#74add1"],
  [0.25, "#e0f3f8"],
  [0.45, "#fee090"],
  [0.65, "#fdae61"],
  [0.82, "#f46d43"],
  [1, "#a50026"],
];

function rgb(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

function hex2(n: number): string {
  return Math.round(n).toString(16).padStart(2, "0");
}

export function riskColor(risk: number): string {
  const r = Number.isFinite(risk) ? Math.max(0, Math.min(1, risk)) : 0;
  for (let i = 1; i < RISK_STOPS.length; i++) {
    const [x1, c1] = RISK_STOPS[i]!;
    if (r <= x1) {
      const [x0, c0] = RISK_STOPS[i - 1]!;
      const t = x1 === x0 ? 0 : (r - x0) / (x1 - x0);
      const a = rgb(c0);
      const b = rgb(c1);
      return `#${hex2(a[0] + (b[0] - a[0]) * t)}${hex2(a[1] + (b[1] - a[1]) * t)}${hex2(a[2] + (b[2] - a[2]) * t)}`;
    }
  }
  return RISK_STOPS[RISK_STOPS.length - 1]![1];
}
