import type { EdgeKind, InterchangeGraph } from "@chokepoint/graph-schema";
import { committedGraph } from "./fresh-extraction";

/** The chains an analyst looks for first (the list), each with the quote that states it. */
const CHAINS: readonly (readonly [from: string, kind: EdgeKind, to: string, quoteIncludes: string])[] = [
  ["invasive-ventilator", "REQUIRES", "turbine-blower", "涡轮风机"],
  ["invasive-ventilator", "REQUIRES", "flow-sensor", "流量传感器"],
  ["invasive-ventilator", "REQUIRES", "proportional-valve", "比例阀"],
  ["invasive-ventilator", "REQUIRES", "chip", "芯片"],
  ["turbine-blower", "SOURCED_FROM", "europe-north-america", "主要来自欧美国家"],
  ["flow-sensor", "SOURCED_FROM", "europe-north-america", "主要来自欧美国家"],
  ["proportional-valve", "SOURCED_FROM", "europe-north-america", "主要来自欧美国家"],
  ["chip", "SOURCED_FROM", "europe-north-america", "主要来自欧美国家"],
  ["ct-scanner", "REQUIRES", "ct-tube", "CT球管"],
  ["ct-tube", "REQUIRES", "vacuum-high-temperature-bearing", "CT球管用真空高温轴承"],
  ["ct-tube", "REQUIRES", "rotating-anode-target", "大容量旋转靶盘"],
  ["ecmo", "REQUIRES", "hollow-fibre-membrane", "体外膜肺氧合机（ECMO）用中空纤维膜"],
  ["blood-purification-equipment", "REQUIRES", "dialysis-membrane", "血液净化设备用透析膜"],
  ["dialysis-equipment", "REQUIRES", "vacuum-pump", "透析设备用真空泵"],
  ["dialysis-equipment", "REQUIRES", "micro-solenoid-valve", "微型电磁阀"],
  ["high-flow-nasal-oxygen-therapy", "REQUIRES", "micro-proportional-valve", "经鼻高流量氧疗仪用微型比例阀"],
  ["ct-detector", "REQUIRES", "scintillator", "CT/PET探测器用闪烁体"],
  ["pet-detector", "REQUIRES", "scintillator", "CT/PET探测器用闪烁体"],
  ["ct-scanner", "REQUIRES", "ct-detector", "CT"],
  ["pet-scanner", "REQUIRES", "pet-detector", "PET"],
  ["mri-scanner", "REQUIRES", "superconducting-magnet", "磁共振超导磁体"],
  ["mri-scanner", "REQUIRES", "rf-coil", "射频线圈"],
  ["mri-scanner", "REQUIRES", "mri-cryocooler", "MRI用低温制冷机"],
  ["pet-scanner", "REQUIRES", "pet-crystal-detector", "PET晶体探测器"],
  ["radiotherapy-system", "REQUIRES", "magnetron", "磁控管"],
  ["radiotherapy-system", "REQUIRES", "klystron", "速调管"],
  ["radiotherapy-system", "REQUIRES", "electron-gun", "电子枪"],
  ["radiotherapy-system", "REQUIRES", "solid-state-modulator", "调制器"],
];

function edge(graph: InterchangeGraph, from: string, kind: EdgeKind, to: string) {
  return graph.edges.find((e) => e.from === from && e.kind === kind && e.to === to);
}

describe("the chains an analyst looks for first", () => {
  const graph = committedGraph();
  it.each(CHAINS.map((c) => [`${c[0]} ${c[1]} ${c[2]}`, ...c] as const))("%s", (_label, from, kind, to, quote) => {
    const e = edge(graph, from, kind, to);
    expect(e).toBeDefined();
    expect(e!.evidence.some((ev) => ev.quote?.includes(quote))).toBe(true);
  });

  it("names the key nodes as an analyst would search for them", () => {
    const name = (id: string) => graph.nodes.find((n) => n.id === id)?.name;
    expect(name("invasive-ventilator")).toEqual({ zh: "有创呼吸机", en: "Invasive ventilator" });
    expect(name("europe-north-america")?.zh).toBe("欧美国家");
    expect(name("ecmo")?.en).toContain("ECMO");
    expect(graph.nodes.find((n) => n.id === "ct-tube")?.aliases).toEqual(expect.arrayContaining(["X射线球管", "X射线管"]));
  });

  it("flags the ventilator's parts as import-dependent and 003's 攻关 targets as bottlenecks", () => {
    const flags = (id: string) => graph.nodes.find((n) => n.id === id)?.flags.map((f) => f.flag) ?? [];
    expect(flags("proportional-valve")).toEqual(expect.arrayContaining(["IMPORT_DEPENDENT", "POLICY_BOTTLENECK"]));
    expect(flags("hollow-fibre-membrane")).toContain("POLICY_BOTTLENECK");
    expect(flags("superconducting-magnet")).toContain("DOMESTIC_BREAKTHROUGH");
  });
});
