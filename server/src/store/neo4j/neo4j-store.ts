import {
  ChokepointError,
  EDGE_KINDS,
  INTERCHANGE_FORMAT,
  INTERCHANGE_VERSION,
  NODE_KINDS,
  isEdgeKind,
  isNodeKind,
  type EdgeKind,
  type GraphEdge,
  type GraphNode,
  type InterchangeGraph,
  type NodeKind,
} from "@chokepoint/graph-schema";
import type {
  ApplyResult,
  ChangeBatch,
  EdgeQuery,
  GraphCounts,
  GraphSnapshot,
  GraphStore,
  ImportResult,
  NodeQuery,
  NodeWithEdges,
  Page,
  StoreHealth,
} from "../../domain/graph-store";
import type { CypherDriver } from "./driver-port";
import { openDriver } from "./connect";
import { boltProbe, probeTarget } from "./bolt-probe";
import { ConnectionGuard } from "./connection-guard";
import { Neo4jExecutor } from "./executor";
import { constraintStatements } from "./cypher/schema";
import { countByKind, countEdges, countNodes, incomingEdges, listEdges, listNodes, nodeById, outgoingEdges } from "./cypher/reads";
import { edgeFromRecord, integerField, nodeFromRecord } from "./mapping/to-domain";
import { decodeEdgeCursor, decodeNodeCursor, edgeCursor, nodeCursor, pageSize, toPage } from "./paging";
import { edgeFilter, invalid, nodeFilter } from "./query-args";
import { IMPORT_PATHS, isEmptyBatch, prepareBatch, type PreparedBatch } from "./prepare-batch";
import { readGraphVersion, readSnapshot } from "./snapshot-reader";
import { SnapshotCache } from "./snapshot-cache";
import { writeBatch, type WriteOutcome } from "./write-transaction";

export interface Neo4jStoreOptions {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  /** Default: the server's default database. */
  readonly database?: string;
  /** TCP connect timeout. Default 3000. */
  readonly connectionTimeoutMs?: number;
  /** How long managed transactions are retried on transient faults. Default 2000. The driver's
   *  backoff (1 s, 2 s, 4 s, ±20 %) stops at the first failure after this much time, so 2000
   *  bounds a dead database at about 3.6 s, while 3000 can stretch it to about 8.4 s. */
  readonly maxTransactionRetryTimeMs?: number;
  /** Wait for a pooled connection, which includes the Bolt handshake: this is what bounds a
   *  server that accepts connections but never answers. Default connectionTimeoutMs + 1000. */
  readonly connectionAcquisitionTimeoutMs?: number;
  /** Deadline for `health()`. Default 2000. */
  readonly healthTimeoutMs?: number;
  /** A driver to use instead of connecting to `uri` (tests pass a fake). */
  readonly driver?: CypherDriver;
}

const HEALTH_DETAIL: Readonly<Record<string, string>> = {
  STORE_UNAVAILABLE: "Neo4j is unreachable",
  STORE_TIMEOUT: "Neo4j did not answer in time",
  STORE_AUTH: "Neo4j rejected the configured credentials",
};

/**
 * The Neo4j adapter of the `GraphStore` port (DESIGN §3). Data model: every node is
 * `(:CpNode:<Kind> {id, kind, nameZh, nameEn, aliases, category, flags, flagNames, attrs,
 * confidence, evidence})` with the nested parts as JSON strings; every edge is a relationship of
 * its kind with `{group, share, leadTimeDays, qualified, confidence, evidence}`; documents are
 * `:CpDocument`; `(:CpMeta {key: 'graph'}).version` counts data-changing writes.
 */
