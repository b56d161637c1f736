import type { Core, EdgeSingular, NodeSingular } from "cytoscape";
import type { MapNodeKind } from "../model/elements";
import { toSvg, type SvgEdge, type SvgNode } from "../model/svg-export";

/** PNG of the whole map (not just the viewport) at twice the resolution, on white. */
export async function mapPng(cy: Core): Promise<Blob> {
  return cy.png({ output: "blob-promise", full: true, scale: 2, bg: "#ffffff", maxWidth: 8000, maxHeight: 8000 });
}

const px = (v: string | undefined, fallback: number): number => {
  const n = parseFloat(v ?? "");
  return Number.isFinite(n) ? n : fallback;
};

function svgNode(n: NodeSingular): SvgNode {
  const p = n.position();
  return {
    x: p.x,
    y: p.y,
    w: n.width(),
    h: n.height(),
    kind: n.data("kind") as MapNodeKind,
    fill: String(n.style("background-color")),
    stroke: String(n.style("border-color")),
    strokeWidth: px(n.style("border-width") as string, 1),
    dashed: n.style("border-style") === "dashed",
    opacity: px(n.style("opacity") as string, 1) * (n.hasClass("gap") ? 0.6 : 1),
    label: String(n.data("label") ?? ""),
    fontSize: px(n.style("font-size") as string, 11),
  };
}

function svgEdge(e: EdgeSingular): SvgEdge {
  const s = e.sourceEndpoint();
  const t = e.targetEndpoint();
  const style = String(e.style("line-style"));
  return {
    x1: s.x,
    y1: s.y,
    x2: t.x,
    y2: t.y,
    color: String(e.style("line-color")),
    width: px(e.style("width") as string, 1),
    dash: style === "dashed" ? "dashed" : style === "dotted" ? "dotted" : "solid",
    opacity: px(e.style("opacity") as string, 1),
  };
}

/** Cytoscape has no SVG output; this redraws the laid-out map as SVG shapes and escaped text. */
export function mapSvg(cy: Core, title: string): Blob {
  const nodes = cy.nodes().map(svgNode);
  const edges = cy.edges().map(svgEdge);
  return new Blob([toSvg(nodes, edges, title)], { type: "image/svg+xml;charset=utf-8" });
}
