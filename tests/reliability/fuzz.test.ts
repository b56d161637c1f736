import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import fc from "fast-check";
import { buildSchema } from "graphql";
import { ERROR_CODES } from "@chokepoint/graph-schema";
import { startServe, waitForExit } from "../cli/run-cli";
import { mutatedDocument, schemaOperation, type FuzzRequest, type Pools } from "./graphql-arbitraries";
import { EDITOR_TOKEN, READ_TOKEN, ROOT, SEED_GRAPH, leakIn } from "./harness";

/**
 * Fuzzes the API over real HTTP against `chokepoint serve` in production mode (a child process, so
 * a crash shows as a dead process rather than a dead test runner): schema-derived operations and
 * damaged valid documents, as anonymous, reader and editor. Every answer must be below 500, be
 * JSON with coded errors (and no INTERNAL: that is a masked crash), and carry no stack trace, path
 * or driver text; the process must still be serving afterwards and must have logged no error.
 *
 * `npm test` runs 1,000 + 1,000 requests from a fixed seed. The full run is `FUZZ_RUNS=10000
 * FUZZ_SEED=random npx jest tests/reliability/fuzz.test.ts` (also run by `BENCH_FULL=1 npm run
 * bench`); `FUZZ_SEED=<n>` with the same FUZZ_RUNS replays a reported failure (the seed is printed
 * with every run).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
/** `npm test` uses a fixed seed, so it is repeatable; `FUZZ_SEED=random` explores (the full run
 *  does), and `FUZZ_SEED=<n>` replays. */
const SEED_SETTING = process.env.FUZZ_SEED ?? "20261122";
const SEED = SEED_SETTING === "random" ? undefined : Number(SEED_SETTING);
const CONCURRENCY = 6;
/** Generous: ~20 ms a request on a loaded 2-core machine, so 10,000 take a few minutes. */
const TIMEOUT_MS = Math.max(600_000, RUNS * 100);

/** Codes a response may carry: ours and the request-level ones of Apollo and graphql-js. */
const ALLOWED_CODES = new Set<string>([
  ...ERROR_CODES.filter((c) => c !== "INTERNAL"),
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
]);

interface Tally {
  requests: number;
  readonly statuses: Map<number, number>;
  readonly codes: Map<string, number>;
  readonly ms: number[];
}

function newTally(): Tally {
  return { requests: 0, statuses: new Map(), codes: new Map(), ms: [] };
}

function bump<K>(m: Map<K, number>, k: K): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function describeTally(name: string, t: Tally): string {
  const ms = [...t.ms].sort((a, b) => a - b);
  const statuses = [...t.statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(" ");
  const codes = [...t.codes].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c}×${n}`).join(" ");
  return `${name}: ${t.requests} requests; status ${statuses}; median ${percentile(ms, 50).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms, max ${percentile(ms, 100).toFixed(1)} ms\n  codes: ${codes}`;
}

/** What is wrong with one answer, or undefined. */
function problemWith(status: number, text: string, sent: string): string | undefined {
  if (status >= 500) return `status ${status}`;
  const leak = leakIn(text, sent);
  if (leak) return `response leaks a ${leak}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return "response is not JSON";
  }
  if (typeof body !== "object" || body === null) return "response is not a JSON object";
  const { data, errors } = body as { data?: unknown; errors?: unknown };
  if (data === undefined && errors === undefined) return "response has neither data nor errors";
  if (errors !== undefined) {
    if (!Array.isArray(errors) || errors.length === 0) return "errors is not a non-empty list";
    for (const e of errors as { extensions?: { code?: unknown } }[]) {
      const code = e?.extensions?.code;
      if (typeof code !== "string") return "an error without extensions.code";
      if (!ALLOWED_CODES.has(code)) return `unexpected code ${code}`;
    }
  }
  if (status !== 200 && errors === undefined) return `status ${status} without errors`;
  return undefined;
}

