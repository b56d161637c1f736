import { int } from "neo4j-driver";
import { EDGE_KINDS, NODE_KINDS, type EdgeKind } from "@chokepoint/graph-schema";
import type { AccessMode, CypherDriver, CypherSession, CypherTransaction } from "../../../server/src/store/neo4j";
import * as reads from "../../../server/src/store/neo4j/cypher/reads";
import * as writes from "../../../server/src/store/neo4j/cypher/writes";
import { constraintStatements } from "../../../server/src/store/neo4j/cypher/schema";
import { finishWrite, lockGraph, readVersion } from "../../../server/src/store/neo4j/cypher/version";
import { record, result, type Row } from "./fake-driver";

/**
 * An in-memory model of exactly the statements the adapter sends, written from what each one
 * means in Cypher. It recognises a statement only if its text is what the builder produces for
 * the parameters given (so it is pinned to the same text as the tests), and fails loudly on
 * anything else. Write transactions run one at a time on a copy that replaces the committed state
 * on success (the adapter's lock makes Neo4j behave so); reads see committed state.
 *
 * This is NOT Neo4j: it checks the adapter's logic against the store contract without a database.
 * Cypher semantics are only as right as this model; the real run is tests/contract/neo4j.test.ts.
 */

interface ModelNode {
  labels: Set<string>;
  props: Row;
}
interface ModelEdge {
  from: string;
  type: string;
  to: string;
  props: Row;
}
interface State {
  nodes: Map<string, ModelNode>;
  edges: Map<string, ModelEdge>;
  documents: Map<string, Row>;
  version: number | undefined;
}

const ekey = (from: string, type: string, to: string) => `${from}\u0000${type}\u0000${to}`;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const toNum = (v: unknown) => (typeof v === "number" ? v : (v as { toNumber(): number }).toNumber());

function withoutNulls(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]));
}

function clone(s: State): State {
  return {
    nodes: new Map([...s.nodes].map(([k, n]) => [k, { labels: new Set(n.labels), props: { ...n.props } }])),
    edges: new Map([...s.edges].map(([k, e]) => [k, { ...e, props: { ...e.props } }])),
    documents: new Map([...s.documents].map(([k, d]) => [k, { ...d }])),
    version: s.version,
  };
}

function edgeOut(e: ModelEdge): Row {
  return { fromId: e.from, kind: e.type, toId: e.to, props: { ...e.props } };
}

export class CypherModel implements CypherDriver {
  private committed: State = { nodes: new Map(), edges: new Map(), documents: new Map(), version: undefined };
  private writeQueue: Promise<unknown> = Promise.resolve();
  statementsRun = 0;

  session(_config: { database?: string; defaultAccessMode: AccessMode }): CypherSession {
    const tx = (state: () => State): CypherTransaction => ({
      run: (text, params) => result(() => this.execute(state(), text, params)),
    });
    return {
      executeRead: async (work) => work(tx(() => this.committed)),
      executeWrite: (work) => {
        const run = this.writeQueue.then(async () => {
          const working = clone(this.committed);
          const value = await work(tx(() => working));
          this.committed = working;
          return value;
        });
        this.writeQueue = run.catch(() => undefined);
        return run;
      },
      run: (text, params) => tx(() => this.committed).run(text, params),
      close: async () => undefined,
    };
  }

  async close(): Promise<void> {}

