import { EDITOR_TOKEN, READ_TOKEN, startTestServer, type TestServer } from "../api/test-server";

const IMPORT = `mutation($content: String!, $format: ImportFormat!, $fileName: String) {
  importGraph(content: $content, format: $format, fileName: $fileName) { version nodesUpserted edgesUpserted unchanged }
}`;
const NODES = "id,kind,name_en,inventory_days\nflow-sensor,Component,Flow sensor,12\n";

interface Problem {
  code: string;
  row?: number;
  column?: string;
  message: string;
}

describe("importGraph mutation", () => {
  let s: TestServer;
  const version = async () => (await s.gql<{ stats: { version: number; nodeCount: number } }>("{ stats { version nodeCount } }", {}, READ_TOKEN)).data!.stats;
  beforeAll(async () => {
    s = await startTestServer({ CHOKEPOINT_READ_TOKEN: READ_TOKEN });
  });
  afterAll(() => s.stop());

  it("refuses anonymous and read-only callers before anything is read, and changes nothing", async () => {
    const before = await version();
    const anonymous = await s.gql(IMPORT, { content: NODES, format: "CSV_NODES" });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const reader = await s.gql(IMPORT, { content: NODES, format: "CSV_NODES" }, READ_TOKEN);
    expect(reader.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await version()).toEqual(before);
  });

  it("imports for an editor, and a second import of the same content changes nothing", async () => {
    const first = await s.gql<{ importGraph: { version: number; nodesUpserted: number; unchanged: number } }>(IMPORT, { content: NODES, format: "CSV_NODES", fileName: "C:\\Users\\ana\\nodes.csv" }, EDITOR_TOKEN);
    expect(first.errors).toBeUndefined();
    expect(first.data!.importGraph).toMatchObject({ nodesUpserted: 1, unchanged: 0 });
    const node = await s.gql<{ node: { evidence: { file: string; row: number }[] } }>('{ node(id: "flow-sensor") { evidence { file row } } }', {}, READ_TOKEN);
    // Only the base name is recorded: evidence never carries a client's directories.
    expect(node.data!.node.evidence).toEqual([{ file: "nodes.csv", row: 2 }]);
    const second = await s.gql<{ importGraph: { version: number; nodesUpserted: number; unchanged: number } }>(IMPORT, { content: NODES, format: "CSV_NODES" }, EDITOR_TOKEN);
    expect(second.data!.importGraph).toEqual({ version: first.data!.importGraph.version, nodesUpserted: 0, edgesUpserted: 0, unchanged: 1 });
  });

  it("returns row-level problems in extensions.problems and writes nothing", async () => {
    const before = await version();
    const content = "from,to,kind,share\ninvasive-ventilator,ghost,REQUIRES,\nproportional-valve,valve-maker-de,SOURCED_FROM,1.5\n";
    const r = await s.gql(IMPORT, { content, format: "CSV_EDGES", fileName: "edges.csv" }, EDITOR_TOKEN);
    const error = r.errors?.[0] as { message: string; extensions: { code: string; problems: Problem[] } };
    expect(error.extensions.code).toBe("VALIDATION_FAILED");
    expect(error.extensions.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "EDGE_ENDPOINT_MISSING", row: 2, column: "to" }),
        expect.objectContaining({ code: "SHARE_OUT_OF_RANGE", row: 3, column: "share" }),
      ]),
    );
    expect(JSON.stringify(r)).not.toMatch(/\/tmp\/|\/work\/|\n\s+at /);
    expect(await version()).toEqual(before);
  });

  it("refuses JSON that is too deep or not JSON with the file-level code", async () => {
    const deep = await s.gql(IMPORT, { content: `${"[".repeat(5000)}${"]".repeat(5000)}`, format: "JSON" }, EDITOR_TOKEN);
    expect(deep.errors?.[0]?.extensions?.code).toBe("JSON_TOO_DEEP");
    const notJson = await s.gql(IMPORT, { content: "id,kind\n", format: "JSON" }, EDITOR_TOKEN);
    expect(notJson.errors?.[0]?.extensions?.code).toBe("JSON_INVALID");
    const lone = await s.gql(IMPORT, { content: "id,kind,name_en\nx-part,Component,bad \ud800 text\n", format: "CSV_NODES" }, EDITOR_TOKEN);
    expect(lone.errors?.[0]?.extensions?.code).toBe("ENCODING_INVALID");
  });
});

describe("exportGraph query", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.stop());

  it("exports JSON, CSV and GraphML to readers, filtered", async () => {
    const json = await s.gql<{ exportGraph: string }>("{ exportGraph(format: JSON) }");
    const graph = JSON.parse(json.data!.exportGraph) as { format: string; nodes: unknown[]; edges: unknown[] };
    expect(graph).toMatchObject({ format: "chokepoint/graph" });
    expect(graph.nodes).toHaveLength(8);
    const regions = await s.gql<{ exportGraph: string }>("{ exportGraph(format: CSV_NODES, kind: Region) }");
    expect(regions.data!.exportGraph.trim().split("\r\n")).toHaveLength(4);
    const cone = await s.gql<{ exportGraph: string }>('{ exportGraph(format: GRAPHML, focus: "turbine-blower") }');
    expect(cone.data!.exportGraph.match(/<node /g)).toHaveLength(2);
    const edges = await s.gql<{ exportGraph: string }>('{ exportGraph(format: CSV_EDGES, region: "zhejiang") }');
    expect(edges.data!.exportGraph).toContain("proportional-valve,valve-maker-zj,SOURCED_FROM");
  });

  it("answers bad filters with codes", async () => {
    expect((await s.gql('{ exportGraph(format: JSON, category: "cardiology") }')).errors?.[0]?.extensions?.code).toBe("INVALID_ARGUMENT");
    expect((await s.gql('{ exportGraph(format: JSON, focus: "ghost") }')).errors?.[0]?.extensions?.code).toBe("UNKNOWN_NODE");
    expect((await s.gql('{ exportGraph(format: JSON, region: "invasive-ventilator") }')).errors?.[0]?.extensions?.code).toBe("UNKNOWN_NODE");
    expect((await s.gql("{ exportGraph(format: XML) }")).errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
