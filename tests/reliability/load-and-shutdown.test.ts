import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import {
  SCENARIO_QUERY,
  SPOFS_QUERY,
  graphqlBody,
  mixedRequests,
  runLoad,
  seedPicks,
  startServeChild,
  type BodyCheck,
  type LoadResult,
} from "../../scripts/bench/api";
import { ROOT, SEED_GRAPH } from "./harness";

/**
 * Load and process behaviour of `chokepoint serve` (RELIABILITY.md "Process"), against the built
 * CLI as a child process on the seed graph: a mixed load with no errors; SIGTERM in the middle of
 * load, with requests in flight that must still be answered, and exit 0 within the 10 s grace;
 * an unhandled rejection and a taken port each end the process with one clear line and a
 * non-zero code. `LOAD_SECONDS` sets the load run (5 in `npm test`; 30 in `BENCH_FULL=1 npm run bench`).
 */

const LOAD_SECONDS = Number(process.env.LOAD_SECONDS ?? 5);
const picks = seedPicks(SEED_GRAPH);

function summary(r: LoadResult): string {
  return `${r.requests} requests, ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms, errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}`;
}

describe("mixed load (search, node, spofs, scenario)", () => {
  it(`${LOAD_SECONDS} s at 20 connections: every answer 2xx without GraphQL errors`, async () => {
    const server = await startServeChild({ seedFile: SEED_GRAPH });
    try {
      const check: BodyCheck = { checked: 0, withErrors: 0 };
      const r = await runLoad({ url: server.url, seconds: LOAD_SECONDS, connections: 20, requests: mixedRequests(picks, check) });
      process.stdout.write(`mixed load: ${summary(r)}; bodies checked ${check.checked}\n`);
      expect(r.requests).toBeGreaterThan(0);
      expect({ errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, graphqlErrors: check.withErrors, firstError: check.firstError }).toEqual({
        errors: 0,
        timeouts: 0,
        non2xx: 0,
        graphqlErrors: 0,
        firstError: undefined,
      });
      expect(check.checked).toBe(r.requests);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 60_000 + LOAD_SECONDS * 1000);
});

/** A POST whose body arrives in two parts; the server has the request (headers, half the body)
 *  before `finish` sends the rest, so it is in flight for as long as we like. */
function slowRequest(url: string, body: string): { finish: () => void; response: Promise<{ status: number; text: string }> } {
  const u = new URL(`${url}/graphql`);
  const bytes = Buffer.from(body);
  const half = Math.floor(bytes.length / 2);
  const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: "POST", agent: false, headers: { "content-type": "application/json", "content-length": bytes.length } });
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.on("response", (res) => {
      let text = "";
      res.on("data", (d: Buffer) => (text += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
  req.write(bytes.subarray(0, half));
  return { finish: () => req.end(bytes.subarray(half)), response };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

describe("SIGTERM under load", () => {
  it("answers the requests in flight, refuses new connections, and exits 0 within the grace period", async () => {
    const server = await startServeChild({ seedFile: SEED_GRAPH });
    const load = runLoad({ url: server.url, seconds: 4, connections: 10, requests: mixedRequests(picks) });
    await sleep(1000);
    const inFlight = [
      slowRequest(server.url, graphqlBody(SPOFS_QUERY, { id: picks.product })),
      slowRequest(server.url, graphqlBody(SCENARIO_QUERY, { fail: [picks.region] })),
      slowRequest(server.url, graphqlBody(SPOFS_QUERY, { id: picks.product })),
    ];
    await sleep(300);
    const exit = new Promise<{ code: number | null; ms: number }>((resolve) => {
      const t0 = performance.now();
      server.child.once("exit", (code) => resolve({ code, ms: performance.now() - t0 }));
    });
    server.child.kill("SIGTERM");
    await sleep(500);
    const refused = await fetch(`${server.url}/healthz`).then(
      () => "answered",
      () => "refused",
    );
    for (const r of inFlight) r.finish();
    const answers = await Promise.all(inFlight.map((r) => r.response));
    const { code, ms } = await exit;
    const loaded = await load;
    process.stdout.write(
      `SIGTERM under load: exit ${code} ${ms.toFixed(0)} ms after the signal; ${answers.filter((a) => a.status === 200).length}/${answers.length} in-flight requests answered; ` +
        `new connection after SIGTERM: ${refused}; load before and during: ${summary(loaded)}\n`,
    );
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.text).not.toContain('"errors"');
    }
    expect(refused).toBe("refused");
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expect(server.output()).toMatch(/SIGTERM: draining/);
  }, 60_000);
});

describe("process failures", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "chokepoint-proc-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", CHOKEPOINT_DATA_DIR: dir, CHOKEPOINT_SEED_FILE: SEED_GRAPH, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`process did not exit: ${stdout}${stderr}`));
      }, 20_000);
      child.once("exit", (code) => {
        clearTimeout(t);
        resolve({ code, stderr, stdout });
      });
    });
  }

  it("an unhandled rejection in the serving process is logged in one line and exits non-zero", async () => {
    // The real entry point, plus one rejected promise nobody handles once the server is up.
    const cli = path.join(ROOT, "server", "dist", "cli", "index.js");
    const script = `require(${JSON.stringify(cli)}).main(["serve"]); setTimeout(() => { Promise.reject(new Error("injected failure")); }, 1500);`;
    const r = await run(["-e", script], { PORT: "0" });
    expect(r.stdout).toMatch(/serving/);
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBeNull();
    expect(r.stderr).toMatch(/^chokepoint: INTERNAL: unhandled rejection: Error: injected failure$/m);
  });

  it("a taken port gives one clear line and a non-zero exit", async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const port = (holder.address() as net.AddressInfo).port;
    try {
      const r = await run([path.join(ROOT, "server", "bin", "chokepoint.js"), "serve"], { PORT: String(port) });
      expect(r.code).toBe(1);
      const lines = r.stderr.split("\n").filter((l) => l.trim() !== "");
      expect(lines).toEqual([`chokepoint: CONFIG_INVALID: port ${port} on 127.0.0.1 is already in use; set PORT to another port`]);
    } finally {
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    }
  });
});
