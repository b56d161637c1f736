/**
 * Typed arrays for data that lives as long as a graph (adjacency, indexes, analysis results) or as
 * long as the process (scratch buffers).
 *
 * Why not plain `new Int32Array(n)`: V8 counts every new non-shared ArrayBuffer towards its
 * external-memory limit and, after roughly 64–100 MB of them, starts a full mark-compact of the
 * whole heap to find buffers it could free. With a 10^6-node graph alive that collection costs
 * 0.5–1 s and frees nothing, because these arrays are not garbage. Buffers over a
 * SharedArrayBuffer are not counted that way (V8 leaves shared memory out of its per-isolate
 * accounting), so they are used here; element access costs the same.
 *
 * The price is that V8 no longer sees this memory when it decides when to collect, so arrays of
 * retired graphs could pile up between collections. A FinalizationRegistry keeps the running total
 * of uncollected shared bytes; above UNCOUNTED_LIMIT, arrays are allocated the ordinary way again,
 * which lets V8's own accounting start the collection that frees the retired ones.
 * Small arrays and runtimes without SharedArrayBuffer (browsers without cross-origin isolation)
 * always get ordinary arrays.
 */

/** Below this size an ordinary ArrayBuffer is used (its accounting is negligible). */
const SHARED_FROM_BYTES = 64 * 1024;
/** Upper bound on uncollected shared bytes (see above). */
export const UNCOUNTED_LIMIT = 1024 * 1024 * 1024;

let uncounted = 0;
const shared = typeof SharedArrayBuffer === "function" && typeof FinalizationRegistry === "function";
const registry = shared ? new FinalizationRegistry<number>((bytes) => (uncounted -= bytes)) : undefined;

function buffer(bytes: number): ArrayBufferLike {
  if (!shared || bytes < SHARED_FROM_BYTES || uncounted + bytes > UNCOUNTED_LIMIT) return new ArrayBuffer(bytes);
  const b = new SharedArrayBuffer(bytes);
  registry!.register(b, bytes);
  uncounted += bytes;
  return b;
}

/** Bytes in long-lived shared buffers not yet collected (for the benchmark's memory report). */
export function uncountedBytes(): number {
  return uncounted;
}

/** A zero-filled Int32Array of `length`. */
export function longLivedInt32(length: number): Int32Array {
  return new Int32Array(buffer(4 * length));
}

/** A zero-filled Uint8Array of `length`. */
export function longLivedUint8(length: number): Uint8Array {
  return new Uint8Array(buffer(length));
}

/** A zero-filled Uint32Array of `length`. */
export function longLivedUint32(length: number): Uint32Array {
  return new Uint32Array(buffer(4 * length));
}

/** A zero-filled Float64Array of `length`. */
export function longLivedFloat64(length: number): Float64Array {
  return new Float64Array(buffer(8 * length));
}

/** A long-lived copy of `a[start, end)` (`slice` would give an ordinary array). */
export function longLivedSlice(a: Int32Array, start: number, end: number): Int32Array {
  const copy = longLivedInt32(end - start);
  copy.set(a.subarray(start, end));
  return copy;
}