export class Neo4jGraphStore implements GraphStore {
  readonly kind = "neo4j" as const;
  private schema: Promise<void> | undefined;
  private readonly snapshots = new SnapshotCache(() => this.executor.read(readSnapshot));
  /** Calls under way; close() lets them finish before it closes the driver. */
  private readonly inFlight = new Set<Promise<unknown>>();
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly executor: Neo4jExecutor,
    private readonly healthTimeoutMs: number,
  ) {}

  /** Never contacts the database: the server must start (and report not-ready) while Neo4j is
   *  down. Constraints are created before the first operation that reaches it. */
  static create(options: Neo4jStoreOptions): Neo4jGraphStore {
    const connectionTimeoutMs = options.connectionTimeoutMs ?? 3000;
    const driver =
      options.driver ??
      openDriver({
        uri: options.uri,
        user: options.user,
        password: options.password,
        connectionTimeoutMs,
        connectionAcquisitionTimeoutMs: options.connectionAcquisitionTimeoutMs ?? connectionTimeoutMs + 1000,
        maxTransactionRetryTimeMs: options.maxTransactionRetryTimeMs ?? 2000,
      });
    const target = options.driver === undefined ? probeTarget(options.uri) : undefined;
    const guard = target === undefined ? undefined : new ConnectionGuard(boltProbe(target, connectionTimeoutMs));
    return new Neo4jGraphStore(new Neo4jExecutor(driver, options.database, guard), options.healthTimeoutMs ?? 2000);
  }

  version(): Promise<number> {
    return this.track(async () => {
      await this.ready();
      return this.executor.read(readGraphVersion);
    });
  }

  apply(batch: ChangeBatch): Promise<ApplyResult> {
    return this.track(async () => {
      const { version, plan, edgesDeleted } = await this.write(prepareBatch(batch));
      return { version, nodesUpserted: plan.upsertNodes.length, edgesUpserted: plan.upsertEdges.length, nodesDeleted: plan.deleteNodes.length, edgesDeleted };
    });
  }

  importGraph(graph: InterchangeGraph): Promise<ImportResult> {
    return this.track(async () => {
      if (graph.format !== INTERCHANGE_FORMAT || graph.version !== INTERCHANGE_VERSION) {
        throw new ChokepointError("VALIDATION_FAILED", "not a chokepoint/graph version 1 document; nothing was written", {
          problems: [{ code: "FORMAT_INVALID", path: "$.format", message: `format must be "${INTERCHANGE_FORMAT}" version ${INTERCHANGE_VERSION}` }],
        });
      }
      const prepared = prepareBatch({ upsertNodes: graph.nodes, upsertEdges: graph.edges, upsertDocuments: graph.documents }, IMPORT_PATHS, { trusted: true });
      const { version, plan } = await this.write(prepared);
      return { version, nodesUpserted: plan.upsertNodes.length, edgesUpserted: plan.upsertEdges.length, nodesDeleted: 0, edgesDeleted: 0, unchanged: plan.unchanged };
    });
  }

  getNode(id: string): Promise<NodeWithEdges | null> {
    return this.track(async () => {
      if (typeof id !== "string") throw invalid("id must be text");
      await this.ready();
      return this.executor.read(async (tx) => {
        const [record] = await tx.run(nodeById(id));
        if (!record) return null;
        const outgoing = (await tx.run(outgoingEdges(id))).map(edgeFromRecord);
        const incoming = (await tx.run(incomingEdges(id))).map(edgeFromRecord);
        return { node: nodeFromRecord(record), outgoing, incoming };
      });
    });
  }

  listNodes(query: NodeQuery = {}): Promise<Page<GraphNode>> {
    return this.track(async () => {
      const filter = nodeFilter(query);
      const first = pageSize(query.first);
      const after = query.after === undefined ? undefined : decodeNodeCursor(query.after);
      await this.ready();
      return this.executor.read(async (tx) => {
        const rows = (await tx.run(listNodes(filter, after, first + 1))).map(nodeFromRecord);
        const [total] = await tx.run(countNodes(filter));
        return toPage(rows, first, total, (n) => nodeCursor(n.id));
      });
    });
  }

  listEdges(query: EdgeQuery = {}): Promise<Page<GraphEdge>> {
    return this.track(async () => {
      const filter = edgeFilter(query);
      const first = pageSize(query.first);
      const after = query.after === undefined ? undefined : decodeEdgeCursor(query.after);
      await this.ready();
      return this.executor.read(async (tx) => {
        const rows = (await tx.run(listEdges(filter, after, first + 1))).map(edgeFromRecord);
        const [total] = await tx.run(countEdges(filter));
        return toPage(rows, first, total, edgeCursor);
      });
    });
  }

  counts(): Promise<GraphCounts> {
    return this.track(async () => {
      await this.ready();
      return this.executor.read(async (tx) => {
        const version = await readGraphVersion(tx);
        const nodes = Object.fromEntries(NODE_KINDS.map((k) => [k, 0])) as Record<NodeKind, number>;
        const edges = Object.fromEntries(EDGE_KINDS.map((k) => [k, 0])) as Record<EdgeKind, number>;
        for (const r of await tx.run(countByKind())) {
          const kind = r.get("kind");
          if (r.get("what") === "node" && isNodeKind(kind)) nodes[kind] = integerField(r, "count");
          if (r.get("what") === "edge" && isEdgeKind(kind)) edges[kind] = integerField(r, "count");
        }
        return { version, nodes, edges };
      });
    });
  }

  /** Cached per data version (see SnapshotCache). */
  snapshot(): Promise<GraphSnapshot> {
    return this.track(async () => {
      await this.ready();
      return this.snapshots.get(await this.executor.read(readGraphVersion));
    });
  }

  async exportGraph(): Promise<InterchangeGraph> {
    const s = await this.snapshot();
    return { format: INTERCHANGE_FORMAT, version: INTERCHANGE_VERSION, documents: s.documents, nodes: s.nodes, edges: s.edges };
  }

  /** `RETURN 1` as one auto-commit statement under a deadline: readiness must answer quickly
   *  whatever the database does. Problems are reported as a fixed sentence, never thrown; only a
   *  closed store rejects, like every other call. */
  health(): Promise<StoreHealth> {
    return this.track(async () => {
      try {
        await this.executor.probe({ text: "RETURN 1 AS ok", params: {} }, this.healthTimeoutMs);
        return { ok: true, detail: "Neo4j is reachable" };
      } catch (e) {
        const code = e instanceof ChokepointError ? e.code : "STORE_ERROR";
        return { ok: false, detail: HEALTH_DETAIL[code] ?? "Neo4j reported an error" };
      }
    });
  }

  /** Refuses new calls at once, lets those under way finish (a write acknowledged before close
   *  is a write that happened), then closes the driver. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled([...this.inFlight]);
      this.snapshots.clear();
      await this.executor.close();
    })();
    return this.closing;
  }

  private track<T>(call: () => Promise<T>): Promise<T> {
    if (this.closing !== undefined) return Promise.reject(new ChokepointError("STORE_CLOSED", "the store is closed"));
    const running = call();
    this.inFlight.add(running);
    const done = () => this.inFlight.delete(running);
    running.then(done, done);
    return running;
  }

  private async write(prepared: PreparedBatch): Promise<WriteOutcome> {
    await this.ready();
    if (isEmptyBatch(prepared)) {
      const version = await this.executor.read(readGraphVersion);
      return { version, plan: { deleteEdges: [], deleteNodes: [], upsertDocuments: [], upsertNodes: [], upsertEdges: [], unchanged: 0 }, edgesDeleted: 0 };
    }
    return this.executor.write((tx) => writeBatch(tx, prepared));
  }

  /** Creates the constraints once; a failure (database down) is forgotten so the next operation
   *  tries again rather than failing forever. */
  private ready(): Promise<void> {
    if (this.schema === undefined) {
      const attempt = (async () => {
        for (const statement of constraintStatements()) await this.executor.write((tx) => tx.run(statement));
      })();
      this.schema = attempt;
      attempt.catch(() => {
        if (this.schema === attempt) this.schema = undefined;
      });
    }
    return this.schema;
  }
}
