import type { Core, ElementDefinition } from "cytoscape";
import type { MapElement } from "../model/elements";

export interface PatchStats {
  readonly added: number;
  readonly removed: number;
  readonly updated: number;
  /** Elements were added or removed, so positions need a new layout. */
  readonly structureChanged: boolean;
}

/**
 * Brings a Cytoscape instance from the elements of the previous scene to those of the next one,
 * touching only what differs, in one `cy.batch` (one style pass, one redraw). After
 * plotly/react-cytoscapejs `patch.js`: compare the plain element data we rendered last time rather
 * than reading Cytoscape back, which is both faster and independent of what layout did to it.
 */
export function patchElements(cy: Core, prev: readonly MapElement[], next: readonly MapElement[]): PatchStats {
  const before = new Map<string, MapElement>();
  for (const el of prev) before.set(el.data.id, el);
  const after = new Set<string>();
  const add: MapElement[] = [];
  const update: [MapElement, MapElement][] = [];
  for (const el of next) {
    after.add(el.data.id);
    const old = before.get(el.data.id);
    if (!old || old.group !== el.group || (el.group === "edges" && (old.data.source !== el.data.source || old.data.target !== el.data.target))) add.push(el);
    else if (old.classes !== el.classes || !sameData(old.data, el.data)) update.push([old, el]);
  }
  const replaced = new Set(add.filter((a) => before.has(a.data.id)).map((a) => a.data.id));
  const remove: string[] = [];
  for (const el of prev) if (!after.has(el.data.id) || replaced.has(el.data.id)) remove.push(el.data.id);
  if (add.length === 0 && remove.length === 0 && update.length === 0) return { added: 0, removed: 0, updated: 0, structureChanged: false };

  cy.batch(() => {
    if (remove.length > 0) {
      let doomed = cy.collection();
      for (const id of remove) doomed = doomed.union(cy.getElementById(id));
      cy.remove(doomed);
    }
    // Nodes first, so edges added in the same call find their endpoints.
    if (add.length > 0) cy.add([...add.filter((a) => a.group === "nodes"), ...add.filter((a) => a.group === "edges")] as ElementDefinition[]);
    for (const [old, el] of update) {
      const ele = cy.getElementById(el.data.id);
      const changed = changedData(old.data, el.data);
      if (changed) ele.data(changed);
      if (old.classes !== el.classes) ele.classes(el.classes);
    }
  });
  return { added: add.length, removed: remove.length, updated: update.length, structureChanged: add.length > 0 || remove.length > 0 };
}

type Data = Readonly<Record<string, string | number | boolean>>;

function sameData(a: Data, b: Data): boolean {
  return changedData(a, b) === null;
}

function changedData(a: Data, b: Data): Record<string, string | number | boolean> | null {
  let out: Record<string, string | number | boolean> | null = null;
  for (const k of Object.keys(b)) {
    if (a[k] !== b[k]) (out ??= {})[k] = b[k]!;
  }
  return out;
}
