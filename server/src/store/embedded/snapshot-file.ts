import { open, readFile, rename, unlink } from "node:fs/promises";
import { join } from "node:path";
import { ChokepointError, type GraphEdge, type GraphNode, type SourceDocument } from "@chokepoint/graph-schema";
import { errnoCode, fsyncDirectory } from "./durable-fs";
import { deepFreeze } from "./frozen-data";
import { decodeRecordAt, encodeRecord } from "./record-codec";

export const SNAPSHOT_FILE = "snapshot.bin";
export const SNAPSHOT_TEMP = "snapshot.bin.tmp";
const MAGIC = Buffer.from("CKPSNAP1", "latin1");
const FORMAT = 1;
/** Written in slices so that a graph far larger than V8's longest string can be saved, and so
 *  the event loop keeps serving reads between slices. */
const SLICE_CHARS = 4 << 20;
const FLUSH_BYTES = 8 << 20;
/** Items serialised per `JSON.stringify` call: far cheaper than one call per item. */
const BATCH_ITEMS = 256;

export interface SnapshotContent {
  /** Data version and last change-log record the snapshot includes. */
  readonly version: number;
  readonly lastSeq: number;
  readonly documents: readonly SourceDocument[];
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

export interface SnapshotSource {
  readonly version: number;
  readonly lastSeq: number;
  readonly documents: Iterable<SourceDocument>;
  readonly nodes: Iterable<GraphNode>;
  readonly edges: Iterable<GraphEdge>;
}

type Section = "documents" | "nodes" | "edges";

/**
 * Writes the whole graph atomically: a temp file in the data directory, fsync, rename over the
 * previous snapshot, fsync of the directory. A crash at any point leaves either the old snapshot
 * or the new one. The file is a header record, slices of items, and an end record with the item
 * counts, each record framed and checksummed (record-codec), so damage and truncation are both
 * detected on load.
 */
export async function writeSnapshotFile(dir: string, source: SnapshotSource): Promise<void> {
  const temp = join(dir, SNAPSHOT_TEMP);
  const handle = await open(temp, "w");
  try {
    let seq = 0;
    let position = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      const chunk = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      let done = 0;
      while (done < chunk.length) done += (await handle.write(chunk, done, chunk.length - done, position + done)).bytesWritten;
      position += chunk.length;
    };
    const push = async (buf: Buffer) => {
      pending.push(buf);
      pendingBytes += buf.length;
      if (pendingBytes >= FLUSH_BYTES) await flush();
    };
    const record = (json: string) => encodeRecord(seq++, Buffer.from(json, "utf8"));

    await push(MAGIC);
    await push(record(JSON.stringify({ type: "header", format: FORMAT, version: source.version, lastSeq: source.lastSeq })));
    const counts: Record<Section, number> = { documents: 0, nodes: 0, edges: 0 };
    for (const section of ["documents", "nodes", "edges"] as const) {
      let slices: string[] = [];
      let chars = 0;
      let batch: unknown[] = [];
      const addBatch = async () => {
        const json = JSON.stringify(batch);
        counts[section] += batch.length;
        batch = [];
        slices.push(json.slice(1, -1));
        chars += json.length;
        if (chars >= SLICE_CHARS) await flushSlices();
      };
      const flushSlices = async () => {
        await push(record(`{"type":"${section}","items":[${slices.join(",")}]}`));
        slices = [];
        chars = 0;
      };
      for (const item of source[section]) {
        batch.push(item);
        if (batch.length === BATCH_ITEMS) await addBatch();
      }
      if (batch.length > 0) await addBatch();
      if (slices.length > 0) await flushSlices();
    }
    await push(record(JSON.stringify({ type: "end", ...counts })));
    await flush();
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await handle.close();
  await rename(temp, join(dir, SNAPSHOT_FILE));
  await fsyncDirectory(dir);
}

/** Reads the snapshot, or undefined when there is none. Anything short of a complete, intact
 *  file is STORE_CORRUPT: serving a partial graph as if it were whole would be wrong data. */
export async function readSnapshotFile(dir: string): Promise<SnapshotContent | undefined> {
  const path = join(dir, SNAPSHOT_FILE);
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    if (errnoCode(e) === "ENOENT") return undefined;
    throw new ChokepointError("STORE_UNAVAILABLE", `cannot read the snapshot in ${dir} (${errnoCode(e) ?? "I/O error"})`, { cause: e });
  }
  const corrupt = (why: string) =>
    new ChokepointError("STORE_CORRUPT", `the snapshot ${path} is damaged (${why}); refusing to serve it. Restore the data directory from a backup`);
  if (buf.length < MAGIC.length || !buf.subarray(0, MAGIC.length).equals(MAGIC)) throw corrupt("not a Chokepoint snapshot");

  let pos = MAGIC.length;
  let seq = 0;
  const next = (): Record<string, unknown> => {
    const r = decodeRecordAt(buf, pos);
    if (!r.ok) throw corrupt(`${r.reason} at byte ${pos}`);
    if (r.seq !== seq) throw corrupt(`record ${r.seq} where ${seq} belongs`);
    seq++;
    pos = r.end;
    try {
      return JSON.parse(r.payload.toString("utf8")) as Record<string, unknown>;
    } catch {
      throw corrupt(`unreadable record at byte ${pos}`);
    }
  };

  const header = next();
  if (header.type !== "header" || header.format !== FORMAT || !isCount(header.version) || !isCount(header.lastSeq)) throw corrupt("bad header");
  const sections: Record<Section, unknown[]> = { documents: [], nodes: [], edges: [] };
  for (;;) {
    const r = next();
    if (r.type === "end") {
      for (const s of ["documents", "nodes", "edges"] as const) if (r[s] !== sections[s].length) throw corrupt(`${s} count does not match`);
      if (pos !== buf.length) throw corrupt("bytes after the end record");
      break;
    }
    if ((r.type !== "documents" && r.type !== "nodes" && r.type !== "edges") || !Array.isArray(r.items)) throw corrupt("unknown record");
    const list = sections[r.type];
    for (const item of r.items as unknown[]) list.push(deepFreeze(item));
  }
  return {
    version: header.version,
    lastSeq: header.lastSeq,
    documents: sections.documents as SourceDocument[],
    nodes: sections.nodes as GraphNode[],
    edges: sections.edges as GraphEdge[],
  };
}

/** A crash while writing a snapshot leaves its temp file behind; it was never the snapshot. */
export async function removeSnapshotTemp(dir: string): Promise<void> {
  await unlink(join(dir, SNAPSHOT_TEMP)).catch((e: unknown) => {
    if (errnoCode(e) !== "ENOENT") throw new ChokepointError("STORE_UNAVAILABLE", `cannot clean up ${dir} (${errnoCode(e) ?? "I/O error"})`, { cause: e });
  });
}

function isCount(v: unknown): v is number {
  return typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
}
