import { Neo4jError } from "neo4j-driver";
import type { GraphEdge, GraphNode } from "@chokepoint/graph-schema";

/** A ventilator's slice of the supply graph, in canonical (already validated) form. */
const ev = [{ doc: "000", line: 12, quote: "涡轮风机、流量传感器、比例阀、芯片主要来自欧美国家" }];

export const ventilator: GraphNode = {
  id: "ventilator",
  kind: "Product",
  name: { zh: "有创呼吸机", en: "Invasive ventilator" },
  aliases: [],
  category: "monitoring-life-support",
  flags: [],
  attrs: { inventoryDays: 30 },
  confidence: "stated",
  evidence: ev,
};
export const valve: GraphNode = {
  id: "proportional-valve",
  kind: "Component",
  name: { zh: "比例阀", en: "Proportional valve" },
  aliases: ["prop valve"],
  flags: [{ flag: "IMPORT_DEPENDENT", confidence: "stated", evidence: ev }],
  attrs: {},
  confidence: "stated",
  evidence: ev,
};
export const westRegion: GraphNode = {
  id: "europe-north-america",
  kind: "Region",
  name: { zh: "欧美国家", en: "Europe and North America" },
  aliases: [],
  flags: [],
  attrs: {},
  confidence: "stated",
  evidence: ev,
};
export const acme: GraphNode = {
  id: "acme-valves",
  kind: "Supplier",
  name: { en: "ACME Valves" },
  aliases: [],
  flags: [],
  attrs: {},
  confidence: "imported",
  evidence: [{ file: "suppliers.csv", row: 2 }],
};

export const requiresValve: GraphEdge = { from: "ventilator", to: "proportional-valve", kind: "REQUIRES", confidence: "stated", evidence: ev };
export const valveFromWest: GraphEdge = { from: "proportional-valve", to: "europe-north-america", kind: "SOURCED_FROM", share: 0.8, confidence: "stated", evidence: ev };
export const acmeInWest: GraphEdge = { from: "acme-valves", to: "europe-north-america", kind: "LOCATED_IN", confidence: "imported", evidence: [{ file: "suppliers.csv", row: 2 }] };

/** A driver error as neo4j-driver 6 builds it (message, code, GQL status, description). */
export function driverError(code: string, message: string): Neo4jError {
  return new Neo4jError(message, code, "50N42", "error: general processing exception");
}

export const SECRET = "hunter2-do-not-leak";
