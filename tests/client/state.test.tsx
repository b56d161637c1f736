import { describe, expect, it } from "@jest/globals";
import * as A from "../../client/src/model/actions";
import { indexGraph, cone, chainEdges } from "../../client/src/model/graph-index";
import { regionMembers, categoryMembers } from "../../client/src/model/filters";
import { buildOverlay, stepCount } from "../../client/src/model/overlay";
import { decodeView, encodeView } from "../../client/src/model/url-state";
import { initialView, NO_FILTERS, type ViewState } from "../../client/src/model/view-state";
import { visibleSet } from "../../client/src/model/visible";
import type { ScenarioResult } from "../../client/src/model/analysis";
import { FIXTURE, syntheticGraph } from "./fixtures";

const index = indexGraph(FIXTURE);
const base = initialView("en");
const ids = (s: ReadonlySet<string>) => [...s].sort();

const SCENARIO: ScenarioResult = {
  failed: ["eu-na"],
  inferred: true,
  unavailable: [{ kind: "Product", count: 1 }],
  disabled: [
    {
      id: "ventilator",
      explanation: ["ventilator", "blower", "eu-na"],
      steps: [],
      inferred: true,
      time: { surviveDays: 30, recoverDays: 180, exposed: true, gapDays: 150 },
    },
  ],
};

describe("view actions are pure", () => {
  it("returns a new state and leaves the old one untouched", () => {
    const frozen = Object.freeze({ ...base });
    const next = A.focusNode("valve")(frozen);
    expect(next).not.toBe(frozen);
    expect(next.focus).toBe("valve");
    expect(next.selected).toBe("valve");
    expect(frozen.focus).toBeNull();
  });

  it("returns the same object when nothing changes", () => {
    expect(A.setLang("en")(base)).toBe(base);
    expect(A.clearScenario(base)).toBe(base);
    expect(A.restoreNode("x")(base)).toBe(base);
    const focused = A.focusNode("valve")(base);
    expect(A.focusNode("valve")(focused)).toBe(focused);
  });

  it("focus clears neighbourhood edits; scenario edits reset the presentation step", () => {
    const v = A.toggleExpand("chip")(A.toggleCollapse("ecmo")(base));
    expect(v.expanded).toEqual(["chip"]);
    expect(v.collapsed).toEqual(["ecmo"]);
    const f = A.focusNode("valve")(v);
    expect(f.expanded).toEqual([]);
    expect(f.collapsed).toEqual([]);
    const s = { ...base, step: 3 };
    expect(A.failNode("eu-na")(s)).toMatchObject({ fail: ["eu-na"], step: 0 });
    expect(A.failNode("eu-na")(A.failNode("eu-na")(base)).fail).toEqual(["eu-na"]);
  });

  it("keeps the risk range ordered and inside [0, 1]", () => {
    const v = A.setFilters({ riskMin: 0.8, riskMax: 0.3 })(base);
    expect(v.filters.riskMin).toBe(0.3);
    expect(v.filters.riskMax).toBe(0.8);
    expect(A.setFilters({ riskMax: 7 })(base).filters.riskMax).toBe(1);
    expect(A.resetFilters(v).filters).toBe(NO_FILTERS);
  });

  it("bounds presentation steps", () => {
    const v = { ...base, present: true };
    expect(A.stepBy(-1, 3)(v)).toBe(v);
    expect(A.stepBy(5, 3)(v).step).toBe(2);
  });
});

describe("graph index", () => {
  it("a focus cone holds what the node needs and who needs it", () => {
    expect(ids(cone(index, "valve"))).toEqual(["china", "eu-na", "s-de", "s-zj", "valve", "ventilator", "zhejiang"]);
  });

  it("maps a chain of ids to the edges that realise it", () => {
    expect(chainEdges(index, ["ventilator", "blower", "eu-na"])).toEqual(["ventilator>REQUIRES>blower", "blower>SOURCED_FROM>eu-na"]);
  });
});

