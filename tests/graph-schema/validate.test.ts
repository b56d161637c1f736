import { validateInterchange, validateEdgeInput, type Problem } from "@chokepoint/graph-schema";

const ev = [{ doc: "000", line: 1, quote: "q" }];
const base = () => ({
  format: "chokepoint/graph",
  version: 1,
  documents: [{ id: "000", file: "000.txt", title: { zh: "标题", en: "Title" }, date: "2020-02-29" }],
  nodes: [
    { id: "ventilator", kind: "Product", name: { zh: "呼吸机", en: "Ventilator" }, category: "monitoring-life-support", evidence: ev },
    { id: "valve", kind: "Component", name: { zh: "比例阀" }, flags: [{ flag: "IMPORT_DEPENDENT", evidence: ev }] },
    { id: "eu", kind: "Region", name: { en: "Europe" } },
  ] as unknown[],
  edges: [
    { from: "ventilator", to: "valve", kind: "REQUIRES", confidence: "stated", evidence: ev },
    { from: "valve", to: "eu", kind: "SOURCED_FROM", share: 0.8 },
  ] as unknown[],
});
const codes = (ps: readonly Problem[]) => ps.map((p) => p.code).sort();

describe("interchange validation", () => {
  it("accepts a valid graph and fills defaults", () => {
    const r = validateInterchange(base());
    expect(r.problems).toEqual([]);
    expect(r.graph!.nodes[1]).toMatchObject({ id: "valve", aliases: [], attrs: {}, confidence: "stated" });
    expect(r.graph!.nodes[1]!.flags[0]).toMatchObject({ flag: "IMPORT_DEPENDENT", confidence: "stated" });
  });

  it("rejects a wrong format tag and version", () => {
    expect(codes(validateInterchange({ ...base(), format: "other", version: 2 }).problems)).toEqual(["FORMAT_INVALID", "VERSION_UNSUPPORTED"]);
  });

  it("reports every problem with its JSON path", () => {
    const g = base();
    g.nodes.push({ id: "Bad Id!", kind: "Gadget", name: {} });
    g.edges.push({ from: "ventilator", to: "ghost", kind: "SUPPLIES`]->() DELETE" });
    g.edges.push({ from: "valve", to: "ghost", kind: "REQUIRES" });
    const r = validateInterchange(g);
    expect(r.graph).toBeUndefined();
    expect(codes(r.problems)).toEqual(["EDGE_ENDPOINT_MISSING", "EDGE_KIND_UNKNOWN", "ID_INVALID", "KIND_UNKNOWN", "NAME_MISSING"]);
    expect(r.problems.find((p) => p.code === "EDGE_KIND_UNKNOWN")!.path).toBe("$.edges[2].kind");
    expect(r.problems.find((p) => p.code === "EDGE_ENDPOINT_MISSING")!.path).toBe("$.edges[3].to");
  });

  it("rejects endpoint kinds the edge kind does not allow", () => {
    const g = base();
    g.edges.push({ from: "eu", to: "valve", kind: "REQUIRES" });
    expect(codes(validateInterchange(g).problems)).toEqual(["EDGE_ENDPOINT_KIND"]);
  });

  it("rejects bad numbers, shares, dates, unknown fields and prototype keys", () => {
    const g = base();
    (g.edges[1] as Record<string, unknown>).share = 1.5;
    (g.nodes[0] as Record<string, unknown>).attrs = { inventoryDays: -1 };
    g.documents[0]!.date = "2021-02-30";
    (g.nodes[2] as Record<string, unknown>)["__proto__"] = { polluted: true };
    const parsed = JSON.parse(JSON.stringify(g).replace('"kind":"Region"', '"kind":"Region","__proto__":{"x":1}'));
    expect(codes(validateInterchange(parsed).problems)).toEqual(["DATE_INVALID", "FIELD_UNKNOWN", "NUMBER_INVALID", "SHARE_OUT_OF_RANGE"]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("treats keys equal after normalisation as one node, and conflicting duplicates as an error", () => {
    const g = base();
    g.nodes.push({ id: " Valve\u200B", kind: "Component", name: { zh: "比例阀" }, flags: [{ flag: "IMPORT_DEPENDENT", evidence: ev }] });
    expect(validateInterchange(g).problems).toEqual([]);
    g.nodes.push({ id: "valve", kind: "Material", name: { zh: "阀" } });
    expect(codes(validateInterchange(g).problems)).toEqual(["ID_DUPLICATE"]);
  });

  it("finds REQUIRES cycles, self-loops and duplicate edges", () => {
    const g = base();
    g.nodes.push({ id: "chip", kind: "Component", name: { en: "Chip" } });
    g.edges.push({ from: "valve", to: "chip", kind: "REQUIRES" }, { from: "chip", to: "ventilator", kind: "REQUIRES" });
    g.edges.push({ from: "valve", to: "chip", kind: "REQUIRES" });
    g.edges.push({ from: "chip", to: "chip", kind: "REQUIRES" });
    const r = validateInterchange(g);
    expect(codes(r.problems)).toEqual(["EDGE_DUPLICATE", "EDGE_SELF_LOOP", "REQUIRES_CYCLE"]);
    expect(r.problems.find((p) => p.code === "REQUIRES_CYCLE")!.message).toContain("ventilator → valve → chip → ventilator");
  });

  it("rejects ids given as JSON numbers and overlong text", () => {
    expect(codes(validateEdgeInput(JSON.parse('{"from": 9007199254740993, "to": "a", "kind": "REQUIRES"}')).problems)).toEqual(["ID_INVALID"]);
    const g = base();
    (g.nodes[0] as { name: object }).name = { en: "x".repeat(10_000_000) };
    expect(codes(validateInterchange(g).problems)).toEqual(["TEXT_TOO_LONG"]);
  });

  it("requires evidence to cite a known document", () => {
    const g = base();
    (g.edges[0] as { evidence: unknown }).evidence = [{ doc: "999", line: 3, quote: "x" }];
    expect(codes(validateInterchange(g).problems)).toEqual(["DOCUMENT_UNKNOWN"]);
  });
});
