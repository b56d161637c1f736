import { describe, expect, it } from "@jest/globals";
import * as A from "../../client/src/model/actions";
import { badgeKey, badgeSvg } from "../../client/src/model/badges";
import { BOM, csvCell, toCsv } from "../../client/src/model/csv";
import { toElements, type NodeElement } from "../../client/src/model/elements";
import { indexGraph } from "../../client/src/model/graph-index";
import { nameIn, truncateLabel } from "../../client/src/model/labels";
import { layeredPositions } from "../../client/src/model/layered-layout";
import { buildOverlay, NO_OVERLAY } from "../../client/src/model/overlay";
import { riskColor } from "../../client/src/model/risk-color";
import { toSvg, xmlEscape } from "../../client/src/model/svg-export";
import { initialView } from "../../client/src/model/view-state";
import { FIXTURE, syntheticGraph } from "./fixtures";

const index = indexGraph(FIXTURE);
const base = initialView("en");
const nodeEl = (els: ReturnType<typeof toElements>["elements"], id: string) => els.find((e): e is NodeElement => e.group === "nodes" && e.data.id === id)!;

describe("toElements", () => {
  it("is deterministic and pure", () => {
    expect(toElements(index, base, NO_OVERLAY)).toEqual(toElements(index, base, NO_OVERLAY));
  });

  it("encodes kind, risk colour, flags, gaps and confidence as data and classes", () => {
    const { elements, nodeCount } = toElements(index, base, NO_OVERLAY);
    expect(nodeCount).toBe(FIXTURE.nodes.length);
    const valve = nodeEl(elements, "valve");
    expect(valve.data).toMatchObject({ kind: "Component", color: riskColor(0.7), badges: "BI", label: "Proportional valve" });
    expect(nodeEl(elements, "chip").classes.split(" ")).toEqual(["component", "gap"]);
    const inferred = elements.find((e) => e.data.id === "ventilator>REQUIRES>blower")!;
    expect(inferred.classes.split(" ")).toEqual(["requires", "inferred"]);
    expect(elements.find((e) => e.data.id === "ecmo>REQUIRES>membrane")!.classes).toContain("alternative");
    expect(elements.find((e) => e.data.id === "ct>REQUIRES>tube")!.classes).toContain("imported");
  });

  it("a scenario colours disabled products and the path, and dims the rest", () => {
    const overlay = buildOverlay(index, { failed: ["eu-na"], inferred: false, unavailable: [], disabled: [{ id: "ventilator", explanation: ["ventilator", "blower", "eu-na"], steps: [], inferred: false, time: { surviveDays: null, recoverDays: null, exposed: null, gapDays: null } }] }, [], null);
    const { elements } = toElements(index, A.failNode("eu-na")(base), overlay);
    expect(nodeEl(elements, "ventilator").classes).toContain("disabled");
    expect(nodeEl(elements, "eu-na").classes).toContain("failed");
    expect(nodeEl(elements, "ct").classes).toContain("dim");
    expect(elements.find((e) => e.data.id === "blower>SOURCED_FROM>eu-na")!.classes).toContain("on-path");
  });

  it("labels follow the language and fall back to the other one, then the id", () => {
    const zh = toElements(index, A.setLang("zh")(base), NO_OVERLAY).elements;
    expect(nodeEl(zh, "valve").data.label).toBe("比例阀");
    expect(nodeEl(zh, "s-de").data.label).toBe("Valve maker (Germany)");
    expect(nameIn({ zh: " ", en: null }, "zh", "the-id")).toBe("the-id");
  });

  it("collapsed nodes say how many nodes they hide", () => {
    const { elements } = toElements(index, A.toggleCollapse("ecmo")(base), NO_OVERLAY);
    expect(nodeEl(elements, "ecmo").data.label).toBe("ECMO (+2)");
    expect(nodeEl(elements, "ecmo").classes).toContain("collapsed");
  });

  it("refuses to build a scene beyond the limit", () => {
    const big = indexGraph(syntheticGraph(300));
    const s = toElements(big, base, NO_OVERLAY, 200);
    expect(s.elements).toEqual([]);
    expect(s.refused).toEqual({ count: 300, limit: 200 });
  });
});

describe("labels", () => {
  it("truncates by display width, CJK counting double, with the full text kept", () => {
    expect(truncateLabel("short")).toBe("short");
    expect(truncateLabel("a".repeat(40))).toBe(`${"a".repeat(25)}…`);
    expect(truncateLabel("比例阀".repeat(10))).toHaveLength(13);
  });

  it("drops control and bidi-override characters", () => {
    expect(truncateLabel("evil\u202Etxt.exe\nname")).toBe("evil txt.exe name");
  });
});

describe("layered layout", () => {
  it("puts products above components above materials above suppliers above regions", () => {
    const pos = layeredPositions(toElements(index, base, NO_OVERLAY).elements);
    const y = (id: string) => pos.get(id)!.y;
    expect(y("ventilator")).toBeLessThan(y("valve"));
    expect(y("valve")).toBeLessThan(y("membrane"));
    expect(y("membrane")).toBeLessThan(y("s-de"));
    expect(y("s-de")).toBeLessThan(y("china"));
  });

  it("is deterministic and wraps long layers into rows", () => {
    const els = toElements(indexGraph(syntheticGraph(5000)), base, NO_OVERLAY).elements;
    const a = layeredPositions(els);
    expect(JSON.stringify([...layeredPositions(els)])).toBe(JSON.stringify([...a]));
    const rows = new Set([...a.values()].map((p) => p.y));
    expect(rows.size).toBeGreaterThan(10);
    const xs = [...a.values()].map((p) => p.x);
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(40_000);
  });
});

describe("exports", () => {
  it("CSV neutralises formulas, quotes separators and starts with a BOM", () => {
    expect(csvCell("=HYPERLINK(\"x\")")).toBe(`"'=HYPERLINK(""x"")"`);
    for (const lead of ["+", "-", "@", "\t", "\r"]) expect(csvCell(`${lead}1`).replace(/^"/, "")[0]).toBe("'");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell("a,b")).toBe('"a,b"');
    const csv = toCsv(["名称", "n"], [["比例阀", 1], ["=1+1", null]]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1)).toBe("名称,n\r\n比例阀,1\r\n'=1+1,\r\n");
  });

  it("SVG escapes labels from data", () => {
    expect(xmlEscape(`<script>&"'`)).toBe("&lt;script&gt;&amp;&quot;&apos;");
    const svg = toSvg([{ x: 0, y: 0, w: 30, h: 30, kind: "Component", fill: "#fff", stroke: "url(javascript:alert(1))", strokeWidth: 1, dashed: false, opacity: 1, label: "<img src=x onerror=alert(1)>", fontSize: 11 }], [], "t");
    expect(svg).not.toContain("<img");
    expect(svg).not.toContain("javascript:");
    expect(svg).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("badges are built from constants only", () => {
    expect(badgeKey(["DOMESTIC_BREAKTHROUGH", "POLICY_BOTTLENECK"])).toBe("BD");
    expect(badgeSvg("BID")).toMatch(/^<svg [^]*<\/svg>$/);
  });
});