function readPools(): Pools {
  const graph = JSON.parse(readFileSync(SEED_GRAPH, "utf8")) as { nodes: { id: string; kind: string }[] };
  const products = graph.nodes.filter((n) => n.kind === "Product").slice(0, 20);
  const others = graph.nodes.filter((n) => n.kind !== "Product").slice(0, 40);
  return { ids: [...products, ...others].map((n) => n.id) };
}

describe(`GraphQL fuzzing over HTTP (${RUNS} + ${RUNS} requests)`, () => {
  let child: ChildProcess;
  let url: string;
  let output: () => string;
  let dir: string;
  const schema = buildSchema(readFileSync(path.join(ROOT, "server", "schema.graphql"), "utf8"));
  const pools = readPools();
  const tallies: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "chokepoint-fuzz-"));
    ({ child, url, output } = await startServe({
      NODE_ENV: "production",
      CHOKEPOINT_DATA_DIR: dir,
      CHOKEPOINT_SEED_FILE: SEED_GRAPH,
      CHOKEPOINT_READ_TOKEN: READ_TOKEN,
      CHOKEPOINT_EDITOR_TOKENS: EDITOR_TOKEN,
    }));
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await waitForExit(child, 15_000);
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
    process.stdout.write(`${tallies.join("\n")}\n`);
  });

  async function send(r: FuzzRequest, tally: Tally): Promise<string | undefined> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (r.role === "reader") headers.authorization = `Bearer ${READ_TOKEN}`;
    if (r.role === "editor") headers.authorization = `Bearer ${EDITOR_TOKEN}`;
    const t0 = performance.now();
    const res = await fetch(`${url}/graphql`, { method: "POST", headers, body: r.body, signal: AbortSignal.timeout(20_000) });
    const text = await res.text();
    tally.ms.push(performance.now() - t0);
    tally.requests++;
    bump(tally.statuses, res.status);
    try {
      const errors = (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors;
      for (const e of errors ?? []) bump(tally.codes, e.extensions?.code ?? "<none>");
    } catch {
      bump(tally.codes, "<not JSON>");
    }
    return problemWith(res.status, text, r.body);
  }

  /** Draws RUNS requests from a seeded generator and sends them CONCURRENCY at a time, so reads
   *  also meet editors' writes in flight (a replay repeats every request, not their interleaving). A failure
   *  names the seed and the request's index, and prints the body as sent: no shrinking, since each
   *  shrink step would be an HTTP request. */
  async function fuzz(name: string, arb: fc.Arbitrary<FuzzRequest>): Promise<void> {
    const seed = SEED ?? Date.now() ^ (Math.random() * 0x7fffffff);
    const requests = fc.sample(arb, { numRuns: RUNS, seed });
    const tally = newTally();
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < requests.length && failures.length === 0) {
        const index = next++;
        const r = requests[index]!;
        const problem = await send(r, tally);
        if (problem !== undefined) failures.push(`${name} request ${index} of seed ${seed} (replay: FUZZ_SEED=${seed} FUZZ_RUNS=${RUNS}): ${problem}\nrole: ${r.role}\nbody: ${r.summary}`);
      }
    };
    try {
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    } finally {
      tallies.push(`${describeTally(name, tally)}\n  seed ${seed}`);
    }
    expect(failures).toEqual([]);
  }

  it("schema-derived operations: no 5xx, no leaks, only known codes", async () => {
    await fuzz("schema-derived", schemaOperation(schema, pools));
  }, TIMEOUT_MS);

  it("damaged documents and bodies: no 5xx, no leaks, only known codes", async () => {
    await fuzz("mutated", mutatedDocument(pools));
  }, TIMEOUT_MS);

  it("the server is alive afterwards and logged no internal error", async () => {
    expect(child.exitCode).toBeNull();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    expect(output()).not.toMatch(/INTERNAL|unhandled|error [0-9a-f-]{36}/);
  });
});
