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
    cy.fit(undefined, PADDING);
  }
  window.__chokepoint = { ...window.__chokepoint, layoutMs: performance.now() - started };
}
