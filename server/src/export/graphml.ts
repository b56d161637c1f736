import type { GraphEdge, GraphNode, InterchangeGraph } from "@chokepoint/graph-schema";
import { xmlText } from "./xml-text";

/** GraphML attribute keys (http://graphml.graphdrawing.org/specification.html). Gephi and yEd
 *  read `label` as the node's caption; the rest become node and edge attributes. */
interface Key {
  readonly id: string;
  readonly for: "node" | "edge";
  readonly name: string;
  readonly type: "string" | "double" | "boolean";
}

const NODE_KEYS: readonly (Key & { readonly value: (n: GraphNode) => string | number | undefined })[] = [
  { id: "label", for: "node", name: "label", type: "string", value: (n) => n.name.en ?? n.name.zh ?? n.id },
  { id: "kind", for: "node", name: "kind", type: "string", value: (n) => n.kind },
  { id: "name_zh", for: "node", name: "name_zh", type: "string", value: (n) => n.name.zh },
  { id: "name_en", for: "node", name: "name_en", type: "string", value: (n) => n.name.en },
  { id: "aliases", for: "node", name: "aliases", type: "string", value: (n) => (n.aliases.length > 0 ? n.aliases.join("|") : undefined) },
  { id: "category", for: "node", name: "category", type: "string", value: (n) => n.category },
  { id: "flags", for: "node", name: "flags", type: "string", value: (n) => (n.flags.length > 0 ? n.flags.map((f) => f.flag).join("|") : undefined) },
  { id: "confidence", for: "node", name: "confidence", type: "string", value: (n) => n.confidence },
  { id: "inventory_days", for: "node", name: "inventory_days", type: "double", value: (n) => n.attrs.inventoryDays },
  { id: "recovery_days", for: "node", name: "recovery_days", type: "double", value: (n) => n.attrs.recoveryDays },
  { id: "annual_value", for: "node", name: "annual_value", type: "double", value: (n) => n.attrs.annualValue },
  { id: "evidence_count", for: "node", name: "evidence_count", type: "double", value: (n) => n.evidence.length },
];

const EDGE_KEYS: readonly (Key & { readonly value: (e: GraphEdge) => string | number | boolean | undefined })[] = [
  { id: "e_kind", for: "edge", name: "kind", type: "string", value: (e) => e.kind },
  { id: "e_confidence", for: "edge", name: "confidence", type: "string", value: (e) => e.confidence },
  { id: "e_group", for: "edge", name: "group", type: "string", value: (e) => e.group },
  { id: "e_share", for: "edge", name: "share", type: "double", value: (e) => e.share },
  { id: "e_lead_time_days", for: "edge", name: "lead_time_days", type: "double", value: (e) => e.leadTimeDays },
  { id: "e_qualified", for: "edge", name: "qualified", type: "boolean", value: (e) => e.qualified },
];

function data(key: string, value: string | number | boolean | undefined): string {
  return value === undefined ? "" : `<data key="${key}">${xmlText(String(value))}</data>`;
}

/** The graph as GraphML for Gephi and yEd: one directed graph, node ids as GraphML ids; produced
 *  a line at a time. */
export function* graphmlChunks(graph: InterchangeGraph): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  for (const k of [...NODE_KEYS, ...EDGE_KEYS]) yield `  <key id="${k.id}" for="${k.for}" attr.name="${k.name}" attr.type="${k.type}"/>\n`;
  yield '  <graph id="chokepoint" edgedefault="directed">\n';
  for (const n of graph.nodes) yield `    <node id="${xmlText(n.id)}">${NODE_KEYS.map((k) => data(k.id, k.value(n))).join("")}</node>\n`;
  for (let i = 0; i < graph.edges.length; i++) {
    const e = graph.edges[i]!;
    yield `    <edge id="e${i}" source="${xmlText(e.from)}" target="${xmlText(e.to)}">${EDGE_KEYS.map((k) => data(k.id, k.value(e))).join("")}</edge>\n`;
  }
  yield "  </graph>\n</graphml>\n";
}
