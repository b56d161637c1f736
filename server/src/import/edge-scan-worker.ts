/**
 * Worker-thread entry of `readAnalysisGraph`: scans a graph file's edges array from the file's
 * bytes (shared memory), resolving endpoints by the node ids read from the same bytes, and posts
 * the scanned edges back, or null when they are not in plain form.
 * The scan's arrays are shared memory too, so nothing large is copied either way.
 */
import { parentPort, workerData } from "node:worker_threads";
import { scanAndResolveEdges } from "@chokepoint/graph-schema";
import type { EdgeScanRequest } from "./read-analysis-graph";

const { bytes, span } = workerData as EdgeScanRequest;
parentPort!.postMessage(scanAndResolveEdges(bytes, span) ?? null);
