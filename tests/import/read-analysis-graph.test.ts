/**
 * `readAnalysisGraph` (analyze/scenario --graph FILE) reads a plain file's edges from its bytes,
 * with the scan on a worker thread for large files. Whatever path it takes, the graph must be the
 * one full validation gives, and a bad file must fail exactly as full validation fails. The
 * compiled module is used where the worker should run: its script exists only in the build.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { GraphColumns } from "@chokepoint/graph-schema";
import { generateSupplyGraph } from "../../scripts/synthetic/generate";
import { writeInterchange } from "../../scripts/synthetic/write";
import * as fromSources from "../../server/src/import/read-analysis-graph";
import { textOf, validateGraphBytes } from "../../server/src/import/read-interchange-file";
import { columnsAsArrays } from "../graph-schema/random-documents";

type Reader = typeof fromSources;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const compiled = require(path.resolve(__dirname, "..", "..", "server", "dist", "import", "read-analysis-graph")) as Reader;

function expected(file: string): { nodes: string; columns: unknown; nodeKind: number[] } {
  const { graph, columns } = validateGraphBytes(readFileSync(file), file);
  return { nodes: JSON.stringify(graph.nodes), columns: columnsAsArrays(columns), nodeKind: Array.from(columns.nodeKind) };
}

function actual(g: { nodes: readonly unknown[]; columns: GraphColumns }): { nodes: string; columns: unknown; nodeKind: number[] } {
  return { nodes: JSON.stringify(g.nodes), columns: columnsAsArrays(g.columns), nodeKind: Array.from(g.columns.nodeKind) };
}

describe("reading a graph file for analysis", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "chokepoint-read-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("gives the fully validated graph, with no edge objects, on a worker thread and on this one", async () => {
    const file = path.join(dir, "synthetic.json");
    writeInterchange(generateSupplyGraph({ nodes: 20_000, seed: 5 }), file);
    const want = expected(file);
    const phases: string[] = [];
    const onWorker = await compiled.readAnalysisGraph(file, (p) => phases.push(p), 0);
    const onThisThread = await fromSources.readAnalysisGraph(file);
    for (const g of [onWorker, onThisThread]) {
      expect(g.edges).toBeUndefined(); // the fast path was taken
      expect(actual(g)).toEqual(want);
    }
    expect(phases).toEqual(["read", "validate"]);
  });

  it("reads a file the fast path does not take (edges before nodes) the general way, to the same graph", async () => {
    const graph = generateSupplyGraph({ nodes: 2_000, seed: 6 });
    const file = path.join(dir, "edges-first.json");
    writeFileSync(file, JSON.stringify({ format: "chokepoint/graph", version: 1, edges: graph.edges, nodes: graph.nodes }));
    for (const reader of [compiled, fromSources]) {
      const g = await reader.readAnalysisGraph(file, undefined, 0);
      expect(g.edges).toBeDefined();
      expect(actual(g)).toEqual(expected(file));
    }
  });

  it("fails a bad file as full validation does: same code, same problems", async () => {
    const graph = generateSupplyGraph({ nodes: 2_000, seed: 7 });
    const file = path.join(dir, "bad.json");
    writeInterchange({ nodes: graph.nodes, edges: [...graph.edges, { from: graph.nodes[0]!.id, to: "ghost", kind: "REQUIRES", confidence: "stated", evidence: [] }] }, file);
    let want: unknown;
    try {
      expected(file);
    } catch (e) {
      want = e;
    }
    expect(want).toMatchObject({ code: "VALIDATION_FAILED" });
    for (const reader of [compiled, fromSources]) {
      await expect(reader.readAnalysisGraph(file, undefined, 0)).rejects.toMatchObject({ code: "VALIDATION_FAILED", problems: (want as { problems: unknown }).problems });
    }
    await expect(fromSources.readAnalysisGraph(path.join(dir, "missing.json"))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("fails a file too long for one JavaScript string with FILE_TOO_LARGE, not an internal error", () => {
    expect(textOf(Buffer.from("{}"), "small.json")).toBe("{}");
    // Stands in for a buffer over 512 MB, whose toString throws this (a test should not allocate that much).
    const tooLong = {
      length: 6e8,
      toString: () => {
        throw Object.assign(new Error("Cannot create a string longer than 0x1fffffe8 characters"), { code: "ERR_STRING_TOO_LONG" });
      },
    } as unknown as Buffer;
    expect(() => textOf(tooLong, "huge.json")).toThrow(expect.objectContaining({ code: "FILE_TOO_LARGE" }));
  });
});
