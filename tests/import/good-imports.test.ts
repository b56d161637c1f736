import { ChokepointError, isChokepointError, normalizeText, type GraphNode } from "@chokepoint/graph-schema";
import type { GraphStore } from "../../server/src/domain/graph-store";
import { ExportService } from "../../server/src/services/export-service";
import { ImportService } from "../../server/src/services/import-service";
import { graphHash, graphState, openTempStore, type TempStore } from "./store-helpers";

const NODES_HEADER = "id,kind,name_zh,name_en,aliases,category,flags,inventory_days,recovery_days,annual_value,note";

function csv(lines: readonly string[], eol = "\n"): string {
  return `${lines.join(eol)}${eol}`;
}

async function node(store: GraphStore, id: string): Promise<GraphNode> {
  const found = await store.getNode(id);
  if (!found) throw new Error(`no node ${id}`);
  return found.node;
}

describe("good imports", () => {
  let t: TempStore;
  beforeEach(async () => {
    t = await openTempStore();
  });
  afterEach(() => t.close());

  it("accepts a UTF-8 CSV with a byte-order mark and CRLF line ends", async () => {
    const content = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv([NODES_HEADER, "flow-sensor,Component,流量传感器,Flow sensor,,,,,,,"], "\r\n"))]);
    const r = await t.imports.importFile({ format: "csv-nodes", content, fileName: "nodes.csv" });
    expect(r).toMatchObject({ nodesUpserted: 1, unchanged: 0 });
    expect(await node(t.store, "flow-sensor")).toMatchObject({ name: { zh: "流量传感器", en: "Flow sensor" }, confidence: "imported", evidence: [{ file: "nodes.csv", row: 2 }] });
  });

  it("stores Cypher-looking, HTML, formula and bidi text as data, and neutralises formulas on CSV export", async () => {
    const names = [
      ["cypher-name", "x'}) MATCH (n) DETACH DELETE n //"],
      ["html-name", '<script>alert("x")</script><img src=x onerror=alert(1)>'],
      ["formula-name", '=HYPERLINK("http://evil.example","click")'],
      ["plus-name", "+1+cmd|' /C calc'!A0"],
      ["minus-name", "-2+3"],
      ["at-name", "@SUM(1+1)*cmd|' /C calc'!A0"],
      ["arabic-name", "مضخة التسريب"],
      ["bidi-name", "invoice\u202Etxt.exe"],
    ] as const;
    const rows = names.map(([id, name]) => `${id},Component,,"${name.replace(/"/g, '""')}",,,,,,,"${name.replace(/"/g, '""')}"`);
    await t.imports.importFile({ format: "csv-nodes", content: csv([NODES_HEADER, ...rows]), fileName: "odd.csv" });
    for (const [id, name] of names) {
      const stored = await node(t.store, id);
      // graph-schema's text rule: kept verbatim except NFC and invisible/bidi control characters.
      expect(stored.name.en).toBe(normalizeText(name));
      expect(stored.evidence[0]!.note).toBe(normalizeText(name));
    }
    expect((await node(t.store, "arabic-name")).name.en).toBe("مضخة التسريب");
    const exported = await new ExportService(t.store).text("csv-nodes", { kind: "Component" });
    expect(exported).toContain(`formula-name,Component,,"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(exported).toContain(`plus-name,Component,,"'+1+cmd|' /C calc'!A0"`);
    expect(exported).toContain(`minus-name,Component,,"'-2+3"`);
    expect(exported).toContain(`at-name,Component,,"'@SUM(1+1)*cmd|' /C calc'!A0"`);
    for (const line of exported.split("\r\n")) {
      for (const cell of line.split(",")) expect(cell).not.toMatch(/^[=+\-@]/);
    }
    // The guard is undone on import, so an exported file restores the same text.
    const before = await graphHash(t.store);
    await t.imports.importFile({ format: "csv-nodes", content: exported, fileName: "odd.csv" });
    expect(await graphHash(t.store)).toBe(before);
  });

  it("imports the same file a second time without changing anything", async () => {
    const nodes = csv([NODES_HEADER, "flow-sensor,Component,流量传感器,Flow sensor,FS|flow meter,,IMPORT_DEPENDENT,5,,,from our audit", "proportional-valve,Component,,,,,POLICY_BOTTLENECK,45,,,"]);
    const edges = csv(["from,to,kind,share,note", "invasive-ventilator,flow-sensor,requires,,", "flow-sensor,valve-maker-zj,sourced from,0.25,audit 2024"]);
    const request = { format: "csv" as const, nodes: { content: nodes, fileName: "nodes.csv" }, edges: { content: edges, fileName: "edges.csv" } };
    const first = await t.imports.importFile(request);
    expect(first).toMatchObject({ nodesUpserted: 2, edgesUpserted: 2, unchanged: 0 });
    const after = await graphState(t.store);
    const second = await t.imports.importFile(request);
    expect(second).toEqual({ file: "nodes.csv + edges.csv", version: first.version, nodesUpserted: 0, edgesUpserted: 0, unchanged: 4 });
    expect(await graphState(t.store)).toEqual(after);
  });

  it("two imports of one file at once end as one import", async () => {
    const other = await openTempStore();
    try {
      const content = csv([NODES_HEADER, ...Array.from({ length: 300 }, (_, i) => `part-${i},Component,,Part ${i},,,,${i},,,`)]);
      const request = { format: "csv-nodes" as const, content, fileName: "parts.csv" };
      const [a, b] = await Promise.all([t.imports.importFile(request), t.imports.importFile(request)]);
      expect([a.nodesUpserted, b.nodesUpserted].sort()).toEqual([0, 300]);
      expect(a.version).toBe(b.version);
      // A second service over the same store (another API request path) still ends in one state.
      const twin = new ImportService(t.store);
      await Promise.all([twin.importFile(request), t.imports.importFile(request)]);
      await other.imports.importFile(request);
      expect(await graphHash(t.store)).toBe(await graphHash(other.store));
    } finally {
      await other.close();
    }
  });

  it("merges a row into a stored node: sets given fields, unions flags, aliases and evidence, keeps the rest", async () => {
    const before = await node(t.store, "proportional-valve");
    await t.imports.importFile({
      format: "csv-nodes",
      content: csv(["id,kind,name_zh,name_en,aliases,flags,inventory_days,note", "Proportional-Valve ,Component,,,PV|比例阀门,IMPORT_DEPENDENT|POLICY_BOTTLENECK,45,supplier survey"]),
      fileName: "survey.csv",
    });
    const after = await node(t.store, "proportional-valve");
    expect(after.name).toEqual(before.name);
    expect(after.attrs).toEqual({ ...before.attrs, inventoryDays: 45 });
    expect(after.aliases).toEqual([...before.aliases, "PV", "比例阀门"]);
    expect(after.flags.map((f) => f.flag)).toEqual(["IMPORT_DEPENDENT", "POLICY_BOTTLENECK"]);
    expect(after.flags[0]).toEqual(before.flags[0]);
    expect(after.flags[1]).toMatchObject({ confidence: "imported", evidence: [{ file: "survey.csv", row: 2 }] });
    expect(after.evidence).toEqual([...before.evidence, { file: "survey.csv", row: 2, note: "supplier survey" }]);
    expect(after.confidence).toBe(before.confidence);
  });

  it("treats rows whose keys and text are equal after normalisation as one statement", async () => {
    const nfc = "阀门厂（浙江）Café";
    const nfd = nfc.normalize("NFD");
    expect(nfd).not.toBe(nfc);
    const r = await t.imports.importFile({
      format: "csv-nodes",
      content: csv([NODES_HEADER, `new-maker,Supplier,${nfc},Maker,,,,,,,`, `New-Maker\u200B ,Supplier,${nfd},Maker,,,,,,,`]),
      fileName: "makers.csv",
    });
    expect(r).toMatchObject({ nodesUpserted: 1 });
    expect((await node(t.store, "new-maker")).name.zh).toBe(nfc);
  });

  it("keeps a JSON item's own evidence and confidence, and gives the others file provenance", async () => {
    const doc = {
      format: "chokepoint/graph",
      version: 1,
      documents: [{ id: "analyst-1", file: "memo.txt", title: { en: "Memo" } }],
      nodes: [
        { id: "quoted-part", kind: "Component", name: { en: "Quoted" }, evidence: [{ doc: "analyst-1", line: 3, quote: "the part" }] },
        { id: "bare-part", kind: "Material", name: { en: "Bare" } },
      ],
      edges: [{ from: "quoted-part", to: "bare-part", kind: "REQUIRES" }],
    };
    await t.imports.importFile({ format: "json", content: JSON.stringify(doc), fileName: "memo.json" });
    expect(await node(t.store, "quoted-part")).toMatchObject({ confidence: "stated", evidence: [{ doc: "analyst-1", line: 3, quote: "the part" }] });
    expect(await node(t.store, "bare-part")).toMatchObject({ confidence: "imported", evidence: [{ file: "memo.json", row: 2 }] });
    const edges = (await t.store.getNode("quoted-part"))!.outgoing;
    expect(edges).toEqual([expect.objectContaining({ to: "bare-part", confidence: "imported", evidence: [{ file: "memo.json", row: 1 }] })]);
  });

  it("updates a stored node from a row without names, but a new node needs one", async () => {
    const ok = await t.imports.importFile({ format: "csv-nodes", content: csv(["id,kind,name_en,recovery_days", "turbine-blower,Component,,90"]), fileName: "r.csv" });
    expect(ok.nodesUpserted).toBe(1);
    expect((await node(t.store, "turbine-blower")).attrs).toEqual({ recoveryDays: 90 });
    const e = (await t.imports.importFile({ format: "csv-nodes", content: csv(["id,kind,name_en", "brand-new,Component,"]), fileName: "n.csv" }).catch((x: unknown) => x)) as ChokepointError;
    expect(e.problems).toEqual([expect.objectContaining({ code: "NAME_MISSING", row: 2 })]);
  });

  it("reports a store that is down with its code and writes nothing", async () => {
    // The real store for reads; writes fail as a Neo4j adapter does when the database is gone.
    const down = Object.assign(Object.create(t.store) as GraphStore, {
      apply: () => Promise.reject(new ChokepointError("STORE_UNAVAILABLE", "the database is not reachable")),
    });
    const before = await graphState(t.store);
    const e = await new ImportService(down)
      .importFile({ format: "csv-nodes", content: csv([NODES_HEADER, "x-part,Component,,X,,,,,,,"]), fileName: "x.csv" })
      .catch((x: unknown) => x);
    expect(isChokepointError(e) && e.code).toBe("STORE_UNAVAILABLE");
    expect(await graphState(t.store)).toEqual(before);
  });
});
