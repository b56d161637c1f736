import type { IdTable } from "./id-table";
import { sameBytes } from "./json-bytes";
import { EDGE_FROM_KIND_BITS, EDGE_TO_KIND_BITS } from "./kinds";
import { longLivedInt32 } from "./long-lived-arrays";
import type { NodeIndex } from "./node-index";
import type { ScannedEdges } from "./scan-edges";

/**
 * The second half of reading edges from bytes (scan-edges.ts has the first): each endpoint becomes
 * its node's position, by the id table of the validated nodes. Undefined when an endpoint is no
 * node's id (validation of the whole document then reports it).
 */
export function resolveEndpoints(b: Uint8Array, table: IdTable, scanned: ScannedEdges): { from: Int32Array; to: Int32Array } | undefined {
  const m = scanned.count;
  const from = longLivedInt32(m);
  const to = longLivedInt32(m);
  if (!resolveIds(b, table, scanned.fromStart, scanned.fromLength, from) || !resolveIds(b, table, scanned.toStart, scanned.toLength, to)) return undefined;
  return { from, to };
}

/** Whether every edge goes from and to nodes of kinds its kind allows. */
export function endpointKindsFit(index: NodeIndex, kind: Uint8Array, from: Int32Array, to: Int32Array): boolean {
  for (let i = 0; i < kind.length; i++) {
    const k = kind[i]!;
    if ((EDGE_FROM_KIND_BITS[k]! & (1 << index.kindCodeAt(from[i]!))) === 0 || (EDGE_TO_KIND_BITS[k]! & (1 << index.kindCodeAt(to[i]!))) === 0) return false;
  }
  return true;
}

/** Numbers the ids at bytes `start[i] … start[i] + length[i] - 1` into `out`; false when one is no
 *  id of the table. */
function resolveIds(b: Uint8Array, table: IdTable, start: Int32Array, length: Uint8Array, out: Int32Array): boolean {
  const m = start.length;
  for (let i = 0; i < m; i++) {
    const s = start[i]!;
    const n = length[i]!;
    // Files list a node's edges together: the same id as the edge before is a short comparison.
    if (i > 0 && length[i - 1] === n && sameBytes(b, s, start[i - 1]!, n)) out[i] = out[i - 1]!;
    else {
      const p = table.getAscii(b, s, s + n);
      if (p === undefined) return false;
      out[i] = p;
    }
  }
  return true;
}
