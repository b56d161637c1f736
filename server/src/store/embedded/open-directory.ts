import { mkdir } from "node:fs/promises";
import { ChokepointError } from "@chokepoint/graph-schema";
import { ChangeLog } from "./change-log";
import { DirLock } from "./dir-lock";
import { errnoCode } from "./durable-fs";
import { GraphState } from "./graph-state";
import { readSnapshotFile, removeSnapshotTemp } from "./snapshot-file";
import type { StoreLogger } from "./store-logger";

export interface OpenedDirectory {
  readonly state: GraphState;
  readonly log: ChangeLog;
  readonly lock: DirLock;
  /** Log records and bytes not yet covered by a snapshot. */
  readonly pending: { readonly records: number; readonly bytes: number };
  /** True when the directory held no committed data (the seed's cue). */
  readonly empty: boolean;
}

/**
 * Recovery: lock the directory, drop a half-written snapshot, load the snapshot (checksums
 * verified), then replay the log records newer than it. Any failure releases the lock, so a
 * refused directory can be inspected or opened again.
 */
export async function openDirectory(dir: string, options: { logPartBytes: number; logger: StoreLogger }): Promise<OpenedDirectory> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new ChokepointError("STORE_UNAVAILABLE", `cannot create data directory ${dir} (${errnoCode(e) ?? "I/O error"})`, { cause: e });
  }
  const lock = await DirLock.acquire(dir);
  try {
    await removeSnapshotTemp(dir);
    const snapshot = await readSnapshotFile(dir);
    const state = new GraphState();
    if (snapshot) state.load(snapshot);
    const { log, recovered } = await ChangeLog.open(dir, { afterSeq: snapshot?.lastSeq ?? 0, partBytes: options.logPartBytes, logger: options.logger });
    for (const change of recovered.changes) state.apply(change);
    return { state, log, lock, pending: { records: recovered.records, bytes: recovered.bytes }, empty: !snapshot && log.lastSeq === 0 };
  } catch (e) {
    await lock.release().catch(() => undefined);
    throw e;
  }
}
