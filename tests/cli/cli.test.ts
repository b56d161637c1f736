import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { analyzeReport, compact } from "../../server/src/analysis";
import { readGraphFile } from "../../server/src/import/read-interchange-file";
import { BIN, ROOT, runCli, startServe, waitForExit } from "./run-cli";

const SAMPLE = path.join(ROOT, "seeds", "sample", "sample-graph.json");
const sample = () => JSON.parse(readFileSync(SAMPLE, "utf8")) as { format: string; nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };

describe("chokepoint CLI", () => {
  let dir: string;
  let env: Record<string, string>;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "chokepoint-cli-"));
    env = { CHOKEPOINT_DATA_DIR: path.join(dir, "data"), CHOKEPOINT_SEED_FILE: SAMPLE };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const badFiles: [string, (g: ReturnType<typeof sample>) => unknown, string][] = [
    ["wrong format tag", (g) => ({ ...g, format: "gephi/graph" }), "FORMAT_INVALID"],
    ["missing fields", (g) => ({ ...g, nodes: [...g.nodes, { id: "no-kind" }] }), "KIND_UNKNOWN"],
    ["edge to an unknown node", (g) => ({ ...g, edges: [...g.edges, { from: "invasive-ventilator", to: "ghost-part", kind: "REQUIRES" }] }), "EDGE_ENDPOINT_MISSING"],
    ["unknown kind", (g) => ({ ...g, edges: [...g.edges, { from: "invasive-ventilator", to: "turbine-blower", kind: "SUPPLIES`]->() DELETE" }] }), "EDGE_KIND_UNKNOWN"],
  ];

  it.each(badFiles)("rejects a file with %s, with a coded error and zero writes", (_name, mutate, code) => {
    const before = runCli(["export", "--format", "json"], env);
    expect(before.status).toBe(0);
    // Add a valid new node too, so a partial write would be visible.
    const g = sample();
    g.nodes.push({ id: "new-valid-node", kind: "Component", name: { en: "New" } });
    const file = path.join(dir, "bad.json");
    writeFileSync(file, JSON.stringify(mutate(g)));
    const r = runCli(["import", file], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(code);
    expect(r.stderr.split("\n")[0]).toMatch(/^chokepoint: VALIDATION_FAILED: /);
    expect(runCli(["export", "--format", "json"], env).stdout).toBe(before.stdout);
  });

  it("rejects a file that is not JSON, and a missing file", () => {
    const file = path.join(dir, "binary.json");
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    expect(runCli(["import", file], env)).toMatchObject({ status: 1, stderr: expect.stringContaining("JSON_INVALID") });
    expect(runCli(["import", path.join(dir, "absent.json")], env)).toMatchObject({ status: 1, stderr: expect.stringContaining("NOT_FOUND") });
  });

  it("imports a valid file, and a second import of it changes nothing", () => {
    const g = sample();
    g.nodes.push({ id: "flow-sensor", kind: "Component", name: { zh: "流量传感器", en: "Flow sensor" } });
    g.edges.push({ from: "invasive-ventilator", to: "flow-sensor", kind: "REQUIRES" });
    const file = path.join(dir, "more.json");
    writeFileSync(file, JSON.stringify(g));
    const first = runCli(["import", file, "--json"], env);
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ nodesUpserted: 1, edgesUpserted: 1 });
    const second = JSON.parse(runCli(["import", file, "--json"], env).stdout) as { nodesUpserted: number; edgesUpserted: number; version: number };
    expect(second).toMatchObject({ nodesUpserted: 0, edgesUpserted: 0, version: JSON.parse(first.stdout).version });
    const exported = JSON.parse(runCli(["export"], env).stdout) as { nodes: { id: string }[] };
    expect(exported.nodes.map((n) => n.id)).toContain("flow-sensor");
  });

  it("prints usage errors with exit code 2", () => {
    expect(runCli(["frobnicate"], env)).toMatchObject({ status: 2, stderr: expect.stringContaining("USAGE") });
    expect(runCli(["import"], env)).toMatchObject({ status: 2 });
    expect(runCli(["export", "--format", "xml"], env)).toMatchObject({ status: 2 });
    expect(runCli(["help"], env).stdout).toContain("import");
  });

  it("analyze --graph FILE --json writes exactly the report's JSON (as bytes, straight to stdout)", () => {
    // A graph whose names are not ASCII (the sample has Chinese names), written through the
    // CLI's byte sink; the same bytes as the report object's JSON.
    const g = sample();
    g.nodes.push({ id: "naive-cafe", kind: "Component", name: { en: "Naïve café \u{1F600}", zh: "咖啡" } });
    g.edges.push({ from: "invasive-ventilator", to: "naive-cafe", kind: "REQUIRES" });
    const file = path.join(dir, "graph.json");
    writeFileSync(file, JSON.stringify(g));
    const r = spawnSync(process.execPath, [BIN, "analyze", "--graph", file, "--json"], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 });
    expect(r.status).toBe(0);
    const { graph, columns } = readGraphFile(file);
    const expected = `${JSON.stringify(analyzeReport(compact({ nodes: graph.nodes, edges: graph.edges, columns })))}\n`;
    expect(r.stdout.equals(Buffer.from(expected, "utf8"))).toBe(true);
    expect(expected).toContain("naive-cafe");
  });

  it("refuses bad configuration in one line", () => {
    const r = runCli(["export"], { ...env, PORT: "eighty" });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('chokepoint: CONFIG_INVALID: PORT must be a whole number from 0 to 65535, not "eighty"');
  });

  it("serves, refuses a second server on the same data directory, and drains on SIGTERM", async () => {
    const first = await startServe(env);
    try {
      const health = await fetch(`${first.url}/healthz`);
      expect(health.status).toBe(200);
      const second = runCli(["serve"], env);
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(/^chokepoint: STORE_LOCKED: .*in use/m);
    } finally {
      first.child.kill("SIGTERM");
    }
    expect(await waitForExit(first.child, 10_000)).toBe(0);
  });
});
