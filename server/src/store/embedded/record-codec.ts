import { crc32 } from "node:zlib";

/**
 * Framing shared by the change log and the snapshot file. A record is
 *
 *   [0,4)   payload length, uint32 LE
 *   [4,8)   CRC-32 of bytes [0,4) and [8, 16 + length), uint32 LE
 *   [8,16)  sequence number, uint64 LE (as two uint32 halves; values stay below 2^53)
 *   [16, …) payload
 *
 * The checksum covers the length and the sequence number too, so a torn or damaged header is
 * caught like a damaged payload.
 */
export const RECORD_HEADER_BYTES = 16;
/** Far above any record we write (parts are a few MB); a larger length field is damage. */
export const MAX_RECORD_PAYLOAD_BYTES = 1 << 30;
const TWO_32 = 2 ** 32;

export function encodeRecord(seq: number, payload: Buffer): Buffer {
  if (!Number.isSafeInteger(seq) || seq < 0) throw new RangeError(`record sequence ${seq} is not a safe non-negative integer`);
  if (payload.length > MAX_RECORD_PAYLOAD_BYTES) throw new RangeError(`record payload of ${payload.length} bytes exceeds the maximum`);
  const out = Buffer.allocUnsafe(RECORD_HEADER_BYTES + payload.length);
  out.writeUInt32LE(payload.length, 0);
  out.writeUInt32LE(seq % TWO_32, 8);
  out.writeUInt32LE(Math.floor(seq / TWO_32), 12);
  payload.copy(out, RECORD_HEADER_BYTES);
  out.writeUInt32LE(checksum(out, 0, payload.length), 4);
  return out;
}

export type DecodedRecord =
  | { readonly ok: true; readonly seq: number; readonly payload: Buffer; readonly end: number }
  | { readonly ok: false; readonly reason: "truncated header" | "truncated payload" | "implausible length" | "checksum mismatch" };

export function decodeRecordAt(buf: Buffer, offset: number): DecodedRecord {
  if (buf.length - offset < RECORD_HEADER_BYTES) return { ok: false, reason: "truncated header" };
  const length = buf.readUInt32LE(offset);
  if (length > MAX_RECORD_PAYLOAD_BYTES) return { ok: false, reason: "implausible length" };
  const end = offset + RECORD_HEADER_BYTES + length;
  if (end > buf.length) return { ok: false, reason: "truncated payload" };
  if (checksum(buf, offset, length) !== buf.readUInt32LE(offset + 4)) return { ok: false, reason: "checksum mismatch" };
  const seq = buf.readUInt32LE(offset + 12) * TWO_32 + buf.readUInt32LE(offset + 8);
  return { ok: true, seq, payload: buf.subarray(offset + RECORD_HEADER_BYTES, end), end };
}

/** Offset of the first intact record at or after `from` whose sequence number lies in
 *  [minSeq, maxSeq], if any. Used after a bad record to tell a torn tail (nothing intact follows)
 *  from damage in the middle of the file (acknowledged records follow and must not be dropped).
 *  The sequence window makes a false match on random bytes vanishingly unlikely. */
export function findIntactRecord(buf: Buffer, from: number, minSeq: number, maxSeq: number): number | undefined {
  for (let at = from; at + RECORD_HEADER_BYTES <= buf.length; at++) {
    const seq = buf.readUInt32LE(at + 12) * TWO_32 + buf.readUInt32LE(at + 8);
    if (seq < minSeq || seq > maxSeq) continue;
    const r = decodeRecordAt(buf, at);
    if (r.ok) return at;
  }
  return undefined;
}

function checksum(buf: Buffer, offset: number, length: number): number {
  const head = crc32(buf.subarray(offset, offset + 4));
  return crc32(buf.subarray(offset + 8, offset + RECORD_HEADER_BYTES + length), head);
}
