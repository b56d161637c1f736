import { existsSync } from "node:fs";
import { open, stat, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { EmbeddedGraphStore } from "../../../server/src/store/embedded";
import { LOG_FILE } from "../../../server/src/store/embedded/change-log";
import { SNAPSHOT_FILE, SNAPSHOT_TEMP } from "../../../server/src/store/embedded/snapshot-file";
import { contentOf, node, recordingLogger, tempDir } from "./helpers";

/**
 * Disk full or an I/O error during a write (RELIABILITY.md): the write fails with
 * STORE_WRITE_FAILED and the previous state stays, in memory and on disk. Faults are injected on
 * Node's FileHandle (the running user is root here, so a read-only directory cannot be used).
 */

type HandleMethods = Pick<FileHandle, "write" | "datasync" | "truncate" | "sync">;
let proto: HandleMethods;
let tmp: { dir: string; remove: () => Promise<void> };

beforeAll(async () => {
  const h = await open(__filename, "r");
  proto = Object.getPrototypeOf(h) as HandleMethods;
  await h.close();
});

beforeEach(async () => {
  tmp = await tempDir("fault");
});

afterEach(async () => {
  jest.restoreAllMocks();
  await tmp.remove();
});

function ioError(code: string): Error {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

describe("embedded store: failing writes", () => {
  it.each([
    ["fsync fails with ENOSPC", "datasync", "ENOSPC"],
    ["write fails with EIO", "write", "EIO"],
  ] as const)("%s: STORE_WRITE_FAILED, nothing changes, later writes work", async (_label, method, code) => {
    const store = await EmbeddedGraphStore.open({ dir: tmp.dir, logger: recordingLogger() });
    await store.apply({ upsertNodes: [node("before")] });
    const version = await store.version();
    const before = await contentOf(store);
    const logSize = (await stat(join(tmp.dir, LOG_FILE))).size;

    jest.spyOn(proto, method).mockRejectedValueOnce(ioError(code));
    await expect(store.apply({ upsertNodes: [node("lost")] })).rejects.toMatchObject({ code: "STORE_WRITE_FAILED" });
    expect(await store.version()).toBe(version);
    expect(await contentOf(store)).toEqual(before);
    expect((await stat(join(tmp.dir, LOG_FILE))).size).toBe(logSize);
    expect((await store.health()).ok).toBe(true);

    await store.apply({ upsertNodes: [node("after")] });
    await store.close();
    const reopened = await EmbeddedGraphStore.open({ dir: tmp.dir, logger: recordingLogger() });
    expect((await reopened.listNodes()).items.map((n) => n.id)).toEqual(["after", "before"]);
    await reopened.close();
  });

  it("when even the rollback fails, refuses further writes but keeps serving reads; a restart recovers", async () => {
    const store = await EmbeddedGraphStore.open({ dir: tmp.dir, logger: recordingLogger() });
    await store.apply({ upsertNodes: [node("before")] });
    const before = await contentOf(store);

    jest.spyOn(proto, "datasync").mockRejectedValueOnce(ioError("EIO"));
    jest.spyOn(proto, "truncate").mockRejectedValueOnce(ioError("EIO"));
    await expect(store.apply({ upsertNodes: [node("ambiguous")] })).rejects.toMatchObject({ code: "STORE_WRITE_FAILED" });
    await expect(store.apply({ upsertNodes: [node("refused")] })).rejects.toMatchObject({ code: "STORE_WRITE_FAILED" });
    expect(await contentOf(store)).toEqual(before);
    expect((await store.health()).ok).toBe(false);
    await store.close();

    // The failed write's bytes may or may not have reached the disk; either way recovery shows a
    // whole state, never part of a write, and never the refused one.
    const reopened = await EmbeddedGraphStore.open({ dir: tmp.dir, logger: recordingLogger() });
    const ids = (await reopened.listNodes()).items.map((n) => n.id);
    expect([["before"], ["ambiguous", "before"]]).toContainEqual(ids);
    await reopened.apply({ upsertNodes: [node("after-restart")] });
    await reopened.close();
  });

  it("a failed snapshot is logged and loses nothing: the log still holds every write", async () => {
    const logger = recordingLogger();
    const store = await EmbeddedGraphStore.open({ dir: tmp.dir, snapshotEveryRecords: 2, logger });
    await store.apply({ upsertNodes: [node("one")] });
    jest.spyOn(proto, "sync").mockRejectedValueOnce(ioError("ENOSPC"));
    await store.apply({ upsertNodes: [node("two")] });
    await store.apply({});
    expect(logger.warnings.join("\n")).toMatch(/snapshot failed/);
    expect(existsSync(join(tmp.dir, SNAPSHOT_FILE))).toBe(false);
    expect(existsSync(join(tmp.dir, SNAPSHOT_TEMP))).toBe(false);
    await store.apply({ upsertNodes: [node("three")] });
    await store.close();
    const reopened = await EmbeddedGraphStore.open({ dir: tmp.dir, logger: recordingLogger() });
    expect((await reopened.listNodes()).items.map((n) => n.id)).toEqual(["one", "three", "two"]);
    await reopened.close();
  });
});
