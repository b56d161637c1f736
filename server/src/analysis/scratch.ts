/**
 * Reusable buffers for temporaries that never leave the call that fills them (edge endpoint
 * arrays, degree counters, BFS queues). Why: V8 counts every new ArrayBuffer against its
 * external-memory limit and starts a full mark-compact after roughly 64–100 MB of fresh backing
 * stores; with a 10^6-node snapshot alive, one such collection costs more than the computation
 * that triggered it. Reusing temporaries keeps the new allocation of a rebuild down to the arrays
 * it returns. Both those arrays and these buffers (which live as long as the process) are
 * long-lived arrays (graph-schema's long-lived-arrays.ts). Each use site has its own name, so two
 * temporaries alive at once never share a buffer; a buffer only grows (to the largest graph
 * seen), and is handed out zero-filled on request.
 */
import { longLivedFloat64, longLivedInt32, longLivedUint32, longLivedUint8 } from "@chokepoint/graph-schema";

const int32 = new Map<string, Int32Array>();
const uint8 = new Map<string, Uint8Array>();
const uint32 = new Map<string, Uint32Array>();
const float64 = new Map<string, Float64Array>();

function take<T extends Int32Array | Uint8Array | Uint32Array | Float64Array>(pool: Map<string, T>, name: string, length: number, make: (n: number) => T, zeroed: boolean): T {
  let buffer = pool.get(name);
  if (buffer === undefined || buffer.length < length) {
    // Grow with headroom so a slowly growing graph does not reallocate on every data version.
    buffer = make(Math.max(length, Math.ceil((buffer?.length ?? 0) * 1.5)));
    pool.set(name, buffer);
    return buffer.subarray(0, length) as T;
  }
  const view = buffer.subarray(0, length) as T;
  if (zeroed) view.fill(0);
  return view;
}

/** A scratch Int32Array of `length` (contents undefined unless `zeroed`). */
export function scratchInt32(name: string, length: number, zeroed = false): Int32Array {
  return take(int32, name, length, (n) => longLivedInt32(n), zeroed);
}

/** A scratch Uint8Array of `length` (contents undefined unless `zeroed`). */
export function scratchUint8(name: string, length: number, zeroed = false): Uint8Array {
  return take(uint8, name, length, (n) => longLivedUint8(n), zeroed);
}

/** A scratch Uint32Array of `length` (contents undefined unless `zeroed`). */
export function scratchUint32(name: string, length: number, zeroed = false): Uint32Array {
  return take(uint32, name, length, (n) => longLivedUint32(n), zeroed);
}

/** A scratch Float64Array of `length` (contents undefined unless `zeroed`). */
export function scratchFloat64(name: string, length: number, zeroed = false): Float64Array {
  return take(float64, name, length, (n) => longLivedFloat64(n), zeroed);
}
