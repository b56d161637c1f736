import { graphColumns, type GraphColumns, type GraphEdge, type GraphNode, type SourceDocument } from "@chokepoint/graph-schema";
import type { GraphSnapshot } from "../../domain/graph-store";
import type { QueryTx } from "./executor";
import { allDocuments, allEdges, allNodes } from "./cypher/reads";
import { readVersion } from "./cypher/version";
import { documentFromRecord, edgeFromRecord, nodeFromRecord, toNumber } from "./mapping/to-domain";
import { deepFreeze } from "./mapping/freeze";

/** Ordering of the interchange format and the port: edges by (from, kind, to), by code unit. */
export function compareEdges(a: GraphEdge, b: GraphEdge): number {
  if (a.from !== b.from) return a.from < b.from ? -1 : 1;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  if (a.to !== b.to) return a.to < b.to ? -1 : 1;
  return 0;
}

export async function readGraphVersion(tx: QueryTx): Promise<number> {
  const [record] = await tx.run(readVersion());
  // No meta node yet means nothing was ever written: version 0.
  return record === undefined ? 0 : (toNumber(record.get("version")) ?? 0);
}

export interface SnapshotRead {
  readonly snapshot: GraphSnapshot;
  /** False when a write committed during the read: Neo4j reads are read-committed, so the
   *  content may then mix versions and must not be cached under the version read first. */
  readonly consistent: boolean;
}

/**
 * The whole graph, streamed row by row into domain objects, with the version read before and
 * after. Frozen: one snapshot is shared by every reader of that version.
 */
export async function readSnapshot(tx: QueryTx): Promise<SnapshotRead> {
  const version = await readGraphVersion(tx);
  const documents: SourceDocument[] = [];
  for await (const r of tx.stream(allDocuments())) documents.push(documentFromRecord(r));
  const nodes: GraphNode[] = [];
  for await (const r of tx.stream(allNodes())) nodes.push(nodeFromRecord(r));
  const edges: GraphEdge[] = [];
  for await (const r of tx.stream(allEdges())) edges.push(edgeFromRecord(r));
  edges.sort(compareEdges);
  const consistent = (await readGraphVersion(tx)) === version;
  return { snapshot: frozenSnapshot(version, documents, nodes, edges), consistent };
}

/**
 * The snapshot, with its columns (every edge's endpoints as node positions) made on first use, as
 * the embedded store's are: the analysis then builds its CSR from typed arrays and hashes no id,
 * and an import, which also takes a snapshot, never pays for them. The endpoint ids are hashed
 * here, once per data version, since Neo4j hands out no stable node numbers; edges listed by
 * source let most sources be found next to the previous one. Not `checked`: Cypher run outside
 * Chokepoint may have written what validation rejects, so the engine checks every edge again.
 */
function frozenSnapshot(version: number, documents: SourceDocument[], nodes: GraphNode[], edges: GraphEdge[]): GraphSnapshot {
  let columns: GraphColumns | undefined | null = null;
  // Not deepFreeze of the whole: it would read (and so build) the columns.
  return Object.freeze({
    version,
    documents: deepFreeze(documents),
    nodes: deepFreeze(nodes),
    edges: deepFreeze(edges),
    get columns(): GraphColumns | undefined {
      // Undefined when an id repeats or an endpoint is no node: the engine then hashes the lists
      // and reports what it cannot use.
      if (columns === null) columns = graphColumns(nodes, edges);
      return columns;
    },
  });
}
