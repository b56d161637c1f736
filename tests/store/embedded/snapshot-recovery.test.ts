import { existsSync } from "node:fs";
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { EmbeddedGraphStore } from "../../../server/src/store/embedded";
import { LOG_FILE } from "../../../server/src/store/embedded/change-log";
import { SNAPSHOT_FILE, SNAPSHOT_TEMP } from "../../../server/src/store/embedded/snapshot-file";
import { contentOf, edge, node, prng, recordingLogger, tempDir } from "./helpers";

/** Snapshots: a damaged one is refused (never serve wrong data), a crash between writing one and
 *  cutting the log is harmless, and a half-written temp file is ignored. */

const MAGIC_BYTES = 8;
let tmp: { dir: string; remove: () => Promise<void> };

beforeEach(async () => {
  tmp = await tempDir("snap");
});

afterEach(async () => {
  await tmp.remove();
});

async function writes(store: EmbeddedGraphStore, from: number, to: number): Promise<void> {
  for (let i = from; i <= to; i++) {
    await store.apply({
      upsertNodes: [node(`item-${i}`, "Component", { name: { zh: `部件${i}`, en: `Item ${i}` } })],
      upsertEdges: i > 1 ? [edge(`item-${i - 1}`, `item-${i}`)] : [],
    });
  }
}

