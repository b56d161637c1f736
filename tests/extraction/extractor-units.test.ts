import type { InterchangeGraph } from "@chokepoint/graph-schema";
import { extractGraph, joinLines, lineOf, parseLexicon, serializeGraph, type SourceText } from "../../server/src/extract";

/** The building blocks on small hand-written texts, where the right answer is plain. */
const LEXICON = parseLexicon({
  terms: [
    { id: "ct-scanner", kind: "Product", zh: "电子计算机断层扫描（CT）", en: "CT scanner", category: "diagnosis-testing", forms: ["CT"] },
    { id: "ct-tube", kind: "Component", zh: "CT球管", en: "CT tube", forms: ["X射线管"], partOf: "ct-scanner", partOfForms: ["CT球管"] },
    { id: "bearing", kind: "Component", zh: "真空高温轴承", en: "Vacuum high-temperature bearing" },
    { id: "target", kind: "Component", zh: "大容量旋转靶盘", en: "Rotating anode target" },
    { id: "radiotherapy", kind: "Product", zh: "放疗", en: "Radiotherapy system", category: "treatment" },
    { id: "magnetron", kind: "Component", zh: "磁控管", en: "Magnetron" },
    { id: "couch", kind: "Component", zh: "六维治疗床", en: "Six-DoF couch" },
    { id: "mri", kind: "Product", zh: "磁共振", en: "MRI scanner", category: "diagnosis-testing" },
    { id: "magnet", kind: "Component", zh: "超导磁体", en: "Superconducting magnet" },
    { id: "coil", kind: "Component", zh: "射频线圈", en: "RF coil" },
    { id: "ventilator", kind: "Product", zh: "有创呼吸机", en: "Invasive ventilator", category: "monitoring-life-support" },
    { id: "valve", kind: "Component", zh: "比例阀", en: "Proportional valve" },
    { id: "europe-north-america", kind: "Region", zh: "欧美国家", en: "Europe and North America" },
  ],
});

function source(id: string, raw: string): SourceText {
  return { meta: { document: { id, file: `${id}.txt`, title: { zh: id, en: id } }, exclude: [] }, raw };
}

function edges(graph: InterchangeGraph): string[] {
  return graph.edges.map((e) => `${e.from} ${e.kind} ${e.to} ${e.confidence}`);
}

describe("line joining", () => {
  it("removes only the line breaks and maps every character to its line, skipping blank lines", () => {
    const joined = joinLines("ab\r\n\ncd\ne");
    expect(joined.text).toBe("abcde");
    expect([0, 1, 2, 3, 4].map((i) => lineOf(joined, i))).toEqual([1, 1, 3, 3, 4]);
  });
});

describe("patterns on small texts", () => {
  it("reads X用Y、Z with the chain through a compound, and quotes across a line break", () => {
    const { graph } = extractGraph([source("t1", "电子计算机断层扫描（CT）用\n真空高温轴承；CT球管用真空高温轴承、\n大容量旋转靶盘等。")], LEXICON);
    expect(edges(graph)).toEqual(
      expect.arrayContaining(["ct-scanner REQUIRES bearing stated", "ct-tube REQUIRES bearing stated", "ct-tube REQUIRES target stated", "ct-scanner REQUIRES ct-tube inferred"]),
    );
    const e = graph.edges.find((x) => x.from === "ct-tube" && x.to === "target")!;
    expect(e.evidence[0]).toMatchObject({ doc: "t1", line: 2, quote: "CT球管用真空高温轴承、大容量旋转靶盘" });
  });

  it("marks a list continued after a comma, and a prefix distributed over a list, as inferred with a note", () => {
    const { graph } = extractGraph([source("t2", "放疗用磁控管，六维治疗床等；磁共振超导磁体和射频线圈。")], LEXICON);
    expect(edges(graph)).toEqual(
      expect.arrayContaining(["radiotherapy REQUIRES magnetron stated", "radiotherapy REQUIRES couch inferred", "mri REQUIRES magnet inferred", "mri REQUIRES coil inferred"]),
    );
    expect(graph.edges.filter((e) => e.confidence === "inferred").every((e) => e.evidence.every((ev) => ev.note))).toBe(true);
  });

  it("reads 核心部件（…）主要来自R as REQUIRES, SOURCED_FROM and an inferred import dependence", () => {
    const { graph } = extractGraph([source("t3", "作为关键医疗设备的有创呼吸机，而核心部件（比例阀等）主要来自欧美国家。")], LEXICON);
    expect(edges(graph)).toEqual(["valve SOURCED_FROM europe-north-america stated", "ventilator REQUIRES valve stated"]);
    expect(graph.nodes.find((n) => n.id === "valve")?.flags).toEqual([expect.objectContaining({ flag: "IMPORT_DEPENDENT", confidence: "inferred" })]);
  });

  it("keeps a term the lexicon lacks under a provisional id, for curation", () => {
    const { graph, summary } = extractGraph([source("t4", "放疗用新型加速管。")], LEXICON);
    expect(summary.needsCuration.map((c) => c.zh)).toEqual(["新型加速管"]);
    const node = graph.nodes.find((n) => n.name.zh === "新型加速管");
    expect(node?.name.en).toBeUndefined();
    expect(edges(graph)).toEqual([`radiotherapy REQUIRES ${node!.id} stated`]);
  });

  it("merges the same fact from two documents into one edge with both quotes, and is deterministic", () => {
    const docs = [source("b", "放疗用磁控管。"), source("a", "\n放疗用磁控管。")];
    const first = extractGraph(docs, LEXICON).graph;
    const e = first.edges.find((x) => x.to === "magnetron")!;
    expect(e.evidence.map((ev) => `${ev.doc}:${ev.line}`)).toEqual(["a:2", "b:1"]);
    expect(serializeGraph(extractGraph([...docs].reverse(), LEXICON).graph)).toBe(serializeGraph(first));
  });
});
