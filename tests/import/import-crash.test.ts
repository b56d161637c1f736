import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readInterchangeFile } from "../../server/src/import/read-interchange-file";
import { EmbeddedGraphStore } from "../../server/src/store/embedded/embedded-graph-store";
import { startImportChild } from "./children/run-child";
import { graphHash, SAMPLE_GRAPH } from "./store-helpers";
import { syntheticCsv } from "./synthetic-csv";

const quiet = { info: () => undefined, warn: () => undefined };
const KILLS = 20;

/** mulberry32: seeded, so a failing kill moment can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function hashOf(dir: string): Promise<string> {
  const store = await EmbeddedGraphStore.open({ dir, logger: quiet });
  try {
    return await graphHash(store);
  } finally {
    await store.close();
  }
}

/**
 * RELIABILITY.md: kill -9 during an import; after a restart the graph is exactly the state before
 * or after the import, never in between. A child process imports a 6k-node, 3k-edge CSV pair
 * into a copy of a seeded data directory and is SIGKILLed at seeded moments: most spread over the
 * import (parsing, checking, the log write, applying), the rest over the close after it (which
 * writes a snapshot and cuts the log). Moments are measured from the child's own "ready" and
 * "imported" events, so a busy machine stretches them with the run instead of missing it. Each
 * directory is then reopened and compared.
 */
describe("import crash safety", () => {
  let work: string;
  let base: string;
  let nodes: string;
  let edges: string;
  let before: string;
  let after: string;
  let importMs: number;
  let closeMs: number;

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), "chokepoint-crash-"));
    base = path.join(work, "base");
    const csv = syntheticCsv(6_000, 3_000, 7);
    nodes = path.join(work, "nodes.csv");
    edges = path.join(work, "edges.csv");
    writeFileSync(nodes, csv.nodes);
    writeFileSync(edges, csv.edges);
    const seeded = await EmbeddedGraphStore.open({ dir: base, logger: quiet, seed: async () => readInterchangeFile(SAMPLE_GRAPH) });
    before = await graphHash(seeded);
    await seeded.close();
    // One undisturbed run gives the "after" state and how long the import and close take.
    const dir = path.join(work, "reference");
    cpSync(base, dir, { recursive: true });
    const run = startImportChild(dir, nodes, edges);
    await run.on("ready");
    const imported = await run.on("imported");
    const closed = await run.on("closed");
    expect((await run.exited).code).toBe(0);
    after = await hashOf(dir);
    importMs = imported.ms!;
    closeMs = closed.ms!;
  }, 60_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it(`finds the state before or after the import after SIGKILL at ${KILLS} moments`, async () => {
    expect(after).not.toBe(before);
    const random = prng(20240611);
    const DURING_CLOSE = 6;
    const moments = Array.from({ length: KILLS }, (_, i) => {
      // Stratified: one moment in each slice of its phase, so the whole phase is covered.
      const inClose = i >= KILLS - DURING_CLOSE;
      const slices = inClose ? DURING_CLOSE : KILLS - DURING_CLOSE;
      return { i, inClose, fraction: ((inClose ? i - (KILLS - DURING_CLOSE) : i) + random()) / slices };
    });
    const outcomes: { moment: string; state: "before" | "after"; killed: boolean }[] = [];
    const killAt = async ({ i, inClose, fraction }: (typeof moments)[number]) => {
      const delay = fraction * (inClose ? closeMs : importMs * 1.1);
      const dir = path.join(work, `kill-${i}`);
      cpSync(base, dir, { recursive: true });
      const run = startImportChild(dir, nodes, edges);
      await run.on(inClose ? "imported" : "ready").catch(() => undefined);
      const timer = setTimeout(() => run.child.kill("SIGKILL"), delay);
      const exit = await run.exited;
      clearTimeout(timer);
      // On a shared machine durations drift; a run that got further than its moment re-times the rest.
      const seen = run.seen();
      if (seen.imported?.ms !== undefined && !inClose) importMs = seen.imported.ms;
      if (seen.closed?.ms !== undefined) closeMs = seen.closed.ms;
      const hash = await hashOf(dir);
      expect([before, after]).toContain(hash);
      outcomes.push({ moment: `${inClose ? "close+" : "import+"}${Math.round(delay)}`, state: hash === before ? "before" : "after", killed: exit.signal === "SIGKILL" });
      rmSync(dir, { recursive: true, force: true });
    };
    // Two at a time: most of a run is process start-up and recovery, not the import.
    for (let i = 0; i < moments.length; i += 2) await Promise.all(moments.slice(i, i + 2).map(killAt));
    const killed = outcomes.filter((o) => o.killed);
    process.stdout.write(
      `import crash: import ${Math.round(importMs)} ms, close ${Math.round(closeMs)} ms (reference run); ${killed.length}/${KILLS} runs killed; ` +
        `${outcomes.filter((o) => o.state === "before").length} found the state before, ${outcomes.filter((o) => o.state === "after").length} after; ` +
        `moments (ms; * = finished first) ${outcomes.map((o) => `${o.moment}${o.killed ? "" : "*"}:${o.state[0]}`).join(" ")}\n`,
    );
    expect(killed.length).toBeGreaterThanOrEqual(KILLS / 2);
    expect(outcomes.some((o) => o.killed && o.state === "before")).toBe(true);
  }, 120_000);
});
