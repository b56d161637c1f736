import { resolve } from "node:path";
import {
  ChokepointError,
  INTERCHANGE_FORMAT,
  INTERCHANGE_VERSION,
  isChokepointError,
  isValidId,
  normalizeId,
  type GraphEdge,
  type GraphNode,
  type InterchangeGraph,
  type Problem,
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
import type { ChangeLog } from "./change-log";
import type { DirLock } from "./dir-lock";
import { errnoCode } from "./durable-fs";
import type { GraphState } from "./graph-state";
import { openDirectory } from "./open-directory";
import { snapshotOf } from "./state-snapshot";
import { listEdges, listNodes } from "./queries";
import { writeSnapshotFile } from "./snapshot-file";
import { stderrLogger, type StoreLogger } from "./store-logger";
import { isEmptyChange } from "./stored-change";
import { BATCH_PATHS, IMPORT_PATHS, importInput, planWrite, type InputPaths } from "./write-plan";
import { WriteQueue } from "./write-queue";

export interface EmbeddedStoreOptions {
  /** Data directory; created if missing. One process at a time may use it. */
  readonly dir: string;
  /** Loaded as the first committed state when the directory holds no data yet. */
  readonly seed?: () => Promise<InterchangeGraph>;
  /** Write a snapshot (and cut the log) after this many log records… (default 10,000) */
  readonly snapshotEveryRecords?: number;
  /** …or this many log bytes, whichever comes first (default 64 MiB). */
  readonly snapshotEveryBytes?: number;
  /** Largest log record payload, in bytes, before a write is split into several records that
   *  commit together (default 8 MiB). Small values exercise multi-record writes in tests. */
  readonly logPartBytes?: number;
  readonly logger?: StoreLogger;
}

const DEFAULTS = { snapshotEveryRecords: 10_000, snapshotEveryBytes: 64 << 20, logPartBytes: 8 << 20 };

/**
 * The zero-setup store (DESIGN §3): the graph lives in memory (GraphState), every write is made
 * durable in an append-only change log before it becomes visible, and periodic snapshots bound
 * recovery time. Writes, snapshots and close run one at a time through a queue; reads are served
 * from memory at any time and see each write whole or not at all.
 */
export class EmbeddedGraphStore implements GraphStore {
  readonly kind = "embedded" as const;
  private readonly queue = new WriteQueue();
  private closing: Promise<void> | undefined;
  private recordsSinceSnapshot: number;
  private bytesSinceSnapshot: number;
  private snapshotDue = false;
  private cachedSnapshot: GraphSnapshot | undefined;

  private constructor(
    private readonly dir: string,
    private readonly state: GraphState,
    private readonly log: ChangeLog,
    private readonly lock: DirLock,
    private readonly settings: typeof DEFAULTS,
    private readonly logger: StoreLogger,
    recovered: { records: number; bytes: number },
  ) {
    this.recordsSinceSnapshot = recovered.records;
    this.bytesSinceSnapshot = recovered.bytes;
  }

  static async open(options: EmbeddedStoreOptions): Promise<EmbeddedGraphStore> {
    if (typeof options.dir !== "string" || options.dir.trim() === "") throw new ChokepointError("CONFIG_INVALID", "the embedded store needs a data directory");
    const settings = {
      snapshotEveryRecords: positive(options.snapshotEveryRecords, DEFAULTS.snapshotEveryRecords, "snapshotEveryRecords"),
      snapshotEveryBytes: positive(options.snapshotEveryBytes, DEFAULTS.snapshotEveryBytes, "snapshotEveryBytes"),
      logPartBytes: positive(options.logPartBytes, DEFAULTS.logPartBytes, "logPartBytes"),
    };
    const dir = resolve(options.dir);
    const logger = options.logger ?? stderrLogger;
    const opened = await openDirectory(dir, { logPartBytes: settings.logPartBytes, logger });
    const store = new EmbeddedGraphStore(dir, opened.state, opened.log, opened.lock, settings, logger, opened.pending);
    if (opened.empty && options.seed) {
      try {
        await store.loadSeed(options.seed);
      } catch (e) {
        await store.close();
        throw e;
      }
    }
    store.scheduleSnapshotIfDue();
    return store;
  }

  async version(): Promise<number> {
    this.assertOpen();
    return this.state.version;
  }

  apply(batch: ChangeBatch): Promise<ApplyResult> {
    return this.write(batch, BATCH_PATHS, []).then(({ result }) => result);
  }

  importGraph(graph: InterchangeGraph): Promise<ImportResult> {
    const problems: Problem[] = [];
    const input = importInput(graph, problems);
    return this.write(input, IMPORT_PATHS, problems).then(({ result, distinctItems }) => ({
      ...result,
      unchanged: distinctItems - result.nodesUpserted - result.edgesUpserted,
    }));
  }

  async getNode(id: string): Promise<NodeWithEdges | null> {
    this.assertOpen();
    const key = typeof id === "string" ? normalizeId(id) : "";
    const node = isValidId(key) ? this.state.node(key) : undefined;
    if (!node) return null;
    const edges = (keys: Iterable<string>): readonly GraphEdge[] => Object.freeze([...keys].sort().map((k) => this.state.edge(k)!));
    return Object.freeze({ node, outgoing: edges(this.state.outgoingKeys(key)), incoming: edges(this.state.incomingKeys(key)) });
  }

  async listNodes(query?: NodeQuery): Promise<Page<GraphNode>> {
    this.assertOpen();
    return listNodes(this.state, query);
  }

  async listEdges(query?: EdgeQuery): Promise<Page<GraphEdge>> {
    this.assertOpen();
    return listEdges(this.state, query);
  }

  async counts(): Promise<GraphCounts> {
    this.assertOpen();
    return { version: this.state.version, ...this.state.counts() };
  }

  /** Cached per version: every caller at one version shares one frozen object. Items are in the
   *  export order (documents and nodes by id, edges by (from, kind, to)), so analyses see the same
   *  arrays whatever the store's history, and the same as from the Neo4j adapter. */
  async snapshot(): Promise<GraphSnapshot> {
    this.assertOpen();
    if (this.cachedSnapshot?.version !== this.state.version) this.cachedSnapshot = snapshotOf(this.state);
    return this.cachedSnapshot;
  }

  async exportGraph(): Promise<InterchangeGraph> {
    this.assertOpen();
    const { documents, nodes, edges } = this.state.sortedContent();
    return { format: INTERCHANGE_FORMAT, version: INTERCHANGE_VERSION, documents, nodes, edges };
  }

  async health(): Promise<StoreHealth> {
    this.assertOpen();
    return this.log.writable
      ? { ok: true, detail: "embedded store ready" }
      : { ok: false, detail: "embedded store is read-only after a failed write; restart to recover" };
  }

  /** Waits for queued writes, writes a final snapshot when the log holds anything, and releases
   *  the directory. Later calls to any method reject with STORE_CLOSED; close itself is idempotent. */
  close(): Promise<void> {
    this.closing ??= this.queue.run(async () => {
      try {
        if (this.recordsSinceSnapshot > 0 && this.log.writable) await this.writeSnapshot();
      } catch (e) {
        this.logger.warn(`final snapshot failed (${describe(e)}); the change log still holds every write`);
      } finally {
        await this.log.close().catch(() => undefined);
        await this.lock.release();
      }
    });
    return this.closing;
  }

  private assertOpen(): void {
    if (this.closing) throw new ChokepointError("STORE_CLOSED", "the store is closed");
  }

  private write(input: unknown, paths: InputPaths, formatProblems: readonly Problem[]): Promise<{ result: ApplyResult; distinctItems: number }> {
    try {
      this.assertOpen();
    } catch (e) {
      return Promise.reject(e);
    }
    return this.queue.run(async () => {
      const plan = planWrite(this.state, input, paths);
      const problems = [...formatProblems, ...plan.problems];
      if (problems.length > 0) {
        throw new ChokepointError("VALIDATION_FAILED", `the write was rejected: ${problems.length} problem(s), first: ${problems[0]!.path}: ${problems[0]!.message}`, { problems });
      }
      const change = plan.change;
      const counts = { nodesUpserted: change.upsertNodes.length, edgesUpserted: change.upsertEdges.length, nodesDeleted: change.deleteNodes.length };
      if (isEmptyChange(change)) return { result: { version: this.state.version, ...counts, edgesDeleted: 0 }, distinctItems: plan.distinctItems };
      const appended = await this.log.append(change);
      const { edgesDeleted } = this.state.apply(change, plan.upsertEdgeKeys);
      this.recordsSinceSnapshot += appended.records;
      this.bytesSinceSnapshot += appended.bytes;
      this.scheduleSnapshotIfDue();
      return { result: { version: this.state.version, ...counts, edgesDeleted }, distinctItems: plan.distinctItems };
    });
  }

  private async loadSeed(seed: () => Promise<InterchangeGraph>): Promise<void> {
    let graph: InterchangeGraph;
    try {
      graph = await seed();
    } catch (e) {
      if (isChokepointError(e)) throw e;
      throw new ChokepointError("STORE_ERROR", `could not load the seed graph (${describe(e)})`, { cause: e });
    }
    await this.importGraph(graph);
  }

  /** Queued behind the write that made it due, so the write is acknowledged first and the next
   *  write waits for the snapshot. A failed snapshot is logged and retried after the next write:
   *  the log still holds everything. */
  private scheduleSnapshotIfDue(): void {
    if (this.snapshotDue || this.closing) return;
    if (this.recordsSinceSnapshot < this.settings.snapshotEveryRecords && this.bytesSinceSnapshot < this.settings.snapshotEveryBytes) return;
    this.snapshotDue = true;
    void this.queue.run(async () => {
      try {
        if (!this.closing && this.log.writable) await this.writeSnapshot();
      } catch (e) {
        this.logger.warn(`snapshot failed (${describe(e)}); the change log still holds every write`);
      } finally {
        this.snapshotDue = false;
      }
    });
  }

  /** Snapshot first, then cut the log: a crash in between leaves log records the snapshot already
   *  holds, which recovery skips by sequence number. */
  private async writeSnapshot(): Promise<void> {
    await writeSnapshotFile(this.dir, {
      version: this.state.version,
      lastSeq: this.log.lastSeq,
      documents: this.state.documents.values(),
      nodes: this.state.allNodes(),
      edges: this.state.allEdges(),
    });
    this.recordsSinceSnapshot = 0;
    this.bytesSinceSnapshot = 0;
    await this.log.reset();
    this.logger.info(`snapshot written at version ${this.state.version}`);
  }
}

function positive(v: number | undefined, fallback: number, name: string): number {
  if (v === undefined) return fallback;
  if (!Number.isSafeInteger(v) || v < 1) throw new ChokepointError("CONFIG_INVALID", `${name} must be a positive whole number`);
  return v;
}

function describe(e: unknown): string {
  return isChokepointError(e) ? e.code : errnoCode(e) ?? (e instanceof Error ? e.message : String(e));
}
