import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { INTERCHANGE_FORMAT, INTERCHANGE_VERSION, type InterchangeGraph } from "@chokepoint/graph-schema";
import type { ChangeBatch } from "../../../server/src/domain/graph-store";
import { EmbeddedGraphStore } from "../../../server/src/store/embedded";
import { SNAPSHOT_TEMP } from "../../../server/src/store/embedded/snapshot-file";
import { DIST_STORE, GraphModel, assertFreshBuild, contentOf, edge, node, prng, recordingLogger, tempDir } from "./helpers";

/**
 * kill -9 at 20 seeded moments while a child process writes: after every kill, reopening the
 * directory must show a prefix of the write sequence that contains every acknowledged write and
 * at most the one write that was in flight (RELIABILITY.md, "Store faults"). One directory is used
 * throughout, so each round also recovers from whatever the previous kill and recovery left.
 */

const KILLS = 20;
const SEED = 0xc0ffee;
const STEPS = 600;
const FILLER = 1000;
const SNAPSHOT_EVERY_RECORDS = 6;
/** Small, so that the larger writes span several log records and must commit as one. */
const LOG_PART_BYTES = 2048;

type Step = { batch: ChangeBatch } | { import: InterchangeGraph };

function isMultiRecordStep(s: number): boolean {
  return s % 3 === 0;
}

function progress(step: number) {
  return node("progress", "Product", { attrs: { step } });
}

function seedGraph(): InterchangeGraph {
  const nodes = [progress(0)];
  for (let i = 0; i < FILLER; i++) nodes.push(node(`filler-${i}`, "Material", { name: { zh: `填充${i}`, en: `Filler ${i}` } }));
  return { format: INTERCHANGE_FORMAT, version: INTERCHANGE_VERSION, documents: [], nodes, edges: [] };
}

/** Step s (1-based) always moves `progress` to s, adds w-s chained from w-(s-1), deletes an older
 *  link every 4th step (cascading its edges), rewrites a block of 120 filler nodes every 3rd (a multi-record
 *  write) and arrives as an import every 9th. */
function sequence(): Step[] {
  const steps: Step[] = [];
  for (let s = 1; s <= STEPS; s++) {
    const upsertNodes = [progress(s), node(`w-${s}`, "Component", { attrs: { at: s } })];
    const upsertEdges = s > 1 ? [edge(`w-${s - 1}`, `w-${s}`)] : [];
    if (isMultiRecordStep(s)) for (let k = 0; k < 120; k++) upsertNodes.push(node(`filler-${(s * 120 + k) % FILLER}`, "Material", { attrs: { touched: s } }));
    if (s % 9 === 0) {
      steps.push({ import: { format: INTERCHANGE_FORMAT, version: INTERCHANGE_VERSION, documents: [], nodes: upsertNodes, edges: upsertEdges } });
      continue;
    }
    const batch: ChangeBatch = {
      upsertNodes,
      upsertEdges,
      ...(s % 4 === 0 && s > 2 && { deleteNodes: [`w-${s - 2}`] }),
      ...(s % 5 === 0 && s > 3 && { deleteEdges: [{ from: `w-${s - 3}`, to: `w-${s - 2}`, kind: "REQUIRES" as const }] }),
    };
    steps.push({ batch });
  }
  return steps;
}

function expectedStates(steps: readonly Step[], upTo: number): GraphModel[] {
  const model = new GraphModel();
  model.apply({ upsertNodes: seedGraph().nodes });
  const states = [model.clone()];
  for (const step of steps.slice(0, upTo)) {
    model.apply("batch" in step ? step.batch : { upsertNodes: step.import.nodes, upsertEdges: step.import.edges });
    states.push(model.clone());
  }
  return states;
}

interface Round {
  readonly acked: number;
  readonly sawReady: boolean;
}

type CrashOp = "write" | "sync" | "datasync" | "rename" | "truncate";

/** When the child dies: SIGKILL from the parent `delayMs` after spawn (start-up, recovery,
 *  seeding) or after `afterAcks` acknowledgements; or SIGKILL it sends itself just before or
 *  after its `nth` call of one file operation once it is writing (see fixtures/kill-writer.js). */
type Moment =
  | { readonly by: "parent"; readonly afterAcks: number | null; readonly delayMs: number }
  | { readonly by: "self"; readonly op: CrashOp; readonly nth: number; readonly when: "before" | "after" };

function describeMoment(m: Moment): string {
  if (m.by === "self") return `${m.when} ${m.op} #${m.nth}`;
  return m.afterAcks === null ? `${m.delayMs}ms after spawn` : `${m.afterAcks} acks + ${m.delayMs}ms`;
}

/** 20 moments: a fixed mix of kinds (so every crash point is covered on every run), with the
 *  counts and delays drawn from the seeded PRNG. */
