import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CliContext } from "../../server/src/cli/command";
import { extractCommand } from "../../server/src/cli/commands/extract";
import { SEEDS_DIR } from "./fresh-extraction";

function context(seedsDir: string) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    openStore: () => Promise.reject(new Error("extract never opens the store")),
    serve: () => Promise.reject(new Error("extract never serves")),
    cwd: path.dirname(seedsDir),
    seedsDir,
  };
  return { ctx, out, err };
}

describe("chokepoint extract", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "chokepoint-seeds-"));
    cpSync(SEEDS_DIR, path.join(dir, "seeds"), { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("--check --json passes on the committed graph and reports the counts", async () => {
    const { ctx, out } = context(path.join(dir, "seeds"));
    expect(await extractCommand.run(["--check", "--json"], ctx)).toBe(0);
    const summary = JSON.parse(out.join("")) as { upToDate: boolean; nodes: Record<string, number>; needsCuration: unknown[] };
    expect(summary.upToDate).toBe(true);
    expect(summary.nodes.Product).toBeGreaterThan(0);
    expect(summary.needsCuration).toEqual([]);
  });

  it("--check fails when the committed graph is stale, and a plain run rewrites it", async () => {
    const seeds = path.join(dir, "seeds");
    const file = path.join(seeds, "graph", "supply-graph.json");
    const fresh = readFileSync(file, "utf8");
    writeFileSync(file, fresh.replace("有创呼吸机", "有创呼吸器"));
    const stale = context(seeds);
    expect(await extractCommand.run(["--check"], stale.ctx)).toBe(1);
    expect(stale.err.join("")).toMatch(/differs from a fresh extraction/);
    const rewrite = context(seeds);
    expect(await extractCommand.run([], rewrite.ctx)).toBe(0);
    expect(rewrite.out.join("")).toMatch(/^nodes: Product \d+/);
    expect(readFileSync(file, "utf8")).toBe(fresh);
  });

  it("rejects unknown options", async () => {
    await expect(extractCommand.run(["--bogus"], context(path.join(dir, "seeds")).ctx)).rejects.toThrow();
  });
});