  private execute(s: State, text: string, p: Record<string, unknown>): Row[] {
    this.statementsRun++;
    const ids = (p.ids ?? []) as string[];
    const rows = (p.rows ?? []) as Row[];
    const is = (built: { text: string }) => text === built.text;
    const nodeKind = (id: string) => s.nodes.get(id)?.props.kind;

    if (text === "RETURN 1 AS ok") return [{ ok: int(1) }];
    if (constraintStatements().some(is)) return [];
    if (is(readVersion())) return [{ version: s.version === undefined ? null : int(s.version) }];
    if (is(lockGraph())) {
      s.version ??= 0;
      return [{ version: int(s.version) }];
    }
    if (is(finishWrite(false))) {
      s.version = (s.version ?? 0) + toNum(p.step);
      return [{ version: int(s.version) }];
    }
    if (is(reads.nodesById([]))) return ids.filter((id) => s.nodes.has(id)).map((id) => ({ props: { ...s.nodes.get(id)!.props } }));
    if (is(reads.documentsById([]))) return ids.filter((id) => s.documents.has(id)).map((id) => ({ props: { ...s.documents.get(id)! } }));
    if (is(reads.edgesByKey([]))) {
      return rows.flatMap((r) => {
        const e = s.edges.get(ekey(String(r.fromId), String(r.kind), String(r.toId)));
        return e ? [edgeOut(e)] : [];
      });
    }
    if (is(reads.incidentEdges([]))) {
      return [...s.edges.values()]
        .filter((e) => ids.includes(e.from) || ids.includes(e.to))
        .map((e) => ({ fromId: e.from, kind: e.type, toId: e.to, fromKind: nodeKind(e.from), toKind: nodeKind(e.to) }));
    }
    for (const kind of EDGE_KINDS) {
      if (is(writes.deleteEdges(kind, []))) {
        return [{ count: int(rows.filter((r) => s.edges.delete(ekey(String(r.fromId), kind, String(r.toId)))).length) }];
      }
      if (is(writes.upsertEdges(kind, []))) {
        let count = 0;
        for (const r of rows) {
          const from = String(r.fromId);
          const to = String(r.toId);
          if (!s.nodes.has(from) || !s.nodes.has(to)) continue;
          s.edges.set(ekey(from, kind, to), { from, type: kind, to, props: withoutNulls(r.props as Row) });
          count++;
        }
        return [{ count: int(count) }];
      }
    }
    if (is(writes.detachEdges([]))) {
      const doomed = [...s.edges.entries()].filter(([, e]) => ids.includes(e.from) || ids.includes(e.to));
      for (const [k] of doomed) s.edges.delete(k);
      return [{ count: int(doomed.length) }];
    }
    if (is(writes.deleteNodes([]))) {
      let count = 0;
      for (const id of ids) {
        if (!s.nodes.delete(id)) continue;
        count++;
        for (const [k, e] of s.edges) if (e.from === id || e.to === id) s.edges.delete(k);
      }
      return [{ count: int(count) }];
    }
    if (is(writes.upsertDocuments([]))) {
      for (const r of rows) s.documents.set(String(r.id), withoutNulls(r));
      return [{ count: int(rows.length) }];
    }
    for (const kind of NODE_KINDS) {
      if (is(writes.upsertNodes(kind, []))) {
        for (const r of rows) s.nodes.set(String(r.id), { labels: new Set(["CpNode", kind]), props: withoutNulls(r) });
        return [{ count: int(rows.length) }];
      }
    }
    if (is(reads.nodeById(""))) {
      const n = s.nodes.get(String(p.id));
      return n ? [{ props: { ...n.props } }] : [];
    }
    if (is(reads.outgoingEdges(""))) {
      return [...s.edges.values()].filter((e) => e.from === p.id).sort((a, b) => cmp(a.type, b.type) || cmp(a.to, b.to)).map(edgeOut);
    }
    if (is(reads.incomingEdges(""))) {
      return [...s.edges.values()].filter((e) => e.to === p.id).sort((a, b) => cmp(a.from, b.from) || cmp(a.type, b.type)).map(edgeOut);
    }
    const nodeFilter = { ...(p.kind !== undefined && { kind: p.kind }), ...(p.category !== undefined && { category: p.category }), ...(p.flag !== undefined && { flag: p.flag }), ...(p.search !== undefined && { search: p.search }) } as reads.NodeFilter;
    const nodeMatches = (props: Row) => {
      const lower = (v: unknown) => (typeof v === "string" ? v.toLowerCase() : "");
      const search = p.search as string | undefined;
      return (
        (p.kind === undefined || props.kind === p.kind) &&
        (p.category === undefined || props.category === p.category) &&
        (p.flag === undefined || ((props.flagNames ?? []) as string[]).includes(String(p.flag))) &&
        (search === undefined ||
          [props.id, props.nameZh, props.nameEn].some((v) => lower(v).includes(search)) ||
          ((props.aliases ?? []) as string[]).some((a) => a.toLowerCase().includes(search)))
      );
    };
    const sortedNodes = () => [...s.nodes.values()].map((n) => n.props).sort((a, b) => cmp(String(a.id), String(b.id)));
    if (p.limit !== undefined && is(reads.listNodes(nodeFilter, p.after as string | undefined, 0))) {
      return sortedNodes()
        .filter((n) => nodeMatches(n) && (p.after === undefined || String(n.id) > String(p.after)))
        .slice(0, toNum(p.limit))
        .map((props) => ({ props: { ...props } }));
    }
    if (is(reads.countNodes(nodeFilter))) return [{ total: int(sortedNodes().filter(nodeMatches).length) }];

    const typed = /-\[r:(\w+)\]->/.exec(text)?.[1] as EdgeKind | undefined;
    const edgeFilter = { ...(typed !== undefined && { kind: typed }), ...(p.from !== undefined && { from: p.from }), ...(p.to !== undefined && { to: p.to }) } as reads.EdgeFilter;
    const after = p.afterFrom === undefined ? undefined : { from: String(p.afterFrom), kind: p.afterKind as EdgeKind, to: String(p.afterTo) };
    const edgeMatches = (e: ModelEdge) => (typed === undefined || e.type === typed) && (p.from === undefined || e.from === p.from) && (p.to === undefined || e.to === p.to);
    const sortedEdges = () => [...s.edges.values()].sort((a, b) => cmp(a.from, b.from) || cmp(a.type, b.type) || cmp(a.to, b.to));
    if (p.limit !== undefined && is(reads.listEdges(edgeFilter, after, 0))) {
      const beyond = (e: ModelEdge) => after === undefined || e.from > after.from || (e.from === after.from && (e.type > after.kind || (e.type === after.kind && e.to > after.to)));
      return sortedEdges().filter((e) => edgeMatches(e) && beyond(e)).slice(0, toNum(p.limit)).map(edgeOut);
    }
    if (is(reads.countEdges(edgeFilter))) return [{ total: int(sortedEdges().filter(edgeMatches).length) }];

    if (is(reads.countByKind())) {
      const nodes = NODE_KINDS.map((k) => ({ what: "node", kind: k, count: int([...s.nodes.values()].filter((n) => n.labels.has(k)).length) }));
      const edges = EDGE_KINDS.map((k) => ({ what: "edge", kind: k, count: int([...s.edges.values()].filter((e) => e.type === k).length) }));
      return [...nodes, ...edges];
    }
    if (is(reads.allDocuments())) return [...s.documents.values()].sort((a, b) => cmp(String(a.id), String(b.id))).map((props) => ({ props: { ...props } }));
    if (is(reads.allNodes())) return sortedNodes().map((props) => ({ props: { ...props } }));
    // Unordered in Cypher: hand them back in reverse so the store's own sort is exercised.
    if (is(reads.allEdges())) return sortedEdges().reverse().map(edgeOut);
    throw new Error(`the Cypher model does not know this statement:\n${text}`);
  }
}

export { record };