function moments(rnd: () => number): Moment[] {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const when = () => pick(["before", "after"] as const);
  const plan: (() => Moment)[] = [
    () => ({ by: "parent", afterAcks: null, delayMs: Math.floor(rnd() * 150) }),
    () => ({ by: "parent", afterAcks: Math.floor(rnd() * 8), delayMs: Math.floor(rnd() * 5) }),
    () => ({ by: "self", op: "write", nth: 1 + Math.floor(rnd() * 40), when: when() }),
    () => ({ by: "self", op: "datasync", nth: 1 + Math.floor(rnd() * 8), when: when() }),
    () => ({ by: "self", op: "rename", nth: 1 + Math.floor(rnd() * 2), when: when() }),
    () => ({ by: "self", op: "truncate", nth: 1 + Math.floor(rnd() * 2), when: when() }),
    () => ({ by: "self", op: "sync", nth: 1 + Math.floor(rnd() * 4), when: when() }),
  ];
  const kinds = [0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 4, 4, 4, 5, 5, 6, 6];
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }
  return kinds.map((k) => plan[k]!());
}

/** Runs the child until it is killed and collects every ack it printed. */
function runChild(args: readonly string[], moment: Moment): Promise<Round> {
  return new Promise((resolvePromise, reject) => {
    const crashPlan = moment.by === "self" ? { op: moment.op, nth: moment.nth, when: moment.when } : null;
    const child = spawn(process.execPath, [...args, JSON.stringify(crashPlan)], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let acks = 0;
    let acked = -1;
    let sawReady = false;
    let killScheduled = false;
    const kill = () => {
      if (killScheduled || moment.by !== "parent") return;
      killScheduled = true;
      setTimeout(() => child.kill("SIGKILL"), moment.delayMs);
    };
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      let nl: number;
      while ((nl = out.indexOf("\n")) >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        const [word, n] = line.split(" ");
        if (word === "ready") {
          sawReady = true;
          acked = Math.max(acked, Number(n));
        } else if (word === "ack") {
          acks++;
          acked = Math.max(acked, Number(n));
        } else {
          continue;
        }
        if (moment.by === "parent" && moment.afterAcks !== null && acks >= moment.afterAcks) kill();
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (signal !== "SIGKILL") reject(new Error(`writer exited on its own (code ${code}): ${err}`));
      else resolvePromise({ acked, sawReady });
    });
    if (moment.by === "parent" && moment.afterAcks === null) kill();
  });
}

describe("embedded store: kill -9 during writes", () => {
  beforeAll(() => assertFreshBuild());

  it(`shows every acknowledged write and nothing beyond the one in flight, over ${KILLS} kills`, async () => {
    const tmp = await tempDir("kill");
    try {
      const steps = sequence();
      const sequenceFile = join(tmp.dir, "sequence.json");
      const seedFile = join(tmp.dir, "seed.json");
      await writeFile(sequenceFile, JSON.stringify(steps));
      await writeFile(seedFile, JSON.stringify(seedGraph()));
      const dataDir = join(tmp.dir, "data");
      const args = [join(__dirname, "fixtures/kill-writer.js"), DIST_STORE, dataDir, sequenceFile, seedFile, String(SNAPSHOT_EVERY_RECORDS), String(LOG_PART_BYTES)];
      const states = expectedStates(steps, STEPS);
      const plan = moments(prng(SEED));

      let verified: number | null = null;
      const stats = { moments: [] as string[], tornTails: 0, duringSnapshot: 0, inFlightLanded: 0 };
      for (let round = 0; round < KILLS; round++) {
        const moment = plan[round]!;
        stats.moments.push(describeMoment(moment));
        const { acked } = await runChild(args, moment);
        if (existsSync(join(dataDir, SNAPSHOT_TEMP))) stats.duringSnapshot++;

        const logger = recordingLogger();
        const store = await EmbeddedGraphStore.open({ dir: dataDir, logger });
        const p = await store.getNode("progress");
        const floor = Math.max(acked, verified ?? -1);
        if (p === null) {
          // Killed before the seed was committed: only possible while nothing was ever acknowledged.
          expect(floor).toBe(-1);
          expect((await store.counts()).version).toBe(0);
          await store.close();
          continue;
        }
        const step = p.node.attrs.step!;
        expect(step).toBeGreaterThanOrEqual(Math.max(floor, 0));
        expect(step).toBeLessThanOrEqual(Math.max(floor, 0) + 1);
        if (step > floor && floor >= 0) stats.inFlightLanded++;
        expect(await contentOf(store)).toEqual(states[step]!.sorted());
        if (logger.warnings.length > 0) stats.tornTails++;
        verified = step;
        await store.close();
      }
      expect(verified).toBeGreaterThan(10);
      console.log(
        `kill -9 x${KILLS}: reached step ${verified}; ${stats.tornTails} recoveries dropped a torn or uncommitted tail, ` +
          `${stats.duringSnapshot} kills interrupted a snapshot, ${stats.inFlightLanded} in-flight writes landed; moments: ${stats.moments.join(", ")}`,
      );
    } finally {
      await tmp.remove();
    }
  });
});
