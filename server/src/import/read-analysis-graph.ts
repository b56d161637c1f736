/**
 * Reading a graph file for analysis (`analyze --graph FILE`, `scenario --graph FILE`): validated as
 * every graph file is, but with the edges read straight from the file's bytes into columns when the
 * file is in plain form (graph-schema `readGraphColumns`), and that scan run on a worker thread
 * while this thread parses and validates the nodes. A file the fast path does not take (anything
 * unusual, and every invalid file) is parsed and validated in full, which reports every problem; the
 * graph is the same either way.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import {
  ChokepointError,
  edgesSpan,
  joinGraph,
  readGraphHead,
  scanEdges,
  type EdgesSpan,
  type GraphColumns,
  type GraphEdge,
  type GraphFileColumns,
  type GraphNode,
  type ScannedEdges,
} from "@chokepoint/graph-schema";
import { validateGraphBytes } from "./read-interchange-file";

/** A graph file as the analysis reads it: validated, with its edges as columns. */
export type AnalysisGraph = GraphFileColumns | { readonly nodes: readonly GraphNode[]; readonly edges: readonly GraphEdge[]; readonly columns: GraphColumns };

/** What the scan worker is given: the file's bytes (shared memory) and where its edges are. */
export interface EdgeScanRequest {
  readonly bytes: Uint8Array;
  readonly span: EdgesSpan;
}

/** Below this many bytes of edges, scanning them takes less than starting a worker (tens of ms). */
export const MIN_PARALLEL_EDGE_BYTES = 8 << 20;

/** The compiled worker script, next to this module's compiled form. */
const WORKER_SCRIPT = path.join(__dirname, "edge-scan-worker.js");

/** `mark` is called after reading the bytes ("read") and after validating ("validate"). */
export async function readAnalysisGraph(file: string, mark?: (phase: string) => void, minParallelBytes = MIN_PARALLEL_EDGE_BYTES): Promise<AnalysisGraph> {
  const bytes = readShared(file);
  mark?.("read");
  const span = edgesSpan(bytes);
  let graph: AnalysisGraph | undefined;
  if (span !== undefined) {
    const scanning = span.end - span.start >= minParallelBytes ? scanOnWorker(bytes, span) : undefined;
    const head = readGraphHead(bytes, span);
    // A worker that could not run (no compiled script, or a failure) leaves the scan to this thread.
    const scanned = (await scanning) ?? (head && scanEdges(bytes, span));
    graph = head && scanned && joinGraph(bytes, head, scanned);
  }
  graph ??= fullyValidated(bytes, file);
  mark?.("validate");
  return graph;
}

function fullyValidated(bytes: Uint8Array, file: string): AnalysisGraph {
  const { graph, columns } = validateGraphBytes(bytes, file);
  return { nodes: graph.nodes, edges: graph.edges, columns };
}

/** The scan of the edges on a worker thread: its result, or undefined when the edges are not plain
 *  or no worker could do it. */
function scanOnWorker(bytes: Uint8Array, span: EdgesSpan): Promise<ScannedEdges | undefined> | undefined {
  if (!existsSync(WORKER_SCRIPT)) return undefined;
  const request: EdgeScanRequest = { bytes, span };
  const worker = new Worker(WORKER_SCRIPT, { workerData: request });
  return new Promise<ScannedEdges | undefined>((resolve) => {
    worker.once("message", (scanned: ScannedEdges | null) => resolve(scanned ?? undefined));
    worker.once("error", () => resolve(undefined));
    worker.once("exit", () => resolve(undefined));
  }).finally(() => void worker.terminate());
}

/** The file's bytes in shared memory, which a worker reads without a copy (NOT_FOUND). */
function readShared(file: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    throw new ChokepointError("NOT_FOUND", `cannot read ${file}`);
  }
  try {
    const size = fstatSync(fd).size;
    const bytes = new Uint8Array(new SharedArrayBuffer(size));
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read);
  } catch {
    throw new ChokepointError("NOT_FOUND", `cannot read ${file}`);
  } finally {
    closeSync(fd);
  }
}
