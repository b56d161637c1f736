import { ChokepointError, edgeKey, isEdgeKind, isNodeKind, type EdgeKind, type GraphEdge, type GraphNode, type NodeKind, type SourceDocument } from "@chokepoint/graph-schema";
import type { CypherRecord } from "./driver-port";
import type { QueryTx } from "./executor";
import { chunk, type Statement } from "./cypher/statement";
import { documentsById, edgesByKey, incidentEdges, nodesById } from "./cypher/reads";
import { deleteEdges, deleteNodes, detachEdges, upsertDocuments, upsertEdges, upsertNodes } from "./cypher/writes";
import { finishWrite, lockGraph } from "./cypher/version";
import { documentFromRecord, edgeFromRecord, integerField, nodeFromRecord } from "./mapping/to-domain";
import { documentProps, edgeRow, nodeProps } from "./mapping/to-props";
import {
  changesData,
  kindChangedIds,
  planChanges,
  referencedEdgeKeys,
  referencedNodeIds,
  type ChangePlan,
  type IncidentEdge,
  type StoredState,
} from "./change-plan";
import type { PreparedBatch } from "./prepare-batch";

/**
 * The body of one write transaction (`apply` and `importGraph`): lock the graph, read what the
 * batch touches, plan and validate, write the difference in batches, bump the version if anything
 * changed. Throwing anywhere rolls the whole transaction back. The driver may re-run this function
 * after a transient fault, so it keeps no state outside its own call.
 */

export interface WriteOutcome {
  readonly version: number;
  readonly plan: ChangePlan;
  /** Explicitly deleted edges plus those removed with their nodes. */
  readonly edgesDeleted: number;
}

async function runAll(tx: QueryTx, statements: readonly Statement[]): Promise<CypherRecord[]> {
  const out: CypherRecord[] = [];
  for (const s of statements) out.push(...(await tx.run(s)));
  return out;
}

function byKind<K extends string, T>(items: readonly T[], kindOf: (t: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = kindOf(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function incidentFromRecord(r: CypherRecord): IncidentEdge {
  const from = r.get("fromId");
  const kind = r.get("kind");
  const to = r.get("toId");
  const fromKind = r.get("fromKind");
  const toKind = r.get("toKind");
  if (typeof from !== "string" || typeof to !== "string" || !isEdgeKind(kind) || !isNodeKind(fromKind) || !isNodeKind(toKind)) {
    throw new ChokepointError("STORE_CORRUPT", "the Neo4j database holds a relationship that is not in Chokepoint's format");
  }
  return { from, kind, to, fromKind, toKind };
}

async function readStoredState(tx: QueryTx, batch: PreparedBatch): Promise<StoredState> {
  const nodes = new Map<string, GraphNode>();
  for (const r of await runAll(tx, chunk(referencedNodeIds(batch)).map(nodesById))) {
    const n = nodeFromRecord(r);
    nodes.set(n.id, n);
  }
  const incident = (await runAll(tx, chunk(kindChangedIds(batch, nodes)).map(incidentEdges))).map(incidentFromRecord);
  const edges = new Map<string, GraphEdge>();
  for (const r of await runAll(tx, chunk(referencedEdgeKeys(batch)).map(edgesByKey))) {
    const e = edgeFromRecord(r);
    edges.set(edgeKey(e), e);
  }
  const documents = new Map<string, SourceDocument>();
  for (const r of await runAll(tx, chunk(batch.upsertDocuments.map((d) => d.id)).map(documentsById))) {
    const d = documentFromRecord(r);
    documents.set(d.id, d);
  }
  return { nodes, edges, documents, incident };
}

async function sumCounts(tx: QueryTx, statements: readonly Statement[]): Promise<number> {
  let total = 0;
  for (const r of await runAll(tx, statements)) total += integerField(r, "count");
  return total;
}

/** Runs statements whose `count` must add up to `expected`; a shortfall means a row found no
 *  match (an endpoint deleted behind the lock's back), and the transaction must not commit. */
async function runCounted(tx: QueryTx, statements: readonly Statement[], expected: number): Promise<void> {
  if ((await sumCounts(tx, statements)) !== expected) throw new ChokepointError("STORE_ERROR", "the graph changed while the write was being applied; nothing was written, try again");
}

/** Returns the number of edges deleted, explicitly or with their nodes. */
async function writePlan(tx: QueryTx, plan: ChangePlan): Promise<number> {
  for (const [kind, refs] of byKind<EdgeKind, ChangePlan["deleteEdges"][number]>(plan.deleteEdges, (e) => e.kind)) {
    await runAll(tx, chunk(refs).map((rows) => deleteEdges(kind, rows)));
  }
  const detached = await sumCounts(tx, chunk(plan.deleteNodes).map(detachEdges));
  await runAll(tx, chunk(plan.deleteNodes).map(deleteNodes));
  await runAll(tx, chunk(plan.upsertDocuments.map(documentProps)).map(upsertDocuments));
  for (const [kind, nodes] of byKind<NodeKind, GraphNode>(plan.upsertNodes, (n) => n.kind)) {
    await runAll(tx, chunk(nodes.map(nodeProps)).map((rows) => upsertNodes(kind, rows)));
  }
  for (const [kind, edges] of byKind<EdgeKind, GraphEdge>(plan.upsertEdges, (e) => e.kind)) {
    await runCounted(tx, chunk(edges.map(edgeRow)).map((rows) => upsertEdges(kind, rows)), edges.length);
  }
  return plan.deleteEdges.length + detached;
}

export async function writeBatch(tx: QueryTx, batch: PreparedBatch): Promise<WriteOutcome> {
  await tx.run(lockGraph());
  const stored = await readStoredState(tx, batch);
  const { plan, problems } = planChanges(batch, stored);
  if (!plan) throw new ChokepointError("VALIDATION_FAILED", "the change is not valid; nothing was written", { problems });
  const edgesDeleted = await writePlan(tx, plan);
  const [record] = await tx.run(finishWrite(changesData(plan)));
  if (!record) throw new ChokepointError("STORE_ERROR", "the Neo4j database lost the graph version during the write; nothing was written");
  return { version: integerField(record, "version"), plan, edgesDeleted };
}
