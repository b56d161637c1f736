import type { GraphIndex } from "./graph-index";
import { outEdges } from "./graph-index";
import { badgeKey } from "./badges";
import { nameIn, truncateLabel } from "./labels";
import { overlayActive, overlayPins, type Overlay } from "./overlay";
import { riskColor } from "./risk-color";
import type { NodeKind } from "./types";
import type { ViewState } from "./view-state";
import { MAX_DRAW_NODES, visibleSet } from "./visible";

/**
 * The map as plain element data (Cytoscape's JSON element shape, without importing Cytoscape):
 * everything the stylesheet needs is a data field or a class, so drawing is a pure function of
 * the state and the patcher only has to compare data.
 */
export type MapNodeKind = NodeKind;

export interface NodeElementData {
  readonly [key: string]: string | number | boolean;
  readonly id: string;
  /** Canvas label: truncated, in the chosen language. */
  readonly label: string;
  /** The untruncated name, shown on hover and in the panel. */
  readonly full: string;
  readonly kind: MapNodeKind;
  readonly color: string;
  readonly risk: number;
  /** Flag badge key ("" for none), see badges.ts. */
  readonly badges: string;
  /** Nodes hidden by collapsing this one. */
  readonly hidden: number;
}

export interface EdgeElementData {
  readonly [key: string]: string | number | boolean;
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly kind: string;
}

export interface NodeElement {
  readonly group: "nodes";
  readonly data: NodeElementData;
  readonly classes: string;
}

export interface EdgeElement {
  readonly group: "edges";
  readonly data: EdgeElementData;
  readonly classes: string;
}

export type MapElement = NodeElement | EdgeElement;

export interface MapScene {
  readonly elements: readonly MapElement[];
  /** Nodes drawn. */
  readonly nodeCount: number;
  readonly refused: { readonly count: number; readonly limit: number } | null;
}

export function toElements(index: GraphIndex, view: ViewState, overlay: Overlay, limit = MAX_DRAW_NODES): MapScene {
  const visible = visibleSet(index, view, overlayPins(overlay), limit);
  if (visible.refused) return { elements: [], nodeCount: 0, refused: visible.refused };
  const dimming = overlayActive(overlay);
  const collapsed = new Set(view.collapsed);
  const expanded = new Set(view.expanded);
  const nodes: MapElement[] = [];
  const edges: MapElement[] = [];

  // Iterate in the graph's order (not the set's) so the same state always yields the same array.
  for (const n of index.data.nodes) {
    if (!visible.ids.has(n.id)) continue;
    const full = nameIn(n.name, view.lang, n.id);
    const hidden = visible.hiddenBelow.get(n.id) ?? 0;
    const involved = overlay.failed.has(n.id) || overlay.disabled.has(n.id) || overlay.pathNodes.has(n.id) || overlay.proofNodes.has(n.id);
    const classes = [
      n.kind.toLowerCase(),
      // A mapping gap (supply unknown) is drawn as a ghost: dashed outline, faint fill.
      n.mappingGap && "gap",
      overlay.failed.has(n.id) && "failed",
      overlay.disabled.has(n.id) && "disabled",
      overlay.pathNodes.has(n.id) && "on-path",
      overlay.proofNodes.has(n.id) && "proof",
      dimming && !involved && "dim",
      view.focus === n.id && "focus",
      view.selected === n.id && "picked",
      collapsed.has(n.id) && "collapsed",
      expanded.has(n.id) && "expanded",
    ];
    nodes.push({
      group: "nodes",
      data: { id: n.id, label: truncateLabel(full) + (hidden > 0 ? ` (+${hidden})` : ""), full, kind: n.kind, color: riskColor(n.risk), risk: n.risk, badges: badgeKey(n.flags), hidden },
      classes: classes.filter(Boolean).join(" "),
    });
  }
  for (const n of index.data.nodes) {
    if (!visible.ids.has(n.id)) continue;
    for (const e of outEdges(index, n.id)) {
      if (!visible.ids.has(e.to)) continue;
      const involved = overlay.pathEdges.has(e.id) || overlay.proofEdges.has(e.id);
      const classes = [
        e.kind.toLowerCase().replace("_", "-"),
        e.confidence,
        e.group !== null && "alternative",
        overlay.pathEdges.has(e.id) && "on-path",
        overlay.proofEdges.has(e.id) && "proof",
        dimming && !involved && "dim",
      ];
      edges.push({ group: "edges", data: { id: e.id, source: e.from, target: e.to, kind: e.kind }, classes: classes.filter(Boolean).join(" ") });
    }
  }
  return { elements: [...nodes, ...edges], nodeCount: visible.ids.size, refused: null };
}
