import type { MapNodeKind } from "./elements";
import { isControlOrBidi } from "./labels";
import { shapeSvg } from "./shapes";

/** A drawn map reduced to what SVG needs; map/export.ts reads it from Cytoscape's rendered styles. */
export interface SvgNode {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly kind: MapNodeKind;
  readonly fill: string;
  readonly stroke: string;
  readonly strokeWidth: number;
  readonly dashed: boolean;
  readonly opacity: number;
  readonly label: string;
  readonly fontSize: number;
}

export interface SvgEdge {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly color: string;
  readonly width: number;
  readonly dash: "solid" | "dashed" | "dotted";
  readonly opacity: number;
}

/** Escapes text for SVG/XML content and attributes (labels come from imported data) and drops
 *  characters XML 1.0 forbids or that could reorder the text. */
export function xmlEscape(s: string): string {
  return [...s]
    .filter((ch) => !isControlOrBidi(ch) || ch === "\t" || ch === "\n" || ch === "\r")
    .join("")
    .replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** Colours are copied from computed styles; anything but a plain colour becomes grey. */
function colour(c: string): string {
  return /^(#[0-9a-f]{3,8}|rgba?\([\d\s.,%]+\)|[a-z]+)$/i.test(c) ? c : "#888";
}

function num(n: number): string {
  return Number.isFinite(n) ? n.toFixed(1) : "0";
}

export function toSvg(nodes: readonly SvgNode[], edges: readonly SvgEdge[], title: string): string {
  const pad = 40;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const n of nodes) {
    minX = Math.min(minX, n.x - n.w / 2 - 80);
    maxX = Math.max(maxX, n.x + n.w / 2 + 80);
    minY = Math.min(minY, n.y - n.h / 2);
    maxY = Math.max(maxY, n.y + n.h / 2 + n.fontSize * 3);
  }
  if (!Number.isFinite(minX)) [minX, minY, maxX, maxY] = [0, 0, 100, 100];
  const w = maxX - minX + 2 * pad;
  const h = maxY - minY + 2 * pad;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(w)}" height="${num(h)}" viewBox="${num(minX - pad)} ${num(minY - pad)} ${num(w)} ${num(h)}" font-family="system-ui, 'PingFang SC', 'Noto Sans CJK SC', sans-serif">`,
    `<title>${xmlEscape(title)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>`,
    `<rect x="${num(minX - pad)}" y="${num(minY - pad)}" width="${num(w)}" height="${num(h)}" fill="#ffffff"/>`,
    `<g class="edges">`,
  ];
  for (const e of edges) {
    const dash = e.dash === "dashed" ? ` stroke-dasharray="6 4"` : e.dash === "dotted" ? ` stroke-dasharray="1.5 3"` : "";
    out.push(`<line x1="${num(e.x1)}" y1="${num(e.y1)}" x2="${num(e.x2)}" y2="${num(e.y2)}" stroke="${colour(e.color)}" stroke-width="${num(e.width)}"${dash} opacity="${num(e.opacity)}" marker-end="url(#arrow)"/>`);
  }
  out.push(`</g><g class="nodes">`);
  for (const n of nodes) {
    const dash = n.dashed ? ` stroke-dasharray="4 3"` : "";
    out.push(`<g opacity="${num(n.opacity)}">${shapeSvg(n.kind, n.x, n.y, n.w, n.h)} fill="${colour(n.fill)}" stroke="${colour(n.stroke)}" stroke-width="${num(n.strokeWidth)}"${dash}/>`);
    if (n.label !== "") out.push(`<text x="${num(n.x)}" y="${num(n.y + n.h / 2 + n.fontSize + 2)}" font-size="${num(n.fontSize)}" text-anchor="middle" fill="#1d2430">${xmlEscape(n.label)}</text>`);
    out.push(`</g>`);
  }
  out.push(`</g></svg>`);
  return out.join("\n");
}
