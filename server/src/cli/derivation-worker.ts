/**
 * Worker-thread entry of `deriveInParallel`: builds, from the typed arrays of a compact graph, the
 * derived structures that need nothing else (the stated-only dominance, the articulation points
 * and every product's coverage) and posts them back. Long-lived arrays are shared memory, so the
 * graph and the dominance are not copied.
 */
import { parentPort, workerData } from "node:worker_threads";
import { articulationPointIndices, buildDominance, productCoverage, type GraphArrays } from "../analysis";
import type { WorkerRequest, WorkerResult } from "./parallel-derivations";

const { arrays, statedDominance } = workerData as WorkerRequest;
const result: WorkerResult = {
  statedDominance: statedDominance ? buildDominance(arrays satisfies GraphArrays, true) : undefined,
  articulation: articulationPointIndices(arrays),
  coverage: productCoverage(arrays),
};
parentPort!.postMessage(result);
