import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { link, open, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { ChokepointError } from "@chokepoint/graph-schema";
import { errnoCode, fsyncDirectory } from "./durable-fs";

const LOCK_FILE = "LOCK";

interface LockOwner {
  readonly pid: number;
  /** Kernel start time of the process, so a pid reused after a crash (in a container the app is
   *  often pid 1 on every start) is not mistaken for the owner. */
  readonly started: string;
  readonly host: string;
  readonly token: string;
}

/** Locks held by this process, so a stale lock carrying our own (reused) pid is recognised. */
const heldTokens = new Set<string>();

/**
 * One process per data directory. The lock file is created complete (written to a temp name,
 * then hard-linked into place, which fails if a lock exists), so nobody ever reads a half-written
 * owner. A lock whose process is gone (kill -9) is taken over; liveness is `kill(pid, 0)` plus the
 * process start time from /proc where there is one. The data directory must be local: a lock held
 * from another machine over a network file system cannot be checked.
 */
export class DirLock {
  private released = false;

  private constructor(
    private readonly path: string,
    private readonly owner: LockOwner,
  ) {}

  static async acquire(dir: string): Promise<DirLock> {
    const path = join(dir, LOCK_FILE);
    const owner: LockOwner = { pid: process.pid, started: startTime(process.pid) ?? "", host: hostname(), token: randomBytes(8).toString("hex") };
    for (let attempt = 0; attempt < 5; attempt++) {
      if (await tryCreate(dir, path, owner)) {
        heldTokens.add(owner.token);
        return new DirLock(path, owner);
      }
      const holder = await readOwner(path);
      if (holder === "missing") continue;
      if (holder !== "unreadable" && isAlive(holder)) throw lockedError(dir, holder.pid);
      await takeOver(path, holder, dir);
    }
    throw lockedError(dir, undefined);
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    heldTokens.delete(this.owner.token);
    const holder = await readOwner(this.path);
    if (holder !== "missing" && holder !== "unreadable" && holder.token === this.owner.token) await unlink(this.path).catch(() => undefined);
  }
}

async function tryCreate(dir: string, path: string, owner: LockOwner): Promise<boolean> {
  const temp = `${path}.${owner.pid}.${owner.token}`;
  try {
    await writeFile(temp, JSON.stringify(owner));
    const handle = await open(temp, "r");
    await handle.sync().finally(() => handle.close());
    try {
      await link(temp, path);
    } catch (e) {
      if (errnoCode(e) === "EEXIST") return false;
      throw e;
    }
    await fsyncDirectory(dir);
    return true;
  } catch (e) {
    throw new ChokepointError("STORE_UNAVAILABLE", `cannot lock data directory ${dir} (${errnoCode(e) ?? "I/O error"}); check that it is writable`, { cause: e });
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function readOwner(path: string): Promise<LockOwner | "missing" | "unreadable"> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    return errnoCode(e) === "ENOENT" ? "missing" : "unreadable";
  }
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    if (typeof o.pid === "number" && typeof o.started === "string" && typeof o.host === "string" && typeof o.token === "string") {
      return { pid: o.pid, started: o.started, host: o.host, token: o.token };
    }
    return "unreadable";
  } catch {
    return "unreadable";
  }
}

function isAlive(owner: LockOwner): boolean {
  if (owner.pid === process.pid) return heldTokens.has(owner.token);
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    if (errnoCode(e) === "ESRCH") return false;
  }
  const stat = procStat(owner.pid);
  if (stat === undefined) return true;
  return stat.state !== "Z" && (owner.started === "" || stat.started === owner.started);
}

function startTime(pid: number): string | undefined {
  return procStat(pid)?.started;
}

/** State (field 3; "Z" is a killed process nobody has reaped yet) and start time (field 22, clock
 *  ticks since boot) from /proc/<pid>/stat; undefined off Linux. */
function procStat(pid: number): { state: string; started: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[0] !== undefined && fields[19] !== undefined ? { state: fields[0], started: fields[19] } : undefined;
  } catch {
    return undefined;
  }
}

/** Moves the stale lock aside, then checks that what moved is the stale lock we judged dead and
 *  not a fresh one another process linked in meanwhile; if it is fresh, it goes back. */
async function takeOver(path: string, stale: LockOwner | "unreadable", dir: string): Promise<void> {
  const aside = `${path}.stale.${process.pid}.${randomBytes(4).toString("hex")}`;
  try {
    await rename(path, aside);
  } catch (e) {
    if (errnoCode(e) === "ENOENT") return;
    throw new ChokepointError("STORE_UNAVAILABLE", `cannot take over the stale lock in ${dir} (${errnoCode(e) ?? "I/O error"})`, { cause: e });
  }
  const moved = await readOwner(aside);
  const same = stale === "unreadable" ? moved === "unreadable" : moved !== "missing" && moved !== "unreadable" && moved.token === stale.token;
  if (!same) {
    await link(aside, path).catch(() => undefined);
    await unlink(aside).catch(() => undefined);
    throw lockedError(dir, moved !== "missing" && moved !== "unreadable" ? moved.pid : undefined);
  }
  await unlink(aside).catch(() => undefined);
}

function lockedError(dir: string, pid: number | undefined): ChokepointError {
  const who = pid === undefined ? "another process" : `process ${pid}`;
  return new ChokepointError("STORE_LOCKED", `data directory ${dir} is in use by ${who}; stop it or set CHOKEPOINT_DATA_DIR to another directory`);
}
