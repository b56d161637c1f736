import type { Css, StylesheetJson } from "cytoscape";
import { allBadgeKeys, badgeDataUri, BADGE_DISC } from "../model/badges";
import { KIND_SHAPE, KIND_SIZE } from "../model/shapes";
import { NODE_KINDS } from "../model/types";

/** Edge colours by kind; the legend reads the same table. */
export const EDGE_COLOR = {
  REQUIRES: "#4a5563",
  SOURCED_FROM: "#1f78b4",
  LOCATED_IN: "#7e57c2",
  WITHIN: "#9aa3ae",
} as const;

export const SCENARIO_COLOR = { failed: "#1d2430", disabled: "#d7191c", path: "#d7191c", proof: "#1565c0" } as const;

/**
 * A data-keyed stylesheet: colours, labels and badges come from element data and classes, so a
 * state change is a data patch and never a stylesheet rebuild. Only presentation mode (large
 * labels) and the size of the view swap the sheet.
 */
export function buildStylesheet(present: boolean, large = false): StylesheetJson {
  return large ? [...baseSheet(present), ...LARGE_VIEW] : baseSheet(present);
}

/**
 * Large views (thousands of nodes): haystack edges (no control points, no arrows, no dashes) and
 * no label backgrounds. Arrow and dash drawing dominated the first frame of a 5,000-node map.
 */
const LARGE_VIEW: StylesheetJson = [
  { selector: "edge", style: { "curve-style": "haystack", "haystack-radius": 0, "target-arrow-shape": "none", "line-style": "solid", width: 0.8 } },
  { selector: "edge.on-path, edge.proof", style: { width: 3 } },
  { selector: "node", style: { "text-background-opacity": 0, "min-zoomed-font-size": 9 } },
];

function baseSheet(present: boolean): StylesheetJson {
  const font = present ? 20 : 11;
  const sheet: StylesheetJson = [
    {
      selector: "node",
      style: {
        "background-color": "data(color)",
        label: "data(label)",
        "font-family": 'system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif',
        "font-size": font,
        color: "#1d2430",
        "text-valign": "bottom",
        "text-halign": "center",
        "text-margin-y": 4,
        // Labels arrive truncated (model/labels.ts); no wrapping, which would measure every word.
        "text-wrap": "none",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.8,
        "text-background-padding": "1px",
        "min-zoomed-font-size": present ? 0 : 7,
        "border-width": 1,
        "border-color": "#5b6573",
      },
    },
    ...NODE_KINDS.map((k) => ({
      selector: `node[kind = "${k}"]`,
      style: { shape: KIND_SHAPE[k] as Css.NodeShape, width: KIND_SIZE[k].w * (present ? 1.3 : 1), height: KIND_SIZE[k].h * (present ? 1.3 : 1) },
    })),
    ...allBadgeKeys().map((key) => ({
      selector: `node[badges = "${key}"]`,
      style: {
        "background-image": badgeDataUri(key),
        "background-width": `${key.length * BADGE_DISC}px`,
        "background-height": `${BADGE_DISC}px`,
        "background-position-x": "100%",
        "background-position-y": "0%",
        "background-offset-x": 8,
        "background-offset-y": -8,
        "background-clip": "none" as const,
        "background-image-containment": "over" as const,
        "bounds-expansion": 12,
      },
    })),
    { selector: "node.gap", style: { "border-style": "dashed", "border-width": 2, "border-color": "#6b7684", "background-opacity": 0.3, color: "#5f6b7a" } },
    {
      selector: "edge",
      style: {
        width: present ? 2 : 1.2,
        "curve-style": "straight",
        "line-color": EDGE_COLOR.REQUIRES,
        "target-arrow-color": EDGE_COLOR.REQUIRES,
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.8,
        opacity: 0.85,
      },
    },
    { selector: "edge.sourced-from", style: { "line-color": EDGE_COLOR.SOURCED_FROM, "target-arrow-color": EDGE_COLOR.SOURCED_FROM } },
    { selector: "edge.located-in", style: { "line-color": EDGE_COLOR.LOCATED_IN, "target-arrow-color": EDGE_COLOR.LOCATED_IN, width: 1 } },
    { selector: "edge.within", style: { "line-color": EDGE_COLOR.WITHIN, "target-arrow-color": EDGE_COLOR.WITHIN, width: 1 } },
    { selector: "edge.alternative", style: { "target-arrow-shape": "diamond" } },
    { selector: "edge.inferred", style: { "line-style": "dashed", "line-dash-pattern": [6, 4] } },
    { selector: "edge.imported", style: { "line-style": "dotted" } },
    { selector: ".dim", style: { opacity: 0.15 } },
    { selector: "node.collapsed", style: { "border-style": "double", "border-width": 5, "border-color": "#37474f" } },
    { selector: "node.expanded", style: { "border-width": 2.5, "border-color": "#37474f" } },
    { selector: "node.on-path", style: { "border-color": SCENARIO_COLOR.path, "border-width": 3 } },
    { selector: "edge.on-path", style: { "line-color": SCENARIO_COLOR.path, "target-arrow-color": SCENARIO_COLOR.path, width: present ? 6 : 3.5, "z-index": 10, opacity: 1 } },
    { selector: "node.proof", style: { "border-color": SCENARIO_COLOR.proof, "border-width": 4 } },
    { selector: "edge.proof", style: { "line-color": SCENARIO_COLOR.proof, "target-arrow-color": SCENARIO_COLOR.proof, width: present ? 6 : 4, "z-index": 11, opacity: 1 } },
    { selector: "node.failed", style: { "background-color": SCENARIO_COLOR.failed, "border-color": "#000000", "border-width": 3, "font-weight": "bold" } },
    { selector: "node.disabled", style: { "background-color": SCENARIO_COLOR.disabled, "border-color": "#67000d", "border-width": 4, "font-weight": "bold" } },
    // What a scenario or a proof is about keeps its label at any zoom, so the story reads from afar.
    { selector: "node.failed, node.disabled, node.on-path, node.proof, node.focus, node.picked", style: { "min-zoomed-font-size": 0, "font-size": present ? 22 : 13, "z-index": 20 } },
    { selector: "node.focus", style: { "underlay-color": "#ffca28", "underlay-padding": 8, "underlay-opacity": 0.55 } },
    { selector: "node.picked", style: { "outline-width": 3, "outline-color": "#1565c0", "outline-offset": 3, "outline-opacity": 1 } },
  ];
  return sheet;
}
