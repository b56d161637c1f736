import { int } from "neo4j-driver";
import type { GraphEdge, GraphNode, SourceDocument } from "@chokepoint/graph-schema";
import * as reads from "../../../server/src/store/neo4j/cypher/reads";
import * as writes from "../../../server/src/store/neo4j/cypher/writes";
import { readVersion } from "../../../server/src/store/neo4j/cypher/version";
import { documentProps, edgeRow, nodeProps } from "../../../server/src/store/neo4j/mapping/to-props";
import type { Responder, Row, RunCall } from "./fake-driver";

/**
 * Canned database contents for the fake driver: answers the adapter's read statements from
 * `state` (as Neo4j would, with `Integer`s for integers), applies deletions, and reports every
 * row of an upsert as matched without applying it (tests that need a changed state set it).
 */
export interface FakeGraph {
  version: number;
  nodes: Map<string, Row>;
  edges: { fromId: string; kind: string; toId: string; props: Row }[];
  documents: Map<string, Row>;
}

export function fakeGraph(init: { version?: number; nodes?: readonly GraphNode[]; edges?: readonly GraphEdge[]; documents?: readonly SourceDocument[] } = {}): FakeGraph {
  return {
    version: init.version ?? 0,
    nodes: new Map((init.nodes ?? []).map((n) => [n.id, { ...nodeProps(n) } as Row])),
    edges: (init.edges ?? []).map((e) => {
      const row = edgeRow(e);
      return { fromId: row.fromId, kind: e.kind, toId: row.toId, props: { ...row.props } };
    }),
    documents: new Map((init.documents ?? []).map((d) => [d.id, { ...documentProps(d) } as Row])),
  };
}

const TEXT = {
  readVersion: readVersion().text,
  nodesById: reads.nodesById([]).text,
  edgesByKey: reads.edgesByKey([]).text,
  incidentEdges: reads.incidentEdges([]).text,
  documentsById: reads.documentsById([]).text,
  allDocuments: reads.allDocuments().text,
  allNodes: reads.allNodes().text,
  allEdges: reads.allEdges().text,
  detachEdges: writes.detachEdges([]).text,
  deleteNodes: writes.deleteNodes([]).text,
};

function rowsParam(call: RunCall): Row[] {
  return (call.params.rows ?? call.params.ids ?? []) as Row[];
}

export function graphResponder(g: FakeGraph): Responder {
  return (call) => {
    const t = call.text;
    const ids = (call.params.ids ?? []) as string[];
    if (t === TEXT.readVersion || t.startsWith("MERGE (m:CpMeta")) return [{ version: int(g.version) }];
    if (t.startsWith("MATCH (m:CpMeta")) {
      g.version += (call.params.step as { toNumber(): number }).toNumber();
      return [{ version: int(g.version) }];
    }
    if (t === TEXT.nodesById) return ids.filter((id) => g.nodes.has(id)).map((id) => ({ props: g.nodes.get(id) }));
    if (t === TEXT.documentsById) return ids.filter((id) => g.documents.has(id)).map((id) => ({ props: g.documents.get(id) }));
    if (t === TEXT.edgesByKey) {
      const keys = rowsParam(call).map((r) => `${String(r.fromId)}|${String(r.kind)}|${String(r.toId)}`);
      return g.edges.filter((e) => keys.includes(`${e.fromId}|${e.kind}|${e.toId}`)).map((e) => ({ ...e }));
    }
    if (t === TEXT.incidentEdges) {
      const kindOf = (id: string) => g.nodes.get(id)?.kind;
      return g.edges
        .filter((e) => ids.includes(e.fromId) || ids.includes(e.toId))
        .map((e) => ({ fromId: e.fromId, kind: e.kind, toId: e.toId, fromKind: kindOf(e.fromId), toKind: kindOf(e.toId) }));
    }
    if (t === TEXT.allDocuments) return [...g.documents.values()].map((props) => ({ props }));
    if (t === TEXT.allNodes) return [...g.nodes.values()].map((props) => ({ props }));
    if (t === TEXT.allEdges) return g.edges.map((e) => ({ ...e }));
    if (t === TEXT.detachEdges) {
      const before = g.edges.length;
      g.edges = g.edges.filter((e) => !ids.includes(e.fromId) && !ids.includes(e.toId));
      return [{ count: int(before - g.edges.length) }];
    }
    if (t === TEXT.deleteNodes) {
      const found = ids.filter((id) => g.nodes.delete(id));
      return [{ count: int(found.length) }];
    }
    if (/^UNWIND \$rows AS row\nMATCH \(:CpNode \{id: row.fromId\}\)-\[r:(\w+)\]->/.test(t)) {
      const kind = /-\[r:(\w+)\]->/.exec(t)![1];
      const keys = rowsParam(call).map((r) => `${String(r.fromId)}|${String(r.toId)}`);
      const before = g.edges.length;
      g.edges = g.edges.filter((e) => !(e.kind === kind && keys.includes(`${e.fromId}|${e.toId}`)));
      return [{ count: int(before - g.edges.length) }];
    }
    if (t.endsWith("RETURN count(*) AS count")) return [{ count: int(rowsParam(call).length) }];
    return [];
  };
}
