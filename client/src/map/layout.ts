import cytoscape, { type Core, type LayoutOptions } from "cytoscape";
import type { MapScene } from "../model/elements";
import { layeredPositions } from "../model/layered-layout";
import type { LayoutName } from "../model/view-state";

/** fcose is O(n²) per iteration: never on more than a few hundred nodes (DESIGN §7). */
export const FORCE_LIMIT = 300;

export function effectiveLayout(wanted: LayoutName, nodeCount: number): LayoutName {
  return wanted === "force" && nodeCount <= FORCE_LIMIT ? "force" : "layered";
}

// fcose is only needed for focused views, so it is loaded on first use and registered once.
let fcose: Promise<void> | null = null;
function loadFcose(): Promise<void> {
  fcose ??= import("cytoscape-fcose").then((m) => {
    cytoscape.use(m.default);
  });
  return fcose;
}

const PADDING = 40;
/** Room around a node centre for its body and a label below it. */
const NODE_BOX = { x: 80, top: 30, bottom: 45 };

/**
 * Fits the viewport to known positions. cy.fit() would measure every label's bounding box first,
 * which on a few hundred nodes costs more than the layout and the first frame together.
 */
function fitPositions(cy: Core, positions: Iterable<{ readonly x: number; readonly y: number }>): void {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const p of positions) {
    minX = Math.min(minX, p.x - NODE_BOX.x);
    maxX = Math.max(maxX, p.x + NODE_BOX.x);
    minY = Math.min(minY, p.y - NODE_BOX.top);
    maxY = Math.max(maxY, p.y + NODE_BOX.bottom);
  }
  if (!Number.isFinite(minX)) return;
  const w = Math.max(1, cy.width() - 2 * PADDING);
  const h = Math.max(1, cy.height() - 2 * PADDING);
  const zoom = Math.max(cy.minZoom(), Math.min(1.5, w / (maxX - minX), h / (maxY - minY)));
  cy.viewport({ zoom, pan: { x: cy.width() / 2 - (zoom * (minX + maxX)) / 2, y: cy.height() / 2 - (zoom * (minY + maxY)) / 2 } });
}

export async function runLayout(cy: Core, scene: MapScene, layout: LayoutName): Promise<void> {
  const started = performance.now();
  if (effectiveLayout(layout, scene.nodeCount) === "force") {
    await loadFcose();
    if (cy.destroyed()) return;
    const options = { name: "fcose", animate: false, randomize: true, quality: "default", nodeRepulsion: 6500, idealEdgeLength: 90, fit: true, padding: PADDING } as LayoutOptions;
    cy.layout(options).run();
  } else {
    const positions = layeredPositions(scene.elements);
    cy.batch(() => {
      cy.nodes().positions((n) => positions.get(n.id()) ?? { x: 0, y: 0 });
    });
    fitPositions(cy, positions.values());
  }
  window.__chokepoint = { ...window.__chokepoint, layoutMs: performance.now() - started };
}
