import { afterEach, describe, expect, it, jest } from "@jest/globals";
import cytoscapeLib, { type Core, type CytoscapeOptions } from "cytoscape";
import * as A from "../../client/src/model/actions";
import { toElements, type MapElement } from "../../client/src/model/elements";
import { indexGraph } from "../../client/src/model/graph-index";
import { NO_OVERLAY } from "../../client/src/model/overlay";
import { initialView } from "../../client/src/model/view-state";
import { patchElements } from "../../client/src/map/patch";
import { FIXTURE } from "./fixtures";

const index = indexGraph(FIXTURE);
const base = initialView("en");
const scene = (v = base) => toElements(index, v, NO_OVERLAY).elements;

// Cytoscape keeps timers alive until an instance is destroyed, so every test destroys its own.
const live: Core[] = [];
function cytoscape(options: CytoscapeOptions): Core {
  const cy = cytoscapeLib(options);
  live.push(cy);
  return cy;
}
afterEach(() => {
  for (const cy of live.splice(0)) cy.destroy();
});

interface Recorder {
  readonly cy: Core;
  readonly events: string[];
  readonly outsideBatch: string[];
  batches(): number;
}

/** A headless Cytoscape that records every add/remove/data/class event and whether it happened
 *  inside cy.batch. */
function recorder(initial: readonly MapElement[] = []): Recorder {
  const cy = cytoscape({ headless: true, styleEnabled: true });
  patchElements(cy, [], initial);
  const events: string[] = [];
  const outsideBatch: string[] = [];
  let depth = 0;
  const batch = cy.batch.bind(cy);
  const spy = jest.fn((fn: () => void) => {
    depth++;
    try {
      return batch(fn);
    } finally {
      depth--;
    }
  });
  cy.batch = spy as unknown as Core["batch"];
  cy.on("add remove data class", (e) => {
    const name = `${e.type}:${e.target.id()}`;
    events.push(name);
    if (depth === 0) outsideBatch.push(name);
  });
  return { cy, events, outsideBatch, batches: () => spy.mock.calls.length };
}

describe("patchElements (headless Cytoscape)", () => {
  it("draws a scene from nothing: nodes with their data, edges between them", () => {
    const cy = cytoscape({ headless: true });
    const stats = patchElements(cy, [], scene());
    expect(stats.structureChanged).toBe(true);
    expect(cy.nodes().length).toBe(FIXTURE.nodes.length);
    expect(cy.getElementById("chip").hasClass("gap")).toBe(true);
    expect(cy.edges().length).toBe(FIXTURE.edges.length);
    expect(cy.getElementById("valve").data("badges")).toBe("BI");
  });

  it("does nothing, not even a batch, when the scene is unchanged", () => {
    const first = scene();
    const r = recorder(first);
    const stats = patchElements(r.cy, first, scene());
    expect(stats).toEqual({ added: 0, removed: 0, updated: 0, structureChanged: false });
    expect(r.batches()).toBe(0);
    expect(r.events).toEqual([]);
  });

  it("selection changes one node's classes, in one batch, without structural change", () => {
    const first = scene();
    const r = recorder(first);
    const stats = patchElements(r.cy, first, scene(A.selectNode("valve")(base)));
    expect(stats).toEqual({ added: 0, removed: 0, updated: 1, structureChanged: false });
    expect(r.batches()).toBe(1);
    expect(r.cy.getElementById("valve").hasClass("picked")).toBe(true);
    expect(r.outsideBatch).toEqual([]);
  });

  it("a language switch updates labels only, keeping every element", () => {
    const first = scene();
    const r = recorder(first);
    const before = r.cy.elements().map((e) => e.id());
    const stats = patchElements(r.cy, first, scene(A.setLang("zh")(base)));
    expect(stats.structureChanged).toBe(false);
    expect(r.events.every((e) => e.startsWith("data:"))).toBe(true);
    expect(r.cy.getElementById("valve").data("label")).toBe("比例阀");
    expect(r.cy.getElementById("s-de").data("label")).toBe("Valve maker (Germany)");
    expect(r.cy.elements().map((e) => e.id())).toEqual(before);
  });

  it("focusing removes exactly the elements outside the cone and adds none", () => {
    const first = scene();
    const r = recorder(first);
    const next = scene(A.focusNode("blower")(base));
    const stats = patchElements(r.cy, first, next);
    expect(stats.added).toBe(0);
    expect(stats.removed).toBe(first.length - next.length);
    expect(r.cy.nodes().map((n) => n.id()).sort()).toEqual(["blower", "eu-na", "ventilator"]);
    expect(r.batches()).toBe(1);
    expect(r.outsideBatch).toEqual([]);
  });

  it("going back adds exactly what was removed; edges find their endpoints", () => {
    const focused = scene(A.focusNode("blower")(base));
    const r = recorder(focused);
    const all = scene(A.selectNode("blower")(base));
    const stats = patchElements(r.cy, focused, all);
    expect(stats.removed).toBe(0);
    expect(stats.added).toBe(all.length - focused.length);
    expect(r.cy.elements().length).toBe(all.length);
    expect(r.cy.getElementById("s-zj>LOCATED_IN>zhejiang").source().id()).toBe("s-zj");
    expect(r.outsideBatch).toEqual([]);
  });

  it("the patched instance equals one built from scratch", () => {
    const views = [base, A.focusNode("valve")(base), A.setFilters({ kinds: ["Product", "Component"] })(base), A.toggleCollapse("ecmo")(base), A.setLang("zh")(base), base];
    const cy = cytoscape({ headless: true });
    let prev: readonly MapElement[] = [];
    for (const v of views) {
      const next = scene(v);
      patchElements(cy, prev, next);
      prev = next;
      const fresh = cytoscape({ headless: true, elements: next.map((e) => ({ ...e, data: { ...e.data } })) });
      const dump = (c: Core) =>
        c
          .elements()
          .map((e) => JSON.stringify([e.id(), e.data(), [...e.classes()].sort()]))
          .sort();
      expect(dump(cy)).toEqual(dump(fresh));
    }
  });
});
