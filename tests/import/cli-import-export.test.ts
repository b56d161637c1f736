import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../cli/run-cli";
import { SAMPLE_GRAPH } from "./store-helpers";

describe("chokepoint import / export (CLI)", () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "chokepoint-cli-io-"));
    env = { CHOKEPOINT_DATA_DIR: path.join(dir, "data"), CHOKEPOINT_SEED_FILE: SAMPLE_GRAPH };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("imports a nodes.csv + edges.csv pair atomically, reports JSON, and exports CSV, GraphML and a filtered view", () => {
    writeFileSync(path.join(dir, "nodes.csv"), "id,kind,name_zh,name_en,flags\nflow-sensor,Component,流量传感器,Flow sensor,IMPORT_DEPENDENT\n");
    writeFileSync(path.join(dir, "edges.csv"), "from,to,kind,share\ninvasive-ventilator,flow-sensor,REQUIRES,\nflow-sensor,valve-maker-de,SOURCED_FROM,0.5\n");
    const r = runCli(["import", path.join(dir, "nodes.csv"), "--edges", path.join(dir, "edges.csv"), "--json"], env);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toMatchObject({ nodesUpserted: 1, edgesUpserted: 2, unchanged: 0, version: expect.any(Number) });
    expect(Object.keys(JSON.parse(r.stdout)).sort()).toEqual(["edgesUpserted", "file", "nodesUpserted", "unchanged", "version"]);

    const out = path.join(dir, "out");
    expect(runCli(["export", "--format", "csv", "--out", out], env).status).toBe(0);
    expect(readFileSync(path.join(out, "nodes.csv"), "utf8")).toContain("flow-sensor,Component,流量传感器,Flow sensor,,,IMPORT_DEPENDENT,");
    expect(readFileSync(path.join(out, "edges.csv"), "utf8")).toContain("flow-sensor,valve-maker-de,SOURCED_FROM,,0.5,");
    // An edges file alone is recognised by its header; importing what was exported changes nothing.
    const again = runCli(["import", path.join(out, "edges.csv"), "--json"], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ nodesUpserted: 0, edgesUpserted: 0, unchanged: 10 });

    const graphml = runCli(["export", "--format", "graphml", "--focus", "flow-sensor"], env);
    expect(graphml.stdout.match(/<node /g)).toHaveLength(3);
    const regions = runCli(["export", "--kind", "Region", "--out", path.join(dir, "regions.json")], env);
    expect(regions.status).toBe(0);
    expect((JSON.parse(readFileSync(path.join(dir, "regions.json"), "utf8")) as { nodes: unknown[] }).nodes).toHaveLength(3);
    expect(existsSync(path.join(dir, `regions.json.${process.pid}.tmp`))).toBe(false);
  });

  it("refuses a pair whose edges file is bad, writing neither file's rows", () => {
    writeFileSync(path.join(dir, "n2.csv"), "id,kind,name_en\nlonely-part,Component,Lonely\n");
    writeFileSync(path.join(dir, "e2.csv"), "from,to,kind\nlonely-part,nowhere,REQUIRES\n");
    const r = runCli(["import", path.join(dir, "n2.csv"), "--edges", path.join(dir, "e2.csv")], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("EDGE_ENDPOINT_MISSING at row 2, column to");
    expect(runCli(["export", "--kind", "Component"], env).stdout).not.toContain("lonely-part");
  });
});
