import { readFileSync } from "node:fs";
import path from "node:path";
import { isValidId, validateInterchange, type Evidence } from "@chokepoint/graph-schema";
import { joinLines, lineRange, serializeGraph, type JoinedText } from "../../server/src/extract";
import { committedGraph, freshExtraction, SEED_GRAPH_PATH, SEEDS_DIR } from "./fresh-extraction";

describe("the committed seed graph", () => {
  it("is byte-identical to a fresh extraction (run `npm run extract` and commit the result)", () => {
    expect(readFileSync(SEED_GRAPH_PATH, "utf8")).toBe(serializeGraph(freshExtraction().graph));
  });

  it("validates as interchange format v1 with no problems", () => {
    expect(validateInterchange(committedGraph()).problems).toEqual([]);
  });

  it("names every node in Chinese and English, with a valid id and a category for every product", () => {
    const graph = committedGraph();
    const unnamed = graph.nodes.filter((n) => !n.name.zh || !n.name.en).map((n) => n.id);
    const badIds = graph.nodes.filter((n) => !isValidId(n.id)).map((n) => n.id);
    const uncategorised = graph.nodes.filter((n) => n.kind === "Product" && n.category === undefined).map((n) => n.id);
    expect({ unnamed, badIds, uncategorised }).toEqual({ unnamed: [], badIds: [], uncategorised: [] });
  });

  it("leaves no term waiting for curation", () => {
    expect(freshExtraction().summary.needsCuration).toEqual([]);
  });

  it("cites every fact with a quote found at its document and line", () => {
    const graph = committedGraph();
    const texts = new Map<string, JoinedText>(
      graph.documents.map((d) => [d.id, joinLines(readFileSync(path.join(SEEDS_DIR, "documents", d.file), "utf8"))]),
    );
    const misses: string[] = [];
    const check = (where: string, ev: readonly Evidence[]) => {
      if (ev.length === 0) misses.push(`${where}: no evidence`);
      for (const e of ev) {
        const joined = e.doc === undefined ? undefined : texts.get(e.doc);
        if (!joined || e.line === undefined || e.quote === undefined) {
          misses.push(`${where}: evidence without doc, line and quote`);
          continue;
        }
        const [start, end] = lineRange(joined, e.line);
        const at = joined.text.indexOf(e.quote, start);
        if (at < start || at >= end) misses.push(`${where}: "${e.quote.slice(0, 30)}…" not found at ${e.doc}:${e.line}`);
      }
    };
    for (const n of graph.nodes) {
      check(`node ${n.id}`, n.evidence);
      for (const f of n.flags) check(`flag ${f.flag} of ${n.id}`, f.evidence);
    }
    for (const e of graph.edges) check(`edge ${e.from} ${e.kind} ${e.to}`, e.evidence);
    expect(misses).toEqual([]);
  });

  it("gives every inferred edge a note on its inferred evidence", () => {
    const silent = committedGraph()
      .edges.filter((e) => e.confidence === "inferred" && e.evidence.some((ev) => ev.note === undefined))
      .map((e) => `${e.from} ${e.kind} ${e.to}`);
    expect(silent).toEqual([]);
  });

  it("keeps the same fact stated in 003 and in 004's reprint as one edge with both quotes", () => {
    const edge = committedGraph().edges.find((e) => e.from === "ecmo" && e.kind === "REQUIRES" && e.to === "hollow-fibre-membrane");
    expect(edge?.evidence.map((e) => e.doc)).toEqual(["003", "004"]);
  });
});
