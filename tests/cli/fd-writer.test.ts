/**
 * The CLI's byte sink for stdout (server/src/cli/fd-writer.ts): every byte arrives, in order,
 * through short writes and EAGAIN from a full non-blocking pipe.
 */
import { spawn } from "node:child_process";
import type { writeSync } from "node:fs";
import path from "node:path";
import { fdWriter } from "../../server/src/cli/fd-writer";
import { ROOT } from "./run-cli";

describe("fdWriter", () => {
  it("finishes short writes and waits out EAGAIN", () => {
    const received: number[] = [];
    let calls = 0;
    // A fake pipe: takes at most 3 bytes a call, and is "full" on every third call.
    const fake = ((fd: number, buffer: Uint8Array, offset: number, length: number): number => {
      expect(fd).toBe(7);
      if (++calls % 3 === 0) throw Object.assign(new Error("EAGAIN: resource temporarily unavailable, write"), { code: "EAGAIN" });
      const n = Math.min(3, length);
      received.push(...buffer.subarray(offset, offset + n));
      return n;
    }) as unknown as typeof writeSync;
    const write = fdWriter(7, fake);
    const chunk = Uint8Array.from({ length: 50 }, (_, i) => i);
    write(chunk);
    write(chunk.subarray(10, 12));
    expect(received).toEqual([...chunk, 10, 11]);
    expect(calls).toBeGreaterThan(20);
  });

  it("passes other errors on", () => {
    const broken = (() => {
      throw Object.assign(new Error("EPIPE: broken pipe, write"), { code: "EPIPE" });
    }) as unknown as typeof writeSync;
    expect(() => fdWriter(1, broken)(Uint8Array.of(1))).toThrow("EPIPE");
  });

  it("delivers megabytes through a real non-blocking pipe whose reader is slow", async () => {
    // The child makes its stdout pipe non-blocking (as using process.stdout does) and writes
    // 4 MB at once; the parent starts reading only after a pause. A single writeSync writes
    // only what fits; the writer must deliver all of it. Runs the build (`npm test` builds first).
    const child = (mode: "raw" | "fdWriter") => `
      const fs = require("node:fs");
      void process.stdout;
      const big = Buffer.alloc(4 << 20);
      for (let i = 0; i < big.length; i++) big[i] = (i * 7) & 0xff;
      if (${JSON.stringify(mode)} === "raw") process.stderr.write("wrote " + fs.writeSync(1, big));
      else require(${JSON.stringify(path.join(ROOT, "server/dist/cli/fd-writer.js"))}).fdWriter(1)(big);
    `;
    const run = (mode: "raw" | "fdWriter") =>
      new Promise<{ code: number | null; out: Buffer; err: string }>((resolve) => {
        const c = spawn(process.execPath, ["-e", child(mode)], { stdio: ["ignore", "pipe", "pipe"] });
        const parts: Buffer[] = [];
        let err = "";
        c.stdout.pause();
        c.stdout.on("data", (d: Buffer) => parts.push(d));
        setTimeout(() => c.stdout.resume(), 300);
        c.stderr.on("data", (d: Buffer) => (err += d.toString()));
        c.on("close", (code) => resolve({ code, out: Buffer.concat(parts), err }));
      });
    const raw = await run("raw");
    expect(Number(/wrote (\d+)/.exec(raw.err)?.[1])).toBeLessThan(4 << 20); // the pipe really is non-blocking
    const r = await run("fdWriter");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out.length).toBe(4 << 20);
    expect(r.out.every((b, i) => b === ((i * 7) & 0xff))).toBe(true);
  });
});
