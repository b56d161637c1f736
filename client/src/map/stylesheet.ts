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
 * labels) swaps the sheet.
 */
export function buildStylesheet(present: boolean): StylesheetJson {
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
        "text-wrap": "wrap",
        "text-max-width": present ? "220px" : "130px",
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
    { selector: "node.gap", style: { "border-style": "dashed", "border-width": 2, "border-color": "#6b7684", "background-opacity": 0.6 } },
    {
      selector: "node.ghost",
      style: {
        shape: "ellipse",
        width: KIND_SIZE.Ghost.w,
        height: KIND_SIZE.Ghost.h,
        "background-opacity": 0,
        "border-style": "dashed",
        "border-width": 1.5,
        "border-color": "#9aa3ae",
        color: "#7b8592",
        "font-style": "italic",
        "font-size": present ? 14 : 9,
      },
    },
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
    { selector: "edge.ghost-edge", style: { "line-style": "dashed", "line-dash-pattern": [3, 3], "line-color": "#c3c9d1", "target-arrow-shape": "none", width: 1 } },
    { selector: ".dim", style: { opacity: 0.15 } },
    { selector: "node.collapsed", style: { "border-style": "double", "border-width": 5, "border-color": "#37474f" } },
    { selector: "node.expanded", style: { "border-width": 2.5, "border-color": "#37474f" } },
    { selector: "node.on-path", style: { "border-color": SCENARIO_COLOR.path, "border-width": 3 } },
    { selector: "edge.on-path", style: { "line-color": SCENARIO_COLOR.path, "target-arrow-color": SCENARIO_COLOR.path, width: present ? 6 : 3.5, "z-index": 10, opacity: 1 } },
    { selector: "node.proof", style: { "border-color": SCENARIO_COLOR.proof, "border-width": 4 } },
    { selector: "edge.proof", style: { "line-color": SCENARIO_COLOR.proof, "target-arrow-color": SCENARIO_COLOR.proof, width: present ? 6 : 4, "z-index": 11, opacity: 1 } },
    { selector: "node.failed", style: { "background-color": SCENARIO_COLOR.failed, "border-color": "#000000", "border-width": 3, "font-weight": "bold" } },
    { selector: "node.disabled", style: { "background-color": SCENARIO_COLOR.disabled, "border-color": "#67000d", "border-width": 4, "font-weight": "bold" } },
    { selector: "node.focus", style: { "underlay-color": "#ffca28", "underlay-padding": 8, "underlay-opacity": 0.55 } },
    { selector: "node.picked", style: { "outline-width": 3, "outline-color": "#1565c0", "outline-offset": 3, "outline-opacity": 1 } },
  ];
  return sheet;
}
