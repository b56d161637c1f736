import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export const IMPORT_CHILD = path.join(__dirname, "import-child.js");

export interface ChildEvent {
  readonly event: "ready" | "imported" | "closed";
  readonly ms?: number;
  readonly cpuMs?: number;
  readonly result?: { nodesUpserted: number; edgesUpserted: number };
}

export interface ChildRun {
  readonly child: ChildProcess;
  /** Resolves on the first event of this name. */
  on(event: ChildEvent["event"]): Promise<ChildEvent>;
  /** The events received so far, by name. */
  seen(): Partial<Record<ChildEvent["event"], ChildEvent>>;
  /** Exit code and signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Starts import-child.js on a data directory and a nodes/edges pair. */
export function startImportChild(dir: string, nodes: string, edges: string): ChildRun {
  const child = spawn(process.execPath, [IMPORT_CHILD, dir, nodes, edges], { stdio: ["ignore", "pipe", "pipe"] });
  const events: ChildEvent[] = [];
  const waiters: { name: string; resolve: (e: ChildEvent) => void }[] = [];
  let buffer = "";
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => {
    buffer += d.toString();
    for (let nl = buffer.indexOf("\n"); nl !== -1; nl = buffer.indexOf("\n")) {
      const e = JSON.parse(buffer.slice(0, nl)) as ChildEvent;
      buffer = buffer.slice(nl + 1);
      events.push(e);
      for (const w of waiters.filter((x) => x.name === e.event)) w.resolve(e);
    }
  });
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stderr })));
  return {
    child,
    exited,
    seen: () => Object.fromEntries(events.map((e) => [e.event, e])),
    on(name) {
      const seen = events.find((e) => e.event === name);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ name, resolve });
        void exited.then(({ code, signal, stderr: err }) => reject(new Error(`child exited (${code ?? signal}) before "${name}": ${err}`)));
      });
    },
  };
}
