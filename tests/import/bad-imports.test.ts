import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isChokepointError, type ChokepointError } from "@chokepoint/graph-schema";
import { runCli } from "../cli/run-cli";
import { MANIFEST, requestOf, type CorpusCase } from "./corpus";
import { CORPUS, graphState, openTempStore, SAMPLE_GRAPH, type TempStore } from "./store-helpers";

/** RELIABILITY.md "Import files": every bad file is refused with a coded, row-level problem and
 *  leaves the stored graph exactly as it was (same content hash, same counts, same version). */
describe("bad imports are refused without a trace", () => {
  let t: TempStore;
  beforeAll(async () => {
    t = await openTempStore();
  });
  afterAll(() => t.close());

  it("the corpus holds at least 40 files of at least 20 kinds", () => {
    expect(MANIFEST.cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(MANIFEST.cases.map((c) => c.kind)).size).toBeGreaterThanOrEqual(20);
  });

  it.each(MANIFEST.cases.map((c) => [c.file, c] as const))("%s", async (_file, c: CorpusCase) => {
    const before = await graphState(t.store);
    const error = await t.imports.importFile(requestOf(c)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isChokepointError(error)).toBe(true);
    const e = error as ChokepointError;
    expect(e.code).toBe(c.topCode ?? "VALIDATION_FAILED");
    expect(e.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: c.code, ...(c.row !== undefined && { row: c.row }), ...(c.column !== undefined && { column: c.column }) })]),
    );
    for (const p of e.problems) {
      expect(p.message.length).toBeGreaterThan(0);
      // Messages are for people: never a stack trace or a path on this machine.
      expect(p.message).not.toMatch(/\n\s+at |\/tmp\/|\/work\//);
    }
    expect(await graphState(t.store)).toEqual(before);
    expect(Object.prototype).not.toHaveProperty("polluted");
    expect(Object.prototype).not.toHaveProperty("isAdmin");
  });

  it("lists at most 1,000 problems and counts the rest", async () => {
    const c = MANIFEST.cases.find((x) => x.generate === "many-bad-rows")!;
    const e = (await t.imports.importFile(requestOf(c)).catch((x: unknown) => x)) as ChokepointError;
    expect(e.problems).toHaveLength(1000);
    expect(e.message).toContain("1000 or more problems");
  });
});

describe("bad imports through the CLI", () => {
  let dir: string;
  let env: Record<string, string>;
  let before: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "chokepoint-bad-cli-"));
    env = { CHOKEPOINT_DATA_DIR: path.join(dir, "data"), CHOKEPOINT_SEED_FILE: SAMPLE_GRAPH };
    const r = runCli(["export"], env);
    expect(r.status).toBe(0);
    before = r.stdout;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const sample = ["latin1-row4.csv", "requires-cycle-with-store.csv", "proto-key-node.json"];
  it.each(sample)("%s: coded exit, one line per problem, nothing written", (file) => {
    const c = MANIFEST.cases.find((x) => x.file === file)!;
    const copy = path.join(dir, file);
    cpSync(path.join(CORPUS, file), copy);
    const r = runCli(["import", copy], env);
    expect(r.status).toBe(1);
    expect(r.stderr.split("\n")[0]).toMatch(new RegExp(`^chokepoint: ${c.topCode ?? "VALIDATION_FAILED"}: `));
    const where = c.row !== undefined ? `row ${c.row}${c.column !== undefined ? `, column ${c.column}` : ""}` : "";
    expect(r.stderr).toContain(`  ${c.code} at ${where}`);
    expect(runCli(["export"], env).stdout).toBe(before);
  });
});
