import { writeSync } from "node:fs";

/** How long to wait for a full pipe to drain before trying again (ms). */
const RETRY_WAIT_MS = 1;

/**
 * A byte sink that writes each chunk completely to `fd` before returning, for output too large
 * to go through `process.stdout` as strings (the analyze report is hundreds of megabytes).
 *
 * `writeSync` may write only part of a chunk (pipes), and on a non-blocking pipe (Node makes a
 * pipe on stdout non-blocking once `process.stdout` is used, and a parent may hand one over) it
 * throws EAGAIN while the pipe is full: then this waits briefly (blocking the thread, which is
 * what a synchronous writer does anyway) and goes on from where it stopped.
 */
export function fdWriter(fd: number, write: typeof writeSync = writeSync): (chunk: Uint8Array) => void {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  return (chunk) => {
    let done = 0;
    while (done < chunk.length) {
      try {
        done += write(fd, chunk, done, chunk.length - done);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
        Atomics.wait(sleeper, 0, 0, RETRY_WAIT_MS);
      }
    }
  };
}
