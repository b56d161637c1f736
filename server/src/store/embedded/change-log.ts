import { open, readFile, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { ChokepointError } from "@chokepoint/graph-schema";
import { decodeChangePart, encodeChangeParts } from "./change-codec";
import { errnoCode, fsyncDirectory } from "./durable-fs";
import { decodeRecordAt, encodeRecord, findIntactRecord } from "./record-codec";
import type { StoreLogger } from "./store-logger";
import { joinChanges, type StoredChange } from "./stored-change";

export const LOG_FILE = "changes.log";
const MAGIC = Buffer.from("CKPLOG1\n", "latin1");
/** How far from the expected sequence number an intact record may sit and still be recognised
 *  when scanning past damage (see `findIntactRecord`). */
const SEQ_WINDOW = 1 << 20;

export interface RecoveredLog {
  /** Committed writes newer than the snapshot, in order. */
  readonly changes: readonly StoredChange[];
  /** Records and bytes kept in the log, for the snapshot schedule. */
  readonly records: number;
  readonly bytes: number;
}

/**
 * The append-only change log. Every write is one or more records (see record-codec and
 * change-codec), appended and fsynced before the write is applied in memory or acknowledged.
 * Sequence numbers run on across snapshots; after a snapshot the file is cut back to its header,
 * and records at or below the snapshot's sequence number are skipped on recovery, so a crash
 * between writing the snapshot and cutting the log is harmless.
 */
export class ChangeLog {
  private broken = false;

  private constructor(
    private readonly handle: FileHandle,
    private readonly dir: string,
    private size: number,
    private nextSeq: number,
    private readonly partBytes: number,
  ) {}

  /** Opens (or creates) the log and recovers it: every complete, checksum-valid, committed record
   *  after `afterSeq` is returned; a torn or uncommitted tail is cut off so later appends start
   *  clean; damage followed by intact records refuses with STORE_CORRUPT rather than silently
   *  dropping acknowledged writes. */
  static async open(dir: string, options: { afterSeq: number; partBytes: number; logger: StoreLogger }): Promise<{ log: ChangeLog; recovered: RecoveredLog }> {
    const path = join(dir, LOG_FILE);
    let buf: Buffer;
    try {
      buf = await readFile(path);
    } catch (e) {
      if (errnoCode(e) !== "ENOENT") throw unavailable(dir, e);
      buf = Buffer.alloc(0);
    }
    if (buf.length < MAGIC.length) {
      if (!MAGIC.subarray(0, buf.length).equals(buf)) throw corrupt(`${path} is not a Chokepoint change log`);
      return ChangeLog.create(dir, path, options);
    }
    if (!buf.subarray(0, MAGIC.length).equals(MAGIC)) throw corrupt(`${path} is not a Chokepoint change log`);

    const scan = scanLog(buf, options.afterSeq, path);
    let handle: FileHandle | undefined;
    try {
      handle = await open(path, "r+");
      if (scan.validEnd < buf.length) {
        if (scan.dropped) {
          options.logger.warn(
            `recovery dropped ${buf.length - scan.validEnd} bytes at offset ${scan.validEnd} of ${path} (${scan.dropped}): ` +
              "a write interrupted before it was acknowledged, or damage to the last record",
          );
        } else {
          options.logger.info(`recovery cut ${path} back to its header: every record in it is already in the snapshot`);
        }
        await handle.truncate(scan.validEnd);
        await handle.datasync();
      }
    } catch (e) {
      await handle?.close().catch(() => undefined);
      throw unavailable(dir, e);
    }
    const log = new ChangeLog(handle, dir, scan.validEnd, scan.lastSeq + 1, options.partBytes);
    return { log, recovered: { changes: scan.changes, records: scan.records, bytes: scan.validEnd - MAGIC.length } };
  }

  private static async create(dir: string, path: string, options: { afterSeq: number; partBytes: number }): Promise<{ log: ChangeLog; recovered: RecoveredLog }> {
    let handle: FileHandle | undefined;
    try {
      handle = await open(path, "w+");
      await handle.write(MAGIC, 0, MAGIC.length, 0);
      await handle.sync();
      await fsyncDirectory(dir);
      return { log: new ChangeLog(handle, dir, MAGIC.length, options.afterSeq + 1, options.partBytes), recovered: { changes: [], records: 0, bytes: 0 } };
    } catch (e) {
      await handle?.close().catch(() => undefined);
      throw unavailable(dir, e);
    }
  }

  /** Sequence number of the last committed record. */
  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  /** Appends one write durably. On failure the file is cut back to where it was, so the log never
   *  keeps part of a failed write; if even that fails, the log refuses further writes (a restart
   *  recovers it) rather than append after garbage. */
  async append(change: StoredChange): Promise<{ records: number; bytes: number }> {
    if (this.broken) throw writeFailed(this.dir, undefined, "an earlier write could not be rolled back; restart to recover the log");
    const start = this.size;
    try {
      let at = start;
      let records = 0;
      for (const payload of encodeChangeParts(change, this.partBytes)) {
        const r = encodeRecord(this.nextSeq + records, payload);
        let done = 0;
        while (done < r.length) done += (await this.handle.write(r, done, r.length - done, at + done)).bytesWritten;
        at += r.length;
        records++;
      }
      await this.handle.datasync();
      this.size = at;
      this.nextSeq += records;
      return { records, bytes: at - start };
    } catch (e) {
      try {
        await this.handle.truncate(start);
        await this.handle.datasync();
      } catch {
        this.broken = true;
        throw new ChokepointError(
          "STORE_WRITE_FAILED",
          `the write failed (${errnoCode(e) ?? "I/O error"} in ${this.dir}) and could not be rolled back: it may or may not appear after a restart; the store refuses further writes until then`,
          { cause: e },
        );
      }
      throw writeFailed(this.dir, e);
    }
  }

  /** Cuts the log back to its header once a snapshot covers every record in it. */
  async reset(): Promise<void> {
    try {
      await this.handle.truncate(MAGIC.length);
      await this.handle.datasync();
      this.size = MAGIC.length;
    } catch (e) {
      this.size = (await this.handle.stat().catch(() => ({ size: this.size }))).size;
      throw writeFailed(this.dir, e);
    }
  }

  get writable(): boolean {
    return !this.broken;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

interface LogScan {
  readonly changes: StoredChange[];
  readonly lastSeq: number;
  readonly records: number;
  readonly validEnd: number;
  /** Why bytes past `validEnd` are not part of the log, when they hold a torn or uncommitted write. */
  readonly dropped: string | undefined;
}

function scanLog(buf: Buffer, afterSeq: number, path: string): LogScan {
  const changes: StoredChange[] = [];
  let pos = MAGIC.length;
  let prevSeq: number | undefined;
  let lastSeq = afterSeq;
  let records = 0;
  let pending: { start: number; parts: StoredChange[] } | undefined;
  let dropped: string | undefined;
  while (pos < buf.length) {
    const r = decodeRecordAt(buf, pos);
    if (!r.ok) {
      const lo = prevSeq === undefined ? Math.max(1, afterSeq - SEQ_WINDOW) : prevSeq + 1;
      const intact = findIntactRecord(buf, pos + 1, lo, lo + 2 * SEQ_WINDOW);
      if (intact !== undefined) {
        throw corrupt(`${path} is damaged at byte ${pos} (${r.reason}) and intact records follow at byte ${intact}; refusing to drop acknowledged writes. Restore the data directory from a backup, or move ${LOG_FILE} aside to start from the last snapshot`);
      }
      dropped = r.reason;
      break;
    }
    if (prevSeq !== undefined && r.seq !== prevSeq + 1) throw corrupt(`${path} has record ${r.seq} after record ${prevSeq}`);
    if (prevSeq === undefined && r.seq > afterSeq + 1) throw corrupt(`${path} starts at record ${r.seq} but the snapshot ends at record ${afterSeq}`);
    prevSeq = r.seq;
    records++;
    if (r.seq > afterSeq) {
      const part = decodeChangePart(r.payload);
      if (!pending) pending = { start: pos, parts: [] };
      pending.parts.push(part.change);
      if (part.last) {
        changes.push(joinChanges(pending.parts));
        lastSeq = r.seq;
        pending = undefined;
      }
    }
    pos = r.end;
  }
  if (pending) {
    dropped = dropped === undefined ? "a write with no commit record" : `${dropped}, after a write with no commit record`;
    pos = pending.start;
  }
  if (changes.length === 0 && prevSeq !== undefined && prevSeq <= afterSeq) {
    // Everything intact is already in the snapshot (a crash came between snapshot and log reset):
    // finish the reset, which also keeps record numbers contiguous for the appends that follow.
    return { changes, lastSeq, records: 0, validEnd: MAGIC.length, dropped };
  }
  return { changes, lastSeq, records, validEnd: pos, dropped };
}

function corrupt(message: string): ChokepointError {
  return new ChokepointError("STORE_CORRUPT", message);
}

function unavailable(dir: string, cause: unknown): ChokepointError {
  return new ChokepointError("STORE_UNAVAILABLE", `cannot read or write the change log in ${dir} (${errnoCode(cause) ?? "I/O error"})`, { cause });
}

function writeFailed(dir: string, cause: unknown, detail?: string): ChokepointError {
  return new ChokepointError("STORE_WRITE_FAILED", `the write was not saved: ${detail ?? `${errnoCode(cause) ?? "I/O error"} in ${dir}`}; nothing was changed`, { cause });
}
