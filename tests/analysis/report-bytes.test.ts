/**
 * `writeAnalyzeReportBytes` must write exactly the UTF-8 bytes of
 * `JSON.stringify(analyzeReport(g, options))`: odd ids, shortened proof paths, and chunk
 * boundaries anywhere (small chunks make proof-path prefixes leave the buffer between uses).
 */
import { analyzeReport, compact, writeAnalyzeReport, writeAnalyzeReportBytes, type AnalyzeOptions, type CompactGraph } from "../../server/src/analysis";
import { alternates, deepChain, regionHierarchy, type Fixture } from "./fixtures";
import { randomGraph } from "./random-graph";

function bytesOf(g: CompactGraph, options: AnalyzeOptions, chunkBytes?: number): Buffer {
  const parts: Buffer[] = [];
  writeAnalyzeReportBytes(g, options, (chunk) => void parts.push(Buffer.from(chunk)), chunkBytes);
  return Buffer.concat(parts);
}

function expected(g: CompactGraph, options: AnalyzeOptions): Buffer {
  return Buffer.from(JSON.stringify(analyzeReport(g, options)), "utf8");
}

/** The fixture with every non-product id replaced by one from `odd` (plus a suffix). */
function renamed(f: Fixture, odd: readonly string[]): Fixture {
  const rename = new Map(f.nodes.filter((n) => n.kind !== "Product").map((n, i) => [n.id, `${odd[i % odd.length]!}${i}`]));
  return {
    ...f,
    nodes: f.nodes.map((n) => ({ ...n, id: rename.get(n.id) ?? n.id })),
    edges: f.edges.map((e) => ({ ...e, from: rename.get(e.from) ?? e.from, to: rename.get(e.to) ?? e.to })),
  };
}

const ODD_IDS = ['q"uote', "back\\slash", "tab\tbed", "ctl\u0001", "naïve-", "中文-", "astral-\u{1F600}", "lone-\ud800", "lone-\udfff-", "x".repeat(200)];

describe("writeAnalyzeReportBytes", () => {
  it("writes the bytes of JSON.stringify(analyzeReport(...)) at any chunk size", () => {
    for (const f of [regionHierarchy(), alternates(), deepChain(40)]) {
      const g = compact(f);
      const want = expected(g, { top: 3 });
      for (const chunkBytes of [32, 33, 47, 100, 4096, undefined]) expect(bytesOf(g, { top: 3 }, chunkBytes).equals(want)).toBe(true);
    }
  });

  it("shortens proof paths on the same budget as the report object, at any chunk size", () => {
    const g = compact(deepChain(300));
    for (const maxPathIds of [0, 1, 50, 299, 5000, 40_000]) {
      const want = expected(g, { top: 3, maxPathIds });
      if (maxPathIds === 5000) expect(want.toString()).toContain('"pathTruncated":true');
      for (const chunkBytes of [32, 64, 1000, undefined]) expect(bytesOf(g, { top: 3, maxPathIds }, chunkBytes).equals(want)).toBe(true);
    }
  });

  it("writes ids that need escaping, are not ASCII or hold lone surrogates exactly", () => {
    let oddPathIds = 0;
    for (const f of [deepChain(30), regionHierarchy(), alternates()]) {
      const g = compact(renamed(f, ODD_IDS));
      const want = expected(g, { top: 5, maxPathIds: 200 });
      for (const chunkBytes of [32, 35, 256, undefined]) expect(bytesOf(g, { top: 5, maxPathIds: 200 }, chunkBytes).equals(want)).toBe(true);
      const report = JSON.parse(want.toString()) as { products: { spofs: { path: string[] }[] }[] };
      for (const s of report.products.flatMap((p) => p.spofs)) oddPathIds += s.path.filter((id) => ODD_IDS.some((odd) => id.startsWith(odd))).length;
    }
    expect(oddPathIds).toBeGreaterThan(50); // the odd ids really are in the proof paths
  });

  it("agrees with the report object on random graphs", () => {
    for (let seed = 1; seed <= 150; seed++) {
      const g = compact(randomGraph(seed));
      const options = { top: 4, maxPathIds: seed % 3 === 0 ? 6 : undefined };
      expect(bytesOf(g, options, 32 + (seed % 40)).equals(expected(g, options))).toBe(true);
    }
  });

  it("streams the same text through writeAnalyzeReport (decoded)", () => {
    const g = compact(renamed(deepChain(20), ODD_IDS));
    let text = "";
    writeAnalyzeReport(g, { top: 3 }, (chunk) => {
      text += chunk;
    });
    expect(text).toBe(JSON.stringify(analyzeReport(g, { top: 3 })));
  });
});
