import { edgeId, type Confidence, type EdgeKind, type Flag, type GraphData, type MapEdge, type MapNode, type NodeKind } from "../../client/src/model/types";

/**
 * A hand-drawn supply graph with known answers: two products sharing a chip (a mapping gap), a
 * valve with two suppliers in two regions, a blower sourced straight from a bloc, a membrane with
 * alternatives, and a region hierarchy (zhejiang → china).
 */
function node(id: string, kind: NodeKind, zh: string | null, en: string | null, extra: Partial<MapNode> = {}): MapNode {
  return { id, kind, name: { zh, en }, category: null, flags: [], confidence: "stated", risk: 0.1, spofOf: 0, mappingGap: false, ...extra };
}

function edge(from: string, kind: EdgeKind, to: string, confidence: Confidence = "stated", group: string | null = null): MapEdge {
  return { id: edgeId(from, kind, to), from, to, kind, confidence, group, share: null };
}

const flags = (...f: Flag[]) => f;

export const FIXTURE: GraphData = {
  truncated: false,
  nodes: [
    node("ventilator", "Product", "有创呼吸机", "Invasive ventilator", { category: "monitoring-life-support", risk: 0.3 }),
    node("ecmo", "Product", "体外膜肺氧合机", "ECMO", { category: "monitoring-life-support", risk: 0.4 }),
    node("ct", "Product", "CT", "CT scanner", { category: "diagnosis-testing", risk: 0.2 }),
    node("valve", "Component", "比例阀", "Proportional valve", { flags: flags("IMPORT_DEPENDENT", "POLICY_BOTTLENECK"), risk: 0.7, spofOf: 1 }),
    node("blower", "Component", "涡轮风机", "Turbine blower", { risk: 0.65, spofOf: 1 }),
    node("chip", "Component", "芯片", "Chip", { mappingGap: true, risk: 0.5, spofOf: 2 }),
    node("membrane", "Material", "中空纤维膜", "Hollow-fibre membrane", { flags: flags("DOMESTIC_BREAKTHROUGH"), risk: 0.2 }),
    node("membrane-b", "Material", "备用膜", "Backup membrane", { risk: 0.2 }),
    node("tube", "Component", "CT球管", "CT tube", { risk: 0.9 }),
    node("s-de", "Supplier", null, "Valve maker (Germany)"),
    node("s-zj", "Supplier", "阀门厂（浙江）", "Valve maker (Zhejiang)"),
    node("eu-na", "Region", "欧美国家", "Europe and North America", { risk: 0.35, spofOf: 1 }),
    node("zhejiang", "Region", "浙江", "Zhejiang"),
    node("china", "Region", "中国", "China"),
  ],
  edges: [
    edge("ventilator", "REQUIRES", "valve"),
    edge("ventilator", "REQUIRES", "blower", "inferred"),
    edge("ventilator", "REQUIRES", "chip"),
    edge("ecmo", "REQUIRES", "chip"),
    edge("ecmo", "REQUIRES", "membrane", "stated", "oxygenator"),
    edge("ecmo", "REQUIRES", "membrane-b", "stated", "oxygenator"),
    edge("ct", "REQUIRES", "tube", "imported"),
    edge("valve", "SOURCED_FROM", "s-de"),
    edge("valve", "SOURCED_FROM", "s-zj"),
    edge("blower", "SOURCED_FROM", "eu-na"),
    edge("s-de", "LOCATED_IN", "eu-na"),
    edge("s-zj", "LOCATED_IN", "zhejiang"),
    edge("zhejiang", "WITHIN", "china"),
  ],
};

/** A layered synthetic graph of about `n` nodes, for size and refusal tests. */
export function syntheticGraph(n: number): GraphData {
  const nodes: MapNode[] = [];
  const edges: MapEdge[] = [];
  const products = Math.max(1, Math.floor(n / 20));
  const parts = n - products;
  for (let i = 0; i < products; i++) nodes.push(node(`p${i}`, "Product", null, `Product ${i}`));
  for (let i = 0; i < parts; i++) nodes.push(node(`c${i}`, i % 3 === 0 ? "Material" : "Component", null, `Part ${i}`));
  for (let i = 0; i < parts; i++) edges.push(edge(`p${i % products}`, "REQUIRES", `c${i}`));
  return { truncated: false, nodes, edges };
}
