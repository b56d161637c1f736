import { copyFile, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { GraphEdge, GraphNode } from "@chokepoint/graph-schema";
import type { ChangeBatch } from "../../../server/src/domain/graph-store";
import { EmbeddedGraphStore } from "../../../server/src/store/embedded";
import { LOG_FILE } from "../../../server/src/store/embedded/change-log";
import { RECORD_HEADER_BYTES, decodeRecordAt } from "../../../server/src/store/embedded/record-codec";
import { contentOf, edge, node, prng, recordingLogger, tempDir } from "./helpers";

/**
 * A log cut at any byte keeps every complete write (RELIABILITY.md: "a log cut at any byte
 * (recover every complete record)"), and damage is caught by the checksum. The log is produced by
 * a real store; cuts and flips are applied to copies of it.
 */

const MAGIC_BYTES = 8;
/** Small enough that the larger writes below span several records that commit together. */
const PART_BYTES = 700;

const WRITES: ChangeBatch[] = [
  { upsertNodes: [node("ventilator", "Product", { name: { zh: "有创呼吸机", en: "Invasive ventilator" } }), node("valve", "Component", { name: { zh: "比例阀" } })] },
  { upsertEdges: [edge("ventilator", "valve")] },
  { upsertNodes: Array.from({ length: 12 }, (_, i) => node(`part-${i}`, "Component", { name: { zh: `零件${i}`, en: `Part ${i}` }, aliases: [`别名${i}`] })) },
  { upsertEdges: Array.from({ length: 12 }, (_, i) => edge("ventilator", `part-${i}`)) },
  { deleteNodes: ["part-3"], upsertNodes: [node("valve", "Component", { name: { zh: "比例阀", en: "Proportional valve" } })] },
  { upsertNodes: [node("eu", "Region")], upsertEdges: [edge("valve", "eu", "SOURCED_FROM", { share: 1 })] },
  { deleteEdges: [{ from: "ventilator", to: "part-7", kind: "REQUIRES" }] },
  { upsertNodes: Array.from({ length: 8 }, (_, i) => node(`late-${i}`, "Material", { evidence: [{ doc: "003", line: 100 + i, quote: "弥散强化无氧铜".repeat(4) }] })) },
];

interface Fixture {
  readonly log: Buffer;
  /** Byte offset where write k's last record ends (index 0 = the header only). */
  readonly writeEnds: number[];
  /** Every record's start offset, with the write it belongs to. */
  readonly records: { start: number; end: number; write: number }[];
  readonly states: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] }[];
}

let fixture: Fixture;
let root: { dir: string; remove: () => Promise<void> };

beforeAll(async () => {
  root = await tempDir("log");
  const dir = join(root.dir, "source");
  const store = await EmbeddedGraphStore.open({ dir, snapshotEveryRecords: 1_000_000, logPartBytes: PART_BYTES, logger: recordingLogger() });
  const writeEnds = [MAGIC_BYTES];
  const states = [await contentOf(store)];
  for (const batch of WRITES) {
    await store.apply(batch);
    writeEnds.push((await stat(join(dir, LOG_FILE))).size);
    states.push(await contentOf(store));
  }
  const log = await readFile(join(dir, LOG_FILE));
  await store.close();
  const records: Fixture["records"] = [];
  for (let at = MAGIC_BYTES, write = 1; at < log.length; ) {
    const r = decodeRecordAt(log, at);
    if (!r.ok) throw new Error(`fixture log unreadable at ${at}`);
    while (r.end > writeEnds[write]!) write++;
    records.push({ start: at, end: r.end, write });
    at = r.end;
  }
  fixture = { log, writeEnds, records, states };
});

afterAll(async () => {
  await root.remove();
});

let dirCount = 0;
async function dirWithLog(bytes: Buffer): Promise<string> {
  const dir = join(root.dir, `case-${dirCount++}`);
  await mkdir(dir);
  await writeFile(join(dir, LOG_FILE), bytes);
  return dir;
}

/** Writes whose last record ends at or before `offset`. */
function completeWrites(offset: number): number {
  let k = 0;
  while (k + 1 < fixture.writeEnds.length && fixture.writeEnds[k + 1]! <= offset) k++;
  return k;
}

