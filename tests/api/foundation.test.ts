import { startTestServer, EDITOR_TOKEN, READ_TOKEN, SEED_GRAPH, type TestServer } from "./test-server";

describe("HTTP server on the embedded store (sample graph)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it("answers /healthz and /readyz", async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", store: "embedded" });
  });

  it("counts the graph by kind", async () => {
    const r = await server.gql<{ stats: { nodeCount: number; edgeCount: number; nodes: { kind: string; count: number }[] } }>(
      "{ stats { version nodeCount edgeCount nodes { kind count } edges { kind count } } }",
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.stats.nodeCount).toBe(8);
    expect(r.data!.stats.edgeCount).toBe(8);
    expect(r.data!.stats.nodes).toContainEqual({ kind: "Region", count: 3 });
  });

  it("returns a node with names, evidence and edges", async () => {
    const r = await server.gql<{ node: { name: { zh: string; en: string }; outgoing: { kind: string; to: string; toNode: { kind: string } }[]; incoming: { from: string }[] } }>(
      `{ node(id: "proportional-valve") { id kind name { zh en } flags { flag confidence } evidence { note }
         outgoing { kind to share toNode { kind } } incoming { from kind } attrs { key value } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.node.name).toEqual({ zh: "比例阀", en: "Proportional valve" });
    expect(r.data!.node.outgoing.map((e) => e.to).sort()).toEqual(["valve-maker-de", "valve-maker-zj"]);
    expect(r.data!.node.outgoing[0]!.toNode.kind).toBe("Supplier");
    expect(r.data!.node.incoming).toEqual([{ from: "invasive-ventilator", kind: "REQUIRES" }]);
    expect((await server.gql(`{ node(id: "nope") { id } }`)).data).toEqual({ node: null });
  });

  it("pages and searches nodes in zh and en", async () => {
    const first = await server.gql<{ nodes: { items: { id: string }[]; endCursor: string; hasNextPage: boolean; totalCount: number } }>(
      "{ nodes(first: 3) { items { id } endCursor hasNextPage totalCount } }",
    );
    expect(first.data!.nodes.totalCount).toBe(8);
    expect(first.data!.nodes.hasNextPage).toBe(true);
    const rest = await server.gql<{ nodes: { items: { id: string }[]; hasNextPage: boolean } }>(
      "query($after: String) { nodes(first: 10, after: $after) { items { id } hasNextPage } }",
      { after: first.data!.nodes.endCursor },
    );
    const all = [...first.data!.nodes.items, ...rest.data!.nodes.items].map((n) => n.id);
    expect(all).toHaveLength(8);
    expect(new Set(all).size).toBe(8);
    expect(rest.data!.nodes.hasNextPage).toBe(false);
    const zh = await server.gql<{ nodes: { items: { id: string }[] } }>('{ nodes(search: "比例") { items { id } } }');
    expect(zh.data!.nodes.items.map((n) => n.id)).toEqual(["proportional-valve"]);
    const en = await server.gql<{ nodes: { items: { id: string }[] } }>('{ nodes(kind: Supplier, search: "VALVE") { items { id } } }');
    expect(en.data!.nodes.items.map((n) => n.id)).toEqual(["valve-maker-de", "valve-maker-zj"]);
  });

  it("rejects oversized pages and bad cursors with stable codes", async () => {
    expect((await server.gql("{ nodes(first: 99999999) { totalCount } }")).errors![0]!.extensions!.code).toBe("PAGE_TOO_LARGE");
    expect((await server.gql('{ nodes(after: "garbage") { totalCount } }')).errors![0]!.extensions!.code).toBe("INVALID_ARGUMENT");
    expect((await server.gql("{ nope }")).errors![0]!.extensions!.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("lets only editors write", async () => {
    const m = `mutation { upsertNode(node: { id: "flow-sensor", kind: Component, name: { zh: "流量传感器", en: "Flow sensor" } }) { version nodesUpserted } }`;
    expect((await server.gql(m)).errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
    expect((await server.gql(m, {}, "not-a-valid-token-at-all")).status).toBe(401);
    const ok = await server.gql<{ upsertNode: { nodesUpserted: number } }>(m, {}, EDITOR_TOKEN);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.upsertNode.nodesUpserted).toBe(1);
    const n = await server.gql<{ node: { confidence: string; evidence: { note: string }[] } }>('{ node(id: "flow-sensor") { confidence evidence { note } } }');
    expect(n.data!.node.confidence).toBe("inferred");
    expect(n.data!.node.evidence[0]!.note).toMatch(/editor/);
  });
});

describe("read token", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ CHOKEPOINT_READ_TOKEN: READ_TOKEN });
  });
  afterAll(() => server.stop());

  it("requires a token to read and refuses writes by readers", async () => {
    const anon = await server.gql("{ stats { nodeCount } }");
    expect(anon.status).toBe(401);
    expect(anon.errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
    expect((await server.gql("{ stats { nodeCount } }", {}, READ_TOKEN)).data).toEqual({ stats: { nodeCount: 8 } });
    const write = await server.gql('mutation { deleteNode(id: "china") { version } }', {}, READ_TOKEN);
    expect(write.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect((await server.gql('{ node(id: "china") { id } }', {}, EDITOR_TOKEN)).data).toEqual({ node: { id: "china" } });
  });
});

describe("Neo4j unreachable at start-up", () => {
  let server: TestServer;
  beforeAll(async () => {
    // Port 1 on loopback: nothing listens there, so connections are refused at once.
    server = await startTestServer({ NEO4J_URI: "bolt://127.0.0.1:1", NEO4J_PASSWORD: "irrelevant-secret" });
  });
  afterAll(() => server.stop());

  it("starts, reports not ready, and fails queries quickly with a code and no driver detail", async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const t0 = Date.now();
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    const r = await server.gql("{ stats { nodeCount } }");
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.errors![0]!.extensions!.code).toBe("STORE_UNAVAILABLE");
    expect(JSON.stringify(r)).not.toMatch(/irrelevant-secret|ECONNREFUSED|Neo4jError|bolt:/);
  });
});

describe("explicit nulls for optional arguments", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it("treat null like an omitted argument (found by the fuzzer)", async () => {
    const r = await server.gql<{ nodes: { totalCount: number } }>("{ nodes(search: null, region: null, kind: null, flag: null, category: null, after: null) { totalCount } }");
    expect(r.errors).toBeUndefined();
    expect(r.data!.nodes.totalCount).toBe(8);
  });
});

describe("evidence in context (seed graph)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ CHOKEPOINT_SEED_FILE: SEED_GRAPH });
  });
  afterAll(() => server.stop());

  it("returns the quote inside the surrounding document text", async () => {
    const r = await server.gql<{ node: { evidence: { quote: string; context: { before: string; quote: string; after: string } | null }[] } }>(
      '{ node(id: "proportional-valve") { evidence { quote line context(radius: 1) { before quote after } } } }',
    );
    expect(r.errors).toBeUndefined();
    const withContext = r.data!.node.evidence.filter((e) => e.context !== null);
    expect(withContext.length).toBeGreaterThan(0);
    for (const e of withContext) {
      expect(e.context!.quote).toBe(e.quote);
      expect(e.context!.before.length + e.context!.after.length).toBeGreaterThan(0);
    }
    expect((await server.gql('{ node(id: "proportional-valve") { evidence { context(radius: 9) { quote } } } }')).errors![0]!.extensions!.code).toBe("INVALID_ARGUMENT");
  });
});
