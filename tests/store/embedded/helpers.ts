import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { EdgeKind, GraphColumns, GraphEdge, GraphNode, NodeKind } from "@chokepoint/graph-schema";
import type { ChangeBatch, GraphStore } from "../../../server/src/domain/graph-store";
import { edgeSortKey } from "../../../server/src/store/embedded/edge-sort-key";
import type { StoreLogger } from "../../../server/src/store/embedded";

export const EVIDENCE = [{ note: "reliability test" }];

export function node(id: string, kind: NodeKind = "Component", extra: Partial<GraphNode> = {}): GraphNode {
  return { id, kind, name: { en: id }, aliases: [], flags: [], attrs: {}, confidence: "stated", evidence: EVIDENCE, ...extra };
}

export function edge(from: string, to: string, kind: EdgeKind = "REQUIRES", extra: Partial<GraphEdge> = {}): GraphEdge {
  return { from, to, kind, confidence: "stated", evidence: EVIDENCE, ...extra };
}

/** A logger that keeps what the store reports, so tests can assert that recovery said what it
 *  dropped without printing to the test output. */
export function recordingLogger(): StoreLogger & { warnings: string[]; infos: string[] } {
  const warnings: string[] = [];
  const infos: string[] = [];
  return { warnings, infos, warn: (m) => void warnings.push(m), info: (m) => void infos.push(m) };
}

export async function tempDir(prefix: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `chokepoint-${prefix}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The reference semantics of a `ChangeBatch` (delete edges, delete nodes with their edges,
 *  upsert nodes, upsert edges) over plain maps: the oracle the store is compared with. */
export class GraphModel {
  readonly nodes = new Map<string, GraphNode>();
  readonly edges = new Map<string, GraphEdge>();

  apply(batch: ChangeBatch): void {
    for (const ref of batch.deleteEdges ?? []) this.edges.delete(edgeSortKey(ref));
    for (const id of batch.deleteNodes ?? []) {
      if (!this.nodes.delete(id)) continue;
      for (const [k, e] of this.edges) if (e.from === id || e.to === id) this.edges.delete(k);
    }
    for (const n of batch.upsertNodes ?? []) this.nodes.set(n.id, n);
    for (const e of batch.upsertEdges ?? []) this.edges.set(edgeSortKey(e), e);
  }

  clone(): GraphModel {
    const m = new GraphModel();
    for (const [k, v] of this.nodes) m.nodes.set(k, v);
    for (const [k, v] of this.edges) m.edges.set(k, v);
    return m;
  }

  /** Nodes by id and edges by (from, kind, to): the order `exportGraph` promises. */
  sorted(): { nodes: GraphNode[]; edges: GraphEdge[] } {
    const nodeIds = [...this.nodes.keys()].sort();
    const edgeKeys = [...this.edges.keys()].sort();
    return { nodes: nodeIds.map((id) => this.nodes.get(id)!), edges: edgeKeys.map((k) => this.edges.get(k)!) };
  }
}

export async function contentOf(store: GraphStore): Promise<{ nodes: readonly GraphNode[]; edges: readonly GraphEdge[] }> {
  const g = await store.exportGraph();
  return { nodes: g.nodes, edges: g.edges };
}

export const REPO = resolve(__dirname, "../../..");
export const DIST_STORE = join(REPO, "server/dist/store/embedded/index.js");

/** Child processes run the compiled store (the test command builds first). A stale build would
 *  test old code, so refuse to run against one. */
export function assertFreshBuild(): void {
  const src = join(REPO, "server/src/store/embedded");
  const dist = join(REPO, "server/dist/store/embedded");
  if (!existsSync(DIST_STORE)) throw new Error(`${DIST_STORE} is missing: run \`npm run build\` before these tests`);
  for (const f of readdirSync(src)) {
    if (!f.endsWith(".ts")) continue;
    const built = join(dist, f.replace(/\.ts$/, ".js"));
    if (!existsSync(built) || statSync(built).mtimeMs < statSync(join(src, f)).mtimeMs) {
      throw new Error(`${built} is older than its source: run \`npm run build\` before these tests`);
    }
  }
}

/** Small deterministic PRNG (mulberry32), so kill moments and offsets are reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Graph columns as plain arrays, for comparing the columns of a store snapshot with the columns
 *  made by hashing every endpoint id of its lists. */
export function plainColumns(c: GraphColumns) {
  return {
    ids: c.ids.ids,
    nodeKind: Array.from(c.nodeKind),
    flags: Array.from(c.flags),
    attrs: c.attrs,
    from: Array.from(c.from),
    to: Array.from(c.to),
    kind: Array.from(c.kind),
    stated: Array.from(c.stated),
    group: Array.from(c.group),
    groupNames: c.groupNames,
    shares: c.shares,
  };
}
