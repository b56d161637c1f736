/**
 * Builds the structures an analyze report needs on two threads instead of one. The engine is pure
 * and single-threaded; this is only scheduling: a worker runs the passes that read nothing but the
 * graph's typed arrays (stated-only dominance, then articulation points and product cone coverage)
 * while this thread builds dominance, concentration, single-region flags, then the SPOF sets and
 * risk inputs, and the worker's results are handed to the engine's memos. At 10^6 nodes that takes about a second off
 * `analyze --graph FILE`.
 *
 * The answers cannot differ: the worker runs the same functions on the same arrays. When no worker
 * can run (the CLI run from TypeScript sources, as in unit tests, or a worker that fails), the
 * memos simply build everything on this thread when the report asks.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import {
  allSpofsOf,
  articulationOf,
  coverageOf,
  dominanceOf,
  graphArrays,
  hhiOf,
  riskInputsOf,
  singleRegionOf,
  statedDominanceOf,
  type CompactGraph,
  type Dominance,
  type GraphArrays,
} from "../analysis";

export interface WorkerRequest {
  readonly arrays: GraphArrays;
  /** Whether to build the stated-only dominance (only graphs with non-stated edges need it). */
  readonly statedDominance: boolean;
}

/** The worker's first message. */
export interface StatedResult {
  readonly statedDominance: Dominance | undefined;
}

/** The worker's second message. */
export interface LaterResult {
  readonly articulation: Int32Array;
  readonly coverage: Int32Array;
}

/** Below this many nodes the passes take less than starting a worker does (tens of ms). */
export const MIN_PARALLEL_NODES = 50_000;

/** The compiled worker script, next to this module's compiled form. */
const WORKER_SCRIPT = path.join(__dirname, "derivation-worker.js");

/** Runs the worker's share: its two messages as promises; undefined when there is no compiled
 *  worker to run. */
function startWorker(g: CompactGraph): { stated: Promise<StatedResult>; later: Promise<LaterResult> } | undefined {
  if (!existsSync(WORKER_SCRIPT)) return undefined;
  const request: WorkerRequest = { arrays: graphArrays(g), statedDominance: g.anyUnstated };
  const worker = new Worker(WORKER_SCRIPT, { workerData: request });
  const messages: ((message: unknown) => void)[] = [];
  const failures: ((e: Error) => void)[] = [];
  const next = <T>(): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      messages.push(resolve as (message: unknown) => void);
      failures.push(reject);
    });
  const stated = next<StatedResult>();
  const later = next<LaterResult>();
  // Both promises are awaited one after the other; an early failure must not go unhandled meanwhile.
  later.catch(() => undefined);
  let received = 0;
  worker.on("message", (message: unknown) => {
    messages[received++]?.(message);
    if (received === messages.length) void worker.terminate();
  });
  const fail = (e: Error): void => {
    for (let i = received; i < failures.length; i++) failures[i]!(e);
  };
  worker.once("error", fail);
  worker.once("exit", (code) => fail(new Error(`derivation worker exited with code ${code}`)));
  return { stated, later };
}

/**
 * Builds the structures of `g` an analyze report needs into the engine's memos — dominance and
 * its stated-only twin, the SPOF sets with their non-stated marks, concentration, single-region
 * flags, risk inputs, articulation points and product coverage — using a worker thread when one
 * can run and the graph has at least `minNodes` nodes. Returns whether a worker did its share.
 */
export async function deriveInParallel(g: CompactGraph, minNodes = MIN_PARALLEL_NODES): Promise<boolean> {
  const worker = g.nodeCount >= minNodes ? startWorker(g) : undefined;
  // This thread's share while the worker builds the stated-only dominance.
  dominanceOf(g);
  hhiOf(g);
  singleRegionOf(g);
  if (worker === undefined) return false;
  try {
    const { statedDominance } = await worker.stated;
    if (statedDominance !== undefined) statedDominanceOf.provide(g, statedDominance);
    // While the worker finds articulation points and coverage.
    allSpofsOf(g);
    riskInputsOf(g);
    const { articulation, coverage } = await worker.later;
    articulationOf.provide(g, articulation);
    coverageOf.provide(g, coverage);
    return true;
  } catch {
    // The memos build what the worker did not deliver, on this thread, when the report asks.
    return false;
  }
}
