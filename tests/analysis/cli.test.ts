/**
 * `chokepoint analyze` and `chokepoint scenario`, run in-process through their command objects
 * with a fake CliContext: JSON shape, store vs `--graph FILE`, and coded errors.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ChokepointError, type GraphEdge, type GraphNode } from "@chokepoint/graph-schema";
import type { CliContext } from "../../server/src/cli/command";
import { analyzeCommand } from "../../server/src/cli/commands/analyze";
import { scenarioCommand } from "../../server/src/cli/commands/scenario";
import type { GraphSnapshot, GraphStore } from "../../server/src/domain/graph-store";
import { regionHierarchy } from "./fixtures";

const SAMPLE = path.join(__dirname, "../../seeds/sample/sample-graph.json");

interface Captured {
  readonly ctx: CliContext;
  readonly out: () => string;
  readonly closed: () => number;
}

function fakeContext(cwd: string, snapshot?: GraphSnapshot): Captured {
  let out = "";
  let closed = 0;
  const store = {
    kind: "embedded",
    snapshot: async () => snapshot!,
    close: async () => {
      closed++;
    },
  } as unknown as GraphStore;
  return {
    ctx: {
      stdout: (t) => {
        out += t;
      },
      stderr: () => undefined,
      openStore: async () => {
        if (!snapshot) throw new Error("the test did not expect the store to be opened");
        return store;
      },
      cwd,
      seedsDir: path.join(__dirname, "../../seeds"),
      serve: async () => {
        throw new Error("the analysis commands never serve");
      },
    },
    out: () => out,
    closed: () => closed,
  };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ChokepointError) return e.code;
    throw e;
  }
  return "none";
}

describe("analyze and scenario commands", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "chokepoint-analysis-cli-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("analyze --graph FILE --json prints the documented shape", async () => {
    const c = fakeContext(dir);
    expect(await analyzeCommand.run(["--graph", SAMPLE, "--json"], c.ctx)).toBe(0);
    const report = JSON.parse(c.out());
    expect(report).toMatchObject({ format: "chokepoint/analysis", version: 1, graph: { version: null, nodes: 8, edges: 8 } });
    const iv = report.products.find((p: { id: string }) => p.id === "invasive-ventilator");
    expect(iv.spofs).toEqual(
      expect.arrayContaining([
        { id: "turbine-blower", kind: "Component", path: ["invasive-ventilator", "turbine-blower"], inferred: true },
        { id: "europe-north-america", kind: "Region", path: ["invasive-ventilator", "turbine-blower", "europe-north-america"], inferred: true },
      ]),
    );
    expect(report.criticality[0]).toMatchObject({ id: expect.any(String), products: ["invasive-ventilator"] });
    expect(report.mappingGaps).toEqual([]);
    for (const key of ["findings", "soleSource", "singleRegion", "concentration", "risk", "articulationPoints"]) expect(report).toHaveProperty(key);
  });

  it("scenario --fail REGION --graph FILE --json lists the product with its explanation", async () => {
    const c = fakeContext(dir);
    expect(await scenarioCommand.run(["--fail", "europe-north-america", "--graph", SAMPLE, "--json"], c.ctx)).toBe(0);
    const report = JSON.parse(c.out());
    expect(report).toMatchObject({ format: "chokepoint/scenario", version: 1, failed: ["europe-north-america"] });
    expect(report.disabled).toEqual([
      expect.objectContaining({ id: "invasive-ventilator", explanation: ["invasive-ventilator", "turbine-blower", "europe-north-america"] }),
    ]);
    expect(report.disabled[0].steps.map((s: { rule: string }) => s.rule)).toEqual(["requires", "sole-source"]);
  });

  it("accepts several --fail values, comma-separated or repeated", async () => {
    const c = fakeContext(dir);
    await scenarioCommand.run(["--fail", "valve-maker-de, zhejiang", "--graph", SAMPLE, "--json"], c.ctx);
    expect(JSON.parse(c.out()).failed).toEqual(["valve-maker-de", "zhejiang"]);
    const d = fakeContext(dir);
    await scenarioCommand.run(["--fail", "valve-maker-de", "--fail", "zhejiang", "--graph", SAMPLE, "--json"], d.ctx);
    expect(JSON.parse(d.out())).toMatchObject({ failed: ["valve-maker-de", "zhejiang"], exposed: ["invasive-ventilator"] });
  });

  it("reads the store without --graph, and closes it", async () => {
    const f = regionHierarchy();
    const snapshot: GraphSnapshot = { version: 7, documents: [], nodes: f.nodes as GraphNode[], edges: f.edges as GraphEdge[] };
    const c = fakeContext(dir, snapshot);
    expect(await analyzeCommand.run(["--json"], c.ctx)).toBe(0);
    expect(JSON.parse(c.out()).graph).toEqual({ version: 7, nodes: 12, edges: 12 });
    expect(c.closed()).toBe(1);
    const s = fakeContext(dir, snapshot);
    expect(await scenarioCommand.run(["--fail", "china"], s.ctx)).toBe(0);
    expect(s.out()).toContain("p → m → s1 → zhejiang → china");
    expect(s.out()).toContain("EXPOSED for 70 days");
    expect(s.closed()).toBe(1);
  });

  it("prints a readable summary without --json", async () => {
    const c = fakeContext(dir);
    await analyzeCommand.run(["--graph", SAMPLE], c.ctx);
    expect(c.out()).toContain("invasive-ventilator (有创呼吸机 / Invasive ventilator): 3 SPOFs");
  });

  it("fails with coded errors: unknown ids, bad files, bad usage", async () => {
    const c = fakeContext(dir);
    expect(await codeOf(scenarioCommand.run(["--fail", "atlantis", "--graph", SAMPLE, "--json"], c.ctx))).toBe("UNKNOWN_NODE");
    expect(await codeOf(scenarioCommand.run(["--graph", SAMPLE], c.ctx))).toBe("USAGE");
    expect(await codeOf(scenarioCommand.run(["--fail", " , ", "--graph", SAMPLE], c.ctx))).toBe("USAGE");
    expect(await codeOf(analyzeCommand.run(["extra", "--graph", SAMPLE], c.ctx))).toBe("USAGE");
    expect(await codeOf(analyzeCommand.run(["--top", "many", "--graph", SAMPLE], c.ctx))).toBe("USAGE");
    const notJson = path.join(dir, "bad.json");
    writeFileSync(notJson, "{ not json");
    expect(await codeOf(analyzeCommand.run(["--graph", notJson, "--json"], c.ctx))).toBe("JSON_INVALID");
    const invalid = path.join(dir, "invalid.json");
    const g = JSON.parse(readFileSync(SAMPLE, "utf8"));
    g.edges.push({ from: "invasive-ventilator", to: "ghost", kind: "REQUIRES" });
    writeFileSync(invalid, JSON.stringify(g));
    expect(await codeOf(analyzeCommand.run(["--graph", invalid, "--json"], c.ctx))).toBe("VALIDATION_FAILED");
    expect(await codeOf(scenarioCommand.run(["--fail", "zhejiang", "--graph", path.join(dir, "absent.json")], c.ctx))).toBe("NOT_FOUND");
    expect(c.out()).toBe("");
  });
});
