import "reflect-metadata";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
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
} from "../../server/src/domain/graph-store";
import type { GraphEdge, GraphNode, InterchangeGraph } from "@chokepoint/graph-schema";
import { openStore, readConfig, startApp, type RunningApp } from "../../server/src/main";

export const ROOT = path.resolve(__dirname, "..", "..");
export const EDITOR_TOKEN = "editor-token-0123456789abcdef";
export const READ_TOKEN = "reader-token-0123456789abcdef";
const EXTRACTED_GRAPH = path.join(ROOT, "seeds", "graph", "supply-graph.json");
export const SAMPLE_GRAPH = path.join(ROOT, "seeds", "sample", "sample-graph.json");
/** The extracted seed graph once it exists, else the hand-made sample. */
export const SEED_GRAPH = existsSync(EXTRACTED_GRAPH) ? EXTRACTED_GRAPH : SAMPLE_GRAPH;

type StoreMethod = Exclude<keyof GraphStore, "kind">;

/**
 * A GraphStore that counts every call before passing it on. Every resolver reaches the store
 * (through the services' per-version cache, which asks `version()` first), so "no store call
 * apart from health probes" proves that a rejected request never reached a resolver's work.
 * `failNext` makes the next calls of one method throw, for resolver-crash tests.
 */
export class CountingStore implements GraphStore {
  readonly calls = new Map<StoreMethod, number>();
  failWith: { method: StoreMethod; error: unknown } | undefined;

  constructor(private readonly inner: GraphStore) {}

  get kind(): GraphStore["kind"] {
    return this.inner.kind;
  }

  /** Calls that do data work: everything but health probes and close. */
  dataCalls(): number {
    let n = 0;
    for (const [method, count] of this.calls) if (method !== "health" && method !== "close") n += count;
    return n;
  }

  private async call<T>(method: StoreMethod, run: () => Promise<T>): Promise<T> {
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
    if (this.failWith?.method === method) throw this.failWith.error;
    return run();
  }

  version(): Promise<number> {
    return this.call("version", () => this.inner.version());
  }
  apply(batch: ChangeBatch): Promise<ApplyResult> {
    return this.call("apply", () => this.inner.apply(batch));
  }
  getNode(id: string): Promise<NodeWithEdges | null> {
    return this.call("getNode", () => this.inner.getNode(id));
  }
  listNodes(query?: NodeQuery): Promise<Page<GraphNode>> {
    return this.call("listNodes", () => this.inner.listNodes(query));
  }
  listEdges(query?: EdgeQuery): Promise<Page<GraphEdge>> {
    return this.call("listEdges", () => this.inner.listEdges(query));
  }
  counts(): Promise<GraphCounts> {
    return this.call("counts", () => this.inner.counts());
  }
  snapshot(): Promise<GraphSnapshot> {
    return this.call("snapshot", () => this.inner.snapshot());
  }
  importGraph(graph: InterchangeGraph): Promise<ImportResult> {
    return this.call("importGraph", () => this.inner.importGraph(graph));
  }
  exportGraph(): Promise<InterchangeGraph> {
    return this.call("exportGraph", () => this.inner.exportGraph());
  }
  health(): Promise<StoreHealth> {
    return this.call("health", () => this.inner.health());
  }
  close(): Promise<void> {
    return this.call("close", () => this.inner.close());
  }
}

export interface ReliabilityServer {
  readonly url: string;
  readonly store: CountingStore;
  readonly app: RunningApp;
  stop(): Promise<void>;
}

/** The real app (embedded store in a temp dir, real HTTP on a free port) over a CountingStore. */
export async function startCountingServer(env: Record<string, string> = {}, seedFile: string = SAMPLE_GRAPH): Promise<ReliabilityServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chokepoint-rel-"));
  const config = readConfig({ PORT: "0", CHOKEPOINT_DATA_DIR: dir, CHOKEPOINT_SEED_FILE: seedFile, CHOKEPOINT_EDITOR_TOKENS: EDITOR_TOKEN, ...env });
  const store = new CountingStore(await openStore(config));
  const app = await startApp(config, store);
  return {
    url: app.url,
    store,
    app,
    async stop() {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TimedResponse {
  readonly status: number;
  readonly text: string;
  readonly contentType: string;
  readonly ms: number;
  /** The parsed body when it is JSON. */
  readonly json: unknown;
}

/** One request with its wall time; a request that takes longer than `timeoutMs` fails the test
 *  (liveness, not a performance assertion). */
export async function timedFetch(url: string, init: RequestInit = {}, timeoutMs = 15_000): Promise<TimedResponse> {
  const t0 = performance.now();
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  const ms = performance.now() - t0;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, contentType: res.headers.get("content-type") ?? "", ms, json };
}

/** The first error code of a GraphQL (or guard) error response. */
export function firstCode(body: unknown): string | undefined {
  const errors = (body as { errors?: { extensions?: { code?: unknown } }[] } | undefined)?.errors;
  const code = Array.isArray(errors) ? errors[0]?.extensions?.code : undefined;
  return typeof code === "string" ? code : undefined;
}

/** Every error code in a response. */
export function allCodes(body: unknown): string[] {
  const errors = (body as { errors?: { extensions?: { code?: unknown } }[] } | undefined)?.errors;
  return Array.isArray(errors) ? errors.map((e) => (typeof e.extensions?.code === "string" ? e.extensions.code : "<none>")) : [];
}

/** Text that must never reach a client: stack frames, file paths, driver and internal detail. */
const LEAKS: readonly [string, RegExp][] = [
  ["stack frame", /\bat [\w.<>$]+ \(|\n\s+at /],
  ["stacktrace field", /"stacktrace"/],
  ["repository path", /\/work\/|\/tmp\/chokepoint/],
  ["node_modules path", /node_modules/],
  ["source location", /\.[jt]s:\d+/],
  ["driver text", /Neo4jError|ServiceUnavailable|ECONNREFUSED|ECONNRESET|EPIPE|bolt:\/\//],
  ["Cypher", /\bMATCH \(|\bMERGE \(/],
  ["JS error class", /\b(TypeError|ReferenceError|RangeError|SyntaxError: Unexpected)/],
];

/** Names the first kind of leak found in a response body, or undefined. Text the caller sent
 *  (`sent`) may come back in an error message about it, so a pattern it also matches is skipped. */
export function leakIn(text: string, sent = ""): string | undefined {
  for (const [name, re] of LEAKS) if (re.test(text) && !re.test(sent)) return name;
  return undefined;
}

/** Open file descriptors of this process (Linux). */
export function openFds(): number {
  return readdirSync("/proc/self/fd").length;
}
