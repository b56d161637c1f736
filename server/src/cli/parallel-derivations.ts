/**
 * Builds the structures an analyze report needs on two threads instead of one. The engine is pure
 * and single-threaded; this is only scheduling: a worker runs the passes that read nothing but the
 * graph's typed arrays (stated-only dominance, articulation points, product cone coverage) while
 * this thread builds dominance, concentration and single-region flags, and the worker's results
 * are handed to the engine's memos. At 10^6 nodes that takes about a second off
 * `analyze --graph FILE`.
 *
 * The answers cannot differ: the worker runs the same functions on the same arrays. When no worker
 * can run (the CLI run from TypeScript sources, as in unit tests, or a worker that fails), the
 * memos simply build everything on this thread when the report asks.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { articulationOf, coverageOf, dominanceOf, graphArrays, hhiOf, singleRegionOf, statedDominanceOf, type CompactGraph, type Dominance, type GraphArrays } from "../analysis";

export interface WorkerRequest {
  readonly arrays: GraphArrays;
  /** Whether to build the stated-only dominance (only graphs with non-stated edges need it). */
  readonly statedDominance: boolean;
}

export interface WorkerResult {
  readonly statedDominance: Dominance | undefined;
  readonly articulation: Int32Array;
  readonly coverage: Int32Array;
}

/** Below this many nodes the passes take less than starting a worker does (tens of ms). */
export const MIN_PARALLEL_NODES = 50_000;

/** The compiled worker script, next to this module's compiled form. */
const WORKER_SCRIPT = path.join(__dirname, "derivation-worker.js");

/** Runs the worker's share; undefined when there is no compiled worker to run. */
function startWorker(g: CompactGraph): Promise<WorkerResult> | undefined {
  if (!existsSync(WORKER_SCRIPT)) return undefined;
  const request: WorkerRequest = { arrays: graphArrays(g), statedDominance: g.anyUnstated };
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SCRIPT, { workerData: request });
    worker.once("message", (result: WorkerResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`derivation worker exited with code ${code}`)));
  });
}

/**
 * Builds dominance, stated-only dominance, concentration, single-region flags, articulation points
 * and product coverage of `g` into the engine's memos, using a worker thread when one can run and
 * the graph has at least `minNodes` nodes. Returns whether a worker did its share.
 */
export async function deriveInParallel(g: CompactGraph, minNodes = MIN_PARALLEL_NODES): Promise<boolean> {
  const worker = g.nodeCount >= minNodes ? startWorker(g) : undefined;
  // This thread's share: about as long as the worker's at 10^6 nodes.
  dominanceOf(g);
  hhiOf(g);
  singleRegionOf(g);
  if (worker === undefined) return false;
  try {
    const result = await worker;
    if (result.statedDominance !== undefined) statedDominanceOf.provide(g, result.statedDominance);
    articulationOf.provide(g, result.articulation);
    coverageOf.provide(g, result.coverage);
    return true;
  } catch {
    // The memos build what the worker did not deliver, on this thread, when the report asks.
    return false;
  }
}