describe("embedded store: recovery from a cut or damaged change log", () => {
  it("has multi-record writes in the fixture, so cuts inside an uncommitted write are covered", () => {
    const perWrite = new Map<number, number>();
    for (const r of fixture.records) perWrite.set(r.write, (perWrite.get(r.write) ?? 0) + 1);
    expect(Math.max(...perWrite.values())).toBeGreaterThan(2);
    expect(fixture.records[fixture.records.length - 1]!.end).toBe(fixture.log.length);
  });

  it("keeps every complete write when the log is cut at sampled offsets, cuts the tail, and appends cleanly after", async () => {
    const rnd = prng(7);
    const offsets = new Set<number>([0, 1, 5, MAGIC_BYTES, fixture.log.length]);
    for (const r of fixture.records) {
      const len = r.end - r.start - RECORD_HEADER_BYTES;
      for (const o of [r.start + 1, r.start + 4, r.start + 9, r.start + RECORD_HEADER_BYTES - 1, r.start + RECORD_HEADER_BYTES, r.start + RECORD_HEADER_BYTES + (len >> 1), r.end - 1, r.end]) {
        offsets.add(o);
      }
    }
    for (let i = 0; i < 20; i++) offsets.add(Math.floor(rnd() * fixture.log.length));

    const sorted = [...offsets].sort((a, b) => a - b);
    for (const [i, offset] of sorted.entries()) {
      const dir = await dirWithLog(fixture.log.subarray(0, offset));
      const logger = recordingLogger();
      const store = await EmbeddedGraphStore.open({ dir, logger });
      const k = completeWrites(offset);
      expect({ offset, version: await store.version() }).toEqual({ offset, version: k });
      expect(await contentOf(store)).toEqual(fixture.states[k]);
      const expectedSize = Math.max(fixture.writeEnds[k]!, MAGIC_BYTES);
      expect({ offset, size: (await stat(join(dir, LOG_FILE))).size }).toEqual({ offset, size: expectedSize });
      if (offset > fixture.writeEnds[k]! && offset >= MAGIC_BYTES) expect(logger.warnings).toHaveLength(1);
      else expect(logger.warnings).toEqual([]);

      // Appending after recovery (every third cut, to bound the fsyncs this costs).
      if (i % 3 !== 0) {
        await store.close();
        continue;
      }
      await store.apply({ upsertNodes: [node("after-recovery", "Supplier")] });
      await store.close();
      const reopened = await EmbeddedGraphStore.open({ dir, logger: recordingLogger() });
      expect(await reopened.version()).toBe(k + 1);
      expect(await reopened.getNode("after-recovery")).not.toBeNull();
      await reopened.close();
    }
    expect(offsets.size).toBeGreaterThan(100);
  });

  it("drops a last record whose payload has a flipped byte (checksum) and logs it", async () => {
    const last = fixture.records[fixture.records.length - 1]!;
    const bytes = Buffer.from(fixture.log);
    bytes[last.start + RECORD_HEADER_BYTES + 3]! ^= 0x20;
    const dir = await dirWithLog(bytes);
    const logger = recordingLogger();
    const store = await EmbeddedGraphStore.open({ dir, logger });
    expect(await store.version()).toBe(WRITES.length - 1);
    expect(await contentOf(store)).toEqual(fixture.states[WRITES.length - 1]);
    expect(logger.warnings.join("\n")).toMatch(/checksum mismatch/);
    await store.close();
  });

  it.each([
    ["payload", RECORD_HEADER_BYTES + 5],
    ["length field", 1],
    ["checksum field", 5],
    ["sequence number", 8],
  ])("refuses with STORE_CORRUPT when a record in the middle has a flipped byte in its %s", async (_where, at) => {
    const middle = fixture.records[2]!;
    const bytes = Buffer.from(fixture.log);
    bytes[middle.start + at]! ^= 0x01;
    const dir = await dirWithLog(bytes);
    await expect(EmbeddedGraphStore.open({ dir, logger: recordingLogger() })).rejects.toMatchObject({ code: "STORE_CORRUPT" });
    // The refusal must not have cut the log: the damage is for an operator to look at.
    expect((await readFile(join(dir, LOG_FILE))).equals(bytes)).toBe(true);
  });

  it("refuses a file that is not a change log", async () => {
    const dir = await dirWithLog(Buffer.from("definitely not a log file"));
    await expect(EmbeddedGraphStore.open({ dir, logger: recordingLogger() })).rejects.toMatchObject({ code: "STORE_CORRUPT" });
  });

  it("a log with a gap in its record numbers is corrupt", async () => {
    const r1 = fixture.records[0]!;
    const r3 = fixture.records[2]!;
    const bytes = Buffer.concat([fixture.log.subarray(0, r1.end), fixture.log.subarray(r3.start)]);
    const dir = await dirWithLog(bytes);
    await expect(EmbeddedGraphStore.open({ dir, logger: recordingLogger() })).rejects.toMatchObject({ code: "STORE_CORRUPT" });
  });

  it("a failed open leaves the directory unlocked", async () => {
    const dir = await dirWithLog(Buffer.from("definitely not a log file"));
    await expect(EmbeddedGraphStore.open({ dir, logger: recordingLogger() })).rejects.toMatchObject({ code: "STORE_CORRUPT" });
    await copyFile(join(root.dir, "source", LOG_FILE), join(dir, LOG_FILE));
    const store = await EmbeddedGraphStore.open({ dir, logger: recordingLogger() });
    await store.close();
  });
});
