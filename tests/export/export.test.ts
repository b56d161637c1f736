import { isChokepointError } from "@chokepoint/graph-schema";
import { ExportService } from "../../server/src/services/export-service";
import { graphHash, openTempStore, type TempStore } from "../import/store-helpers";

/** Extra rows with text that stresses every exporter: markup, quotes, formulas, commas, line breaks. */
const NODES = [
  "id,kind,name_zh,name_en,aliases,category,flags,inventory_days,recovery_days,annual_value,note",
  `odd-part,Component,"<b>&amp;</b> ""引号""",'=1+2,"a, b|c<d>",diagnosis-testing,POLICY_BOTTLENECK|IMPORT_DEPENDENT,7.5,0,1e21,"line one`,
  `line two & 'apos'"`,
  "odd-maker,Supplier,,@maker </graphml>,,,,,,,",
].join("\n");
const EDGES = ["from,to,kind,group,share,lead_time_days,qualified,note", "invasive-ventilator,odd-part,REQUIRES,alt-1,,,,", "odd-part,odd-maker,SOURCED_FROM,,0.25,30,true,-note"].join("\n");

/** A minimal XML well-formedness check: tags balance, attributes are quoted, and the only
 *  references are the five predefined entities and numeric ones. Returns element counts. */
function checkXml(xml: string): Map<string, number> {
  const counts = new Map<string, number>();
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  const token = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    const [, close, name, , selfClose, text, stray] = m;
    if (stray !== undefined) throw new Error(`stray < at ${m.index}`);
    if (text !== undefined) {
      const refs = text.match(/&[^;\s]*;?/g) ?? [];
      for (const r of refs) if (!/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);$/.test(r)) throw new Error(`bad reference ${r}`);
      if (text.includes(">") && stack.length === 0) throw new Error("text outside the root");
      continue;
    }
    if (close) {
      if (stack.pop() !== name) throw new Error(`unbalanced </${name}>`);
    } else {
      counts.set(name!, (counts.get(name!) ?? 0) + 1);
      if (!selfClose) stack.push(name!);
    }
  }
  if (stack.length > 0) throw new Error(`unclosed ${stack.join(",")}`);
  return counts;
}

function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#(\d+));/g, (_, e: string, n?: string) => (n ? String.fromCharCode(Number(n)) : ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e]!));
}