describe("visible set", () => {
  it("shows everything by default", () => {
    expect(visibleSet(index, base).ids.size).toBe(FIXTURE.nodes.length);
  });

  it("focus shows the dependency cone", () => {
    expect(ids(visibleSet(index, A.focusNode("blower")(base)).ids)).toEqual(["blower", "eu-na", "ventilator"]);
  });

  it("filters by kind, flag and risk, AND across filters", () => {
    expect(ids(visibleSet(index, A.setFilters({ kinds: ["Product"] })(base)).ids)).toEqual(["ct", "ecmo", "ventilator"]);
    expect(ids(visibleSet(index, A.setFilters({ flags: ["IMPORT_DEPENDENT", "DOMESTIC_BREAKTHROUGH"] })(base)).ids)).toEqual(["membrane", "valve"]);
    expect(ids(visibleSet(index, A.setFilters({ kinds: ["Component"], riskMin: 0.6 })(base)).ids)).toEqual(["blower", "tube", "valve"]);
  });

  it("a category keeps its products' supply chains; a region keeps what lies or is sourced there", () => {
    expect(ids(categoryMembers(index, ["diagnosis-testing"]))).toEqual(["ct", "tube"]);
    expect(ids(regionMembers(index, ["china"]))).toEqual(["china", "s-zj", "valve", "zhejiang"]);
    expect(ids(regionMembers(index, ["eu-na"]))).toEqual(["blower", "eu-na", "s-de", "valve"]);
  });

  it("expanding a node adds its neighbourhood past the filters", () => {
    const v = A.toggleExpand("chip")(A.setFilters({ kinds: ["Component"] })(base));
    expect(ids(visibleSet(index, v).ids)).toEqual(["blower", "chip", "ecmo", "tube", "valve", "ventilator"]);
  });

  it("collapsing hides what is reachable only through the collapsed node", () => {
    const v = A.toggleCollapse("ecmo")(base);
    const vis = visibleSet(index, v);
    expect(vis.ids.has("membrane")).toBe(false);
    expect(vis.ids.has("membrane-b")).toBe(false);
    expect(vis.ids.has("chip")).toBe(true);
    expect(vis.hiddenBelow.get("ecmo")).toBe(2);
  });

  it("pinned nodes stay visible through filters and collapses", () => {
    const v = A.toggleCollapse("ventilator")(A.setFilters({ kinds: ["Product"] })(base));
    expect(ids(visibleSet(index, v, ["blower", "eu-na"]).ids)).toEqual(["blower", "ct", "ecmo", "eu-na", "ventilator"]);
  });

  it("refuses a view larger than the limit instead of drawing it", () => {
    const big = indexGraph(syntheticGraph(500));
    const vis = visibleSet(big, base, [], 100);
    expect(vis.refused).toEqual({ count: 500, limit: 100 });
    expect(vis.ids.size).toBe(0);
    expect(visibleSet(big, A.focusNode("c7")(base), [], 100).refused).toBeNull();
  });
});

describe("scenario overlay", () => {
  it("marks failed nodes, disabled products and the explanation path", () => {
    const o = buildOverlay(index, SCENARIO, [], null);
    expect(ids(o.failed)).toEqual(["eu-na"]);
    expect(ids(o.disabled)).toEqual(["ventilator"]);
    expect(ids(o.pathEdges)).toEqual(["blower>SOURCED_FROM>eu-na", "ventilator>REQUIRES>blower"]);
  });

  it("steps: baseline, then what fails, then each disabled product", () => {
    expect(stepCount(SCENARIO)).toBe(3);
    expect(stepCount(null)).toBe(1);
    expect(buildOverlay(index, SCENARIO, [], 0).failed.size).toBe(0);
    const one = buildOverlay(index, SCENARIO, [], 1);
    expect(one.failed.size).toBe(1);
    expect(one.disabled.size).toBe(0);
    expect(buildOverlay(index, SCENARIO, [], 2).disabled.size).toBe(1);
  });

  it("a proof path becomes proof nodes and edges", () => {
    const o = buildOverlay(index, null, ["ventilator", "valve"], null);
    expect(ids(o.proofEdges)).toEqual(["ventilator>REQUIRES>valve"]);
  });
});

describe("URL state", () => {
  const full: ViewState = {
    lang: "zh",
    layout: "force",
    focus: "valve",
    selected: "s-de",
    filters: { kinds: ["Component", "Supplier"], categories: ["treatment"], regions: ["eu-na"], flags: ["IMPORT_DEPENDENT"], riskMin: 0.25, riskMax: 0.9 },
    expanded: ["chip"],
    collapsed: ["ecmo", "ct"],
    fail: ["eu-na", "s-zj"],
    path: ["ventilator", "valve"],
    present: true,
    step: 2,
    table: "criticality",
  };

  it("round-trips every field", () => {
    expect(decodeView(encodeView(full), "en")).toEqual(full);
    expect(decodeView(encodeView(base), "zh")).toEqual(base);
  });

  it("keeps ids with separators intact and is stable when re-encoded", () => {
    const odd = { ...base, fail: ["a,b", "c&d=e"], focus: "x y" };
    expect(decodeView(encodeView(odd), "en")).toEqual(odd);
    expect(encodeView(decodeView(encodeView(full), "en"))).toBe(encodeView(full));
  });

  it("ignores what it does not understand", () => {
    const v = decodeView("?lang=fr&kind=Bogus&kind=Product&flag=NOPE&risk=abc&step=-3&table=evil&layout=dagre", "en");
    expect(v).toEqual({ ...base, filters: { ...NO_FILTERS, kinds: ["Product"] } });
  });
});
