/**
 * Worker-thread entry of `deriveInParallel`: builds, from the typed arrays of a compact graph, the
 * derived structures that need nothing else and posts them back in two messages — first the
 * stated-only dominance (the main thread waits on it to mark non-stated verdicts), then the
 * articulation points and every product's coverage. Long-lived arrays are shared memory, so the
 * graph and the dominance are not copied.
 */
import { parentPort, workerData } from "node:worker_threads";
import { articulationPointIndices, buildDominance, productCoverage } from "../analysis";
import type { LaterResult, StatedResult, WorkerRequest } from "./parallel-derivations";

const { arrays, statedDominance } = workerData as WorkerRequest;
const first: StatedResult = { statedDominance: statedDominance ? buildDominance(arrays, true) : undefined };
parentPort!.postMessage(first);
const later: LaterResult = { coverage: productCoverage(arrays), articulation: articulationPointIndices(arrays) };
parentPort!.postMessage(later);
