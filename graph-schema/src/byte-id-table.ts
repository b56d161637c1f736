import { asciiIs, type IdTable } from "./id-table";
import { sameBytes } from "./json-bytes";
import { longLivedInt32 } from "./long-lived-arrays";
import type { ScannedEdges } from "./scan-edges";
import type { NodeIdRanges } from "./scan-node-ids";

const EMPTY = -1;
/** Ints per slot: position, hash, where the id starts, its length. Keeping the id's place in the
 *  slot makes a lookup two cache misses (the slot, the id's bytes) instead of three or four. */
const SLOT = 4;

/**
 * Node ids as byte ranges of a file (scan-node-ids.ts), numbered by their place in the nodes array,
 * in an open-addressing table: edge endpoints, also byte ranges, are resolved against it without a
 * single string. This is what lets the thread that scans the edges also resolve them, while another
 * thread parses the nodes.
 */
export class ByteIdTable {
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** undefined when an id occurs twice (positions would then not be the validated nodes'). */
  static of(b: Uint8Array, ids: NodeIdRanges): ByteIdTable | undefined {
    const table = new ByteIdTable(b, ids.count);
    for (let p = 0; p < ids.count; p++) if (!table.add(p, ids.start[p]!, ids.length[p]!)) return undefined;
    return table;
  }

  private constructor(
    private readonly b: Uint8Array,
    capacity: number,
  ) {
    let size = 16;
    while (size < 2 * capacity) size *= 2;
    this.slots = longLivedInt32(SLOT * size).fill(EMPTY);
    this.mask = size - 1;
  }

  private add(p: number, start: number, length: number): boolean {
    const h = hashBytes(this.b, start, length);
    const slots = this.slots;
    let k = h & this.mask;
    for (; slots[SLOT * k] !== EMPTY; k = (k + 1) & this.mask) {
      if (slots[SLOT * k + 1] === h && slots[SLOT * k + 3] === length && sameBytes(this.b, slots[SLOT * k + 2]!, start, length)) return false;
    }
    slots[SLOT * k] = p;
    slots[SLOT * k + 1] = h;
    slots[SLOT * k + 2] = start;
    slots[SLOT * k + 3] = length;
    return true;
  }

  /** The position of the id that is bytes `start … start + length - 1`, or EMPTY. */
  find(start: number, length: number): number {
    const b = this.b;
    const h = hashBytes(b, start, length);
    const slots = this.slots;
    for (let k = h & this.mask; slots[SLOT * k] !== EMPTY; k = (k + 1) & this.mask) {
      if (slots[SLOT * k + 1] === h && slots[SLOT * k + 3] === length && sameBytes(b, slots[SLOT * k + 2]!, start, length)) return slots[SLOT * k]!;
    }
    return EMPTY;
  }

  /** Both ends of every scanned edge as positions; undefined when an end is no node's id. */
  resolve(scanned: ScannedEdges): { from: Int32Array; to: Int32Array } | undefined {
    const from = this.positions(scanned.fromStart, scanned.fromLength);
    const to = from && this.positions(scanned.toStart, scanned.toLength);
    return to && { from: from, to };
  }

  private positions(start: Int32Array, length: Uint8Array): Int32Array | undefined {
    const m = start.length;
    const out = longLivedInt32(m);
    const b = this.b;
    for (let i = 0; i < m; i++) {
      const s = start[i]!;
      const n = length[i]!;
      // Files list a node's edges together: the same id as the edge before is a short comparison.
      if (i > 0 && length[i - 1] === n && sameBytes(b, s, start[i - 1]!, n)) out[i] = out[i - 1]!;
      else if ((out[i] = this.find(s, n)) === EMPTY) return undefined;
    }
    return out;
  }
}

/** Whether the ids at `ids` are exactly the ids of `table`, number for number. */
export function sameIdsAs(b: Uint8Array, ids: NodeIdRanges, table: IdTable): boolean {
  if (ids.count !== table.size) return false;
  for (let p = 0; p < ids.count; p++) {
    const s = ids.start[p]!;
    if (!asciiIs(table.idAt(p), b, s, s + ids.length[p]!)) return false;
  }
  return true;
}

function hashBytes(b: Uint8Array, start: number, length: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < start + length; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h ^ (h >>> 16);
}
