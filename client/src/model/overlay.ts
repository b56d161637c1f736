import { chainEdges, type GraphIndex } from "./graph-index";
import type { ScenarioResult } from "./analysis";

/** What the map highlights on top of the baseline: a what-if scenario and a proof path. */
export interface Overlay {
  readonly failed: ReadonlySet<string>;
  readonly disabled: ReadonlySet<string>;
  readonly pathNodes: ReadonlySet<string>;
  readonly pathEdges: ReadonlySet<string>;
  readonly proofNodes: ReadonlySet<string>;
  readonly proofEdges: ReadonlySet<string>;
}

export const NO_OVERLAY: Overlay = {
  failed: new Set(),
  disabled: new Set(),
  pathNodes: new Set(),
  pathEdges: new Set(),
  proofNodes: new Set(),
  proofEdges: new Set(),
};

/**
 * Presentation steps through a scenario: 0 is the baseline, 1 shows what fails, 1 + k adds the
 * k-th disabled product with its explanation. Outside presentation mode everything is shown.
 */
export function stepCount(scenario: ScenarioResult | null): number {
  return scenario === null || scenario.failed.length === 0 ? 1 : 2 + scenario.disabled.length;
}

export function buildOverlay(index: GraphIndex, scenario: ScenarioResult | null, proofPath: readonly string[], step: number | null): Overlay {
  const failed = new Set<string>();
  const disabled = new Set<string>();
  const pathNodes = new Set<string>();
  const pathEdges = new Set<string>();
  if (scenario !== null && (step === null || step >= 1)) {
    for (const id of scenario.failed) failed.add(id);
    const shown = step === null ? scenario.disabled.length : Math.max(0, step - 1);
    for (const d of scenario.disabled.slice(0, shown)) {
      disabled.add(d.id);
      for (const id of d.explanation) pathNodes.add(id);
      for (const id of chainEdges(index, d.explanation)) pathEdges.add(id);
    }
  }
  const proofNodes = new Set(proofPath);
  const proofEdges = new Set(chainEdges(index, proofPath));
  return { failed, disabled, pathNodes, pathEdges, proofNodes, proofEdges };
}

/** Nodes an overlay needs on the map even if filters or focus would leave them out. */
export function overlayPins(o: Overlay): string[] {
  return [...o.failed, ...o.disabled, ...o.pathNodes, ...o.proofNodes];
}

export function overlayActive(o: Overlay): boolean {
  return o.failed.size > 0 || o.proofNodes.size > 0;
}