describe("export", () => {
  let t: TempStore;
  let exports: ExportService;
  beforeAll(async () => {
    t = await openTempStore();
    await t.imports.importFile({ format: "csv", nodes: { content: NODES, fileName: "nodes.csv" }, edges: { content: EDGES, fileName: "edges.csv" } });
    exports = new ExportService(t.store);
  });
  afterAll(() => t.close());

  it("JSON round-trips: export, import into an empty store, export again gives the same text", async () => {
    const first = await exports.text("json");
    const empty = await openTempStore({ seed: false });
    try {
      const r = await empty.imports.importFile({ format: "json", content: first, fileName: "export.json" });
      expect(r.nodesUpserted).toBe(10);
      expect(await new ExportService(empty.store).text("json")).toBe(first);
      expect(await graphHash(empty.store)).toBe(await graphHash(t.store));
    } finally {
      await empty.close();
    }
  });

  it("CSV round-trips through an empty store, and a re-import into the source changes nothing", async () => {
    const nodes = await exports.text("csv-nodes");
    const edges = await exports.text("csv-edges");
    expect(nodes.startsWith("\uFEFFid,kind,")).toBe(true);
    expect(nodes).toContain(`odd-part,Component,"<b>&amp;</b> ""引号""","'=1+2","a, b|c<d>",diagnosis-testing,POLICY_BOTTLENECK|IMPORT_DEPENDENT,7.5,0,1e+21,`);
    expect(edges).toContain(`odd-part,odd-maker,SOURCED_FROM,,0.25,30,true,"'-note"`);
    const empty = await openTempStore({ seed: false });
    try {
      await empty.imports.importFile({ format: "csv", nodes: { content: nodes, fileName: "nodes.csv" }, edges: { content: edges, fileName: "edges.csv" } });
      const again = new ExportService(empty.store);
      expect(await again.text("csv-nodes")).toBe(nodes);
      expect(await again.text("csv-edges")).toBe(edges);
    } finally {
      await empty.close();
    }
    const r = await t.imports.importFile({ format: "csv", nodes: { content: nodes, fileName: "n.csv" }, edges: { content: edges, fileName: "e.csv" } });
    expect(r).toMatchObject({ nodesUpserted: 0, edgesUpserted: 0, unchanged: 20 });
  });

  it("GraphML is well-formed, escaped, and holds every node and edge with their attributes", async () => {
    const xml = await exports.text("graphml");
    const counts = checkXml(xml);
    expect(counts.get("node")).toBe(10);
    expect(counts.get("edge")).toBe(10);
    expect(counts.get("graph")).toBe(1);
    expect(xml).not.toContain("</graphml>\n    <");
    const odd = /<node id="odd-part">(.*?)<\/node>/.exec(xml)![1]!;
    const data = new Map([...odd.matchAll(/<data key="([^"]+)">([^<]*)<\/data>/g)].map((m) => [m[1]!, unescapeXml(m[2]!)]));
    expect(data.get("name_zh")).toBe('<b>&amp;</b> "引号"');
    expect(data.get("name_en")).toBe("=1+2");
    expect(data.get("flags")).toBe("POLICY_BOTTLENECK|IMPORT_DEPENDENT");
    expect(data.get("kind")).toBe("Component");
    expect(data.get("confidence")).toBe("imported");
    expect(xml).toMatch(/<edge id="e\d+" source="odd-part" target="odd-maker"><data key="e_kind">SOURCED_FROM<\/data><data key="e_confidence">imported<\/data><data key="e_share">0.25<\/data><data key="e_lead_time_days">30<\/data><data key="e_qualified">true<\/data><\/edge>/);
    expect(xml).toContain('<key id="e_share" for="edge" attr.name="share" attr.type="double"/>');
  });

  it("filters by kind, flag, category, region and dependency cone; the view is a valid interchange file", async () => {
    const parse = async (filter: Parameters<ExportService["text"]>[1]) => JSON.parse(await exports.text("json", filter)) as { nodes: { id: string }[]; edges: { from: string; to: string }[] };
    expect((await parse({ kind: "Supplier" })).nodes.map((n) => n.id)).toEqual(["odd-maker", "valve-maker-de", "valve-maker-zj"]);
    expect((await parse({ flag: "POLICY_BOTTLENECK" })).nodes.map((n) => n.id)).toEqual(["odd-part"]);
    expect((await parse({ category: "diagnosis-testing" })).nodes.map((n) => n.id)).toEqual(["odd-part"]);
    expect((await parse({ region: "china" })).nodes.map((n) => n.id)).toEqual(["proportional-valve", "valve-maker-zj", "zhejiang", "china"].sort());
    const cone = await parse({ focus: "proportional-valve" });
    expect(cone.nodes.map((n) => n.id)).toEqual(["china", "europe-north-america", "proportional-valve", "valve-maker-de", "valve-maker-zj", "zhejiang"]);
    const ids = new Set(cone.nodes.map((n) => n.id));
    for (const e of cone.edges) expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
    const empty = await openTempStore({ seed: false });
    try {
      const r = await empty.imports.importFile({ format: "json", content: await exports.text("json", { focus: "proportional-valve" }), fileName: "cone.json" });
      expect(r.nodesUpserted).toBe(6);
    } finally {
      await empty.close();
    }
  });

  it("refuses an export over the size bound with EXPORT_TOO_LARGE, and unknown filter ids with UNKNOWN_NODE", async () => {
    const big = await exports.text("json", {}, 500).catch((e: unknown) => e);
    expect(isChokepointError(big) && big.code).toBe("EXPORT_TOO_LARGE");
    const ghost = await exports.text("json", { focus: "ghost" }).catch((e: unknown) => e);
    expect(isChokepointError(ghost) && ghost.code).toBe("UNKNOWN_NODE");
  });
});