describe("embedded store: snapshots", () => {
  it("refuses a snapshot with any flipped byte or a cut with STORE_CORRUPT, and stays unlocked", async () => {
    const store = await EmbeddedGraphStore.open({ dir: tmp.dir, logger: recordingLogger() });
    await writes(store, 1, 40);
    await store.close();
    const good = await readFile(join(tmp.dir, SNAPSHOT_FILE));
    expect((await stat(join(tmp.dir, LOG_FILE))).size).toBe(MAGIC_BYTES);

    const rnd = prng(11);
    const flips = [0, 7, 8, 12, 20, 30, good.length >> 1, good.length - 20, good.length - 1];
    for (let i = 0; i < 10; i++) flips.push(Math.floor(rnd() * good.length));
    for (const at of flips) {
      const bad = Buffer.from(good);
      bad[at]! ^= 0x04;
      await writeFile(join(tmp.dir, SNAPSHOT_FILE), bad);
      await expect(EmbeddedGraphStore.open({ dir: tmp.dir, logger: recordingLogger() })).rejects.toMatchObject({ code: "STORE_CORRUPT" });
    }
    for (const cut of [3, MAGIC_BYTES, 30, good.length >> 1, good.length - 1]) {
      await writeFile(join(tmp.dir, SNAPSHOT_FILE), good.subarray(0, cut));
      await expect(EmbeddedGraphStore.open({ dir: tmp.dir, logger: recordingLogger() })).rejects.toMatchObject({ code: "STORE_CORRUPT" });
    }
    await writeFile(join(tmp.dir, SNAPSHOT_FILE), Buffer.concat([good, Buffer.from("trailing")]));
    await expect(EmbeddedGraphStore.open({ dir: tmp.dir, logger: recordingLogger() })).rejects.toMatchObject({ code: "STORE_CORRUPT" });

    await writeFile(join(tmp.dir, SNAPSHOT_FILE), good);
    const reopened = await EmbeddedGraphStore.open({ dir: tmp.dir, logger: recordingLogger() });
    expect(await reopened.version()).toBe(40);
    await reopened.close();
  });

  it("recovers when the process died between the snapshot rename and the log reset", async () => {
    const store = await EmbeddedGraphStore.open({ dir: tmp.dir, snapshotEveryRecords: 1_000, logger: recordingLogger() });
    await writes(store, 1, 12);
    await store.apply({ deleteNodes: ["item-5"] });
    const expected = await contentOf(store);
    const logBeforeReset = await readFile(join(tmp.dir, LOG_FILE));
    await store.close();
    // The snapshot now holds all 13 writes; put back the log as it was before the reset.
    await writeFile(join(tmp.dir, LOG_FILE), logBeforeReset);

    const logger = recordingLogger();
    const reopened = await EmbeddedGraphStore.open({ dir: tmp.dir, logger });
    expect(await reopened.version()).toBe(13);
    expect(await contentOf(reopened)).toEqual(expected);
    expect(logger.warnings).toEqual([]);
    expect((await stat(join(tmp.dir, LOG_FILE))).size).toBe(MAGIC_BYTES);
    await writes(reopened, 13, 14);
    const after = await contentOf(reopened);
    await reopened.close();

    const again = await EmbeddedGraphStore.open({ dir: tmp.dir, logger: recordingLogger() });
    expect(await again.version()).toBe(15);
    expect(await contentOf(again)).toEqual(after);
    await again.close();
  });

  it("replays only the records newer than the snapshot when the log holds both", async () => {
    const store = await EmbeddedGraphStore.open({ dir: tmp.dir, snapshotEveryRecords: 1_000, logger: recordingLogger() });
    await writes(store, 1, 6);
    const oldLog = await readFile(join(tmp.dir, LOG_FILE));
    await store.close();
    const snapshotAt6 = await readFile(join(tmp.dir, SNAPSHOT_FILE));
    const reopened = await EmbeddedGraphStore.open({ dir: tmp.dir, snapshotEveryRecords: 1_000, logger: recordingLogger() });
    await writes(reopened, 7, 9);
    const expected = await contentOf(reopened);
    const newLog = await readFile(join(tmp.dir, LOG_FILE));
    await reopened.close();
    // The crash being simulated: the snapshot at 6 was renamed into place but records 1-6 were
    // never cut, and records 7-9 were appended after them.
    await writeFile(join(tmp.dir, SNAPSHOT_FILE), snapshotAt6);
    await writeFile(join(tmp.dir, LOG_FILE), Buffer.concat([oldLog, newLog.subarray(MAGIC_BYTES)]));

    const recovered = await EmbeddedGraphStore.open({ dir: tmp.dir, logger: recordingLogger() });
    expect(await recovered.version()).toBe(9);
    expect(await contentOf(recovered)).toEqual(expected);
    await recovered.close();
  });

  it("refuses a log that starts after the snapshot ends (records missing)", async () => {
    const store = await EmbeddedGraphStore.open({ dir: tmp.dir, snapshotEveryRecords: 1_000, logger: recordingLogger() });
    await writes(store, 1, 3);
    await store.close();
    const reopened = await EmbeddedGraphStore.open({ dir: tmp.dir, snapshotEveryRecords: 1_000, logger: recordingLogger() });
    await writes(reopened, 4, 5);
    const log = await readFile(join(tmp.dir, LOG_FILE));
    await reopened.close();
    await rm(join(tmp.dir, SNAPSHOT_FILE));
    await writeFile(join(tmp.dir, LOG_FILE), log);
    await expect(EmbeddedGraphStore.open({ dir: tmp.dir, logger: recordingLogger() })).rejects.toMatchObject({ code: "STORE_CORRUPT" });
  });

  it("ignores and removes a half-written temp snapshot left by a crash", async () => {
    const store = await EmbeddedGraphStore.open({ dir: tmp.dir, logger: recordingLogger() });
    await writes(store, 1, 5);
    await store.close();
    await writeFile(join(tmp.dir, SNAPSHOT_TEMP), Buffer.from("CKPSNAP1 half a snapshot"));
    const reopened = await EmbeddedGraphStore.open({ dir: tmp.dir, logger: recordingLogger() });
    expect(await reopened.version()).toBe(5);
    expect(existsSync(join(tmp.dir, SNAPSHOT_TEMP))).toBe(false);
    await reopened.close();
  });

  it("snapshots periodically by records and by bytes, and cuts the log each time", async () => {
    const byRecords = await EmbeddedGraphStore.open({ dir: join(tmp.dir, "records"), snapshotEveryRecords: 4, logger: recordingLogger() });
    await writes(byRecords, 1, 3);
    expect(existsSync(join(tmp.dir, "records", SNAPSHOT_FILE))).toBe(false);
    await writes(byRecords, 4, 4);
    await byRecords.apply({});
    expect(existsSync(join(tmp.dir, "records", SNAPSHOT_FILE))).toBe(true);
    expect((await stat(join(tmp.dir, "records", LOG_FILE))).size).toBe(MAGIC_BYTES);
    await byRecords.close();

    const byBytes = await EmbeddedGraphStore.open({ dir: join(tmp.dir, "bytes"), snapshotEveryBytes: 2_000, logger: recordingLogger() });
    await byBytes.apply({ upsertNodes: Array.from({ length: 20 }, (_, i) => node(`bulk-${i}`)) });
    await byBytes.apply({});
    expect(existsSync(join(tmp.dir, "bytes", SNAPSHOT_FILE))).toBe(true);
    expect((await stat(join(tmp.dir, "bytes", LOG_FILE))).size).toBe(MAGIC_BYTES);
    await byBytes.close();
    const reopened = await EmbeddedGraphStore.open({ dir: join(tmp.dir, "bytes"), logger: recordingLogger() });
    expect((await reopened.counts()).nodes.Component).toBe(20);
    await reopened.close();
  });
});
