import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { EmbeddedGraphStore } from "../../../server/src/store/embedded";
import { DIST_STORE, assertFreshBuild, node, recordingLogger, tempDir } from "./helpers";

/** One process per data directory: a second open fails fast with STORE_LOCKED naming the holder;
 *  a lock left by a process that no longer exists is taken over. */

let tmp: { dir: string; remove: () => Promise<void> };

beforeEach(async () => {
  tmp = await tempDir("lock");
});

afterEach(async () => {
  await tmp.remove();
});

function startHolder(dir: string): Promise<ChildProcessWithoutNullStreams> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, "fixtures/hold-store.js"), DIST_STORE, dir]);
    let err = "";
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.stdout.on("data", (c: Buffer) => {
      if (c.toString().includes("ready")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`holder exited early (${code}): ${err}`)));
  });
}

function killAndWait(child: ChildProcessWithoutNullStreams): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.on("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

describe("embedded store: directory lock", () => {
  it("a second open in the same process fails fast with STORE_LOCKED; close releases the lock", async () => {
    const first = await EmbeddedGraphStore.open({ dir: tmp.dir, logger: recordingLogger() });
    const started = Date.now();
    const e = await EmbeddedGraphStore.open({ dir: tmp.dir, logger: recordingLogger() }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toMatchObject({ code: "STORE_LOCKED" });
    expect((e as Error).message).toContain(String(process.pid));
    expect((e as Error).message).toContain("CHOKEPOINT_DATA_DIR");
    expect(Date.now() - started).toBeLessThan(1000);
    await first.apply({ upsertNodes: [node("still-works")] });
    await first.close();
    const second = await EmbeddedGraphStore.open({ dir: tmp.dir, logger: recordingLogger() });
    expect(await second.getNode("still-works")).not.toBeNull();
    await second.close();
  });

  describe("across processes", () => {
    beforeAll(() => assertFreshBuild());

    it("refuses while another live process holds the directory, and takes over after it is killed -9", async () => {
      const holder = await startHolder(tmp.dir);
      try {
        const e = await EmbeddedGraphStore.open({ dir: tmp.dir, logger: recordingLogger() }).then(
          () => undefined,
          (err: unknown) => err,
        );
        expect(e).toMatchObject({ code: "STORE_LOCKED" });
        expect((e as Error).message).toContain(String(holder.pid));
      } finally {
        await killAndWait(holder);
      }
      const store = await EmbeddedGraphStore.open({ dir: tmp.dir, logger: recordingLogger() });
      const lock = JSON.parse(await readFile(join(tmp.dir, "LOCK"), "utf8")) as { pid: number };
      expect(lock.pid).toBe(process.pid);
      await store.close();
    });
  });

  it("takes over a lock whose process is gone, or that carries our own pid from an earlier run", async () => {
    const deadPid = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ["-e", ""]);
      child.on("exit", () => resolve(child.pid!));
    });
    for (const pid of [deadPid, process.pid]) {
      await writeFile(join(tmp.dir, "LOCK"), JSON.stringify({ pid, started: "1", host: hostname(), token: "stale" }));
      const store = await EmbeddedGraphStore.open({ dir: tmp.dir, logger: recordingLogger() });
      await store.close();
    }
  });

  it("takes over an unreadable lock file (not one this store wrote)", async () => {
    await writeFile(join(tmp.dir, "LOCK"), "garbage");
    const store = await EmbeddedGraphStore.open({ dir: tmp.dir, logger: recordingLogger() });
    await store.close();
  });
});
