import { int, isInt } from "neo4j-driver";
import { ChokepointError, type EdgeKind, type GraphNode, type NodeKind } from "@chokepoint/graph-schema";
import { Neo4jGraphStore } from "../../../server/src/store/neo4j";
import { constraintStatements } from "../../../server/src/store/neo4j/cypher/schema";
import * as reads from "../../../server/src/store/neo4j/cypher/reads";
import * as writes from "../../../server/src/store/neo4j/cypher/writes";
import { finishWrite, lockGraph, readVersion } from "../../../server/src/store/neo4j/cypher/version";
import { edgeRow, nodeProps } from "../../../server/src/store/neo4j/mapping/to-props";
import { FakeDriver } from "./fake-driver";
import { fakeGraph, graphResponder, type FakeGraph } from "./fake-graph";
import { acme, acmeInWest, driverError, requiresValve, valve, valveFromWest, ventilator, westRegion } from "./fixtures";

/** The adapter's statements as it sends them through the driver, pinned against the builders
 *  (whose text cypher-builders.test.ts pins literally): order, transaction boundaries, params. */

const EVIL_KIND = "SUPPLIES`]->() DELETE";

function open(graph: FakeGraph = fakeGraph()): { store: Neo4jGraphStore; fake: FakeDriver; graph: FakeGraph } {
  const fake = new FakeDriver(graphResponder(graph));
  const store = Neo4jGraphStore.create({ uri: "bolt://unused:7687", user: "neo4j", password: "unused", database: "chokepoint", driver: fake });
  return { store, fake, graph };
}

async function opened(graph?: FakeGraph) {
  const o = open(graph);
  await o.store.version();
  o.fake.reset();
  return o;
}

async function rejection(p: Promise<unknown>): Promise<ChokepointError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ChokepointError) return e;
    throw e;
  }
  throw new Error("expected a rejection");
}

const sent = (fake: FakeDriver) => fake.statements().map((c) => ({ text: c.text, params: c.params }));

/** True when a value (deeply) contains a neo4j Integer: none may leave the adapter. */
function hasInteger(v: unknown): boolean {
  if (isInt(v)) return true;
  if (typeof v === "object" && v !== null) return Object.values(v).some(hasInteger);
  return false;
}

describe("schema setup", () => {
  it("creates nothing at construction, then the constraints (one write each) before the first operation, once", async () => {
    const { store, fake } = open();
    expect(fake.calls).toEqual([]);
    expect(fake.sessionsOpened).toBe(0);
    await store.version();
    expect(fake.calls.map((c) => [c.mode, c.text])).toEqual([...constraintStatements().map((s) => ["WRITE", s.text]), ["READ", readVersion().text]]);
    expect(new Set(fake.calls.slice(0, 3).map((c) => c.tx)).size).toBe(3);
    await store.version();
    expect(fake.calls.filter((c) => c.text.startsWith("CREATE CONSTRAINT"))).toHaveLength(3);
    expect(fake.sessionConfigs.every((c) => c.database === "chokepoint")).toBe(true);
    expect(fake.sessionsClosed).toBe(fake.sessionsOpened);
  });

  it("retries the constraints on a later operation when the database was down", async () => {
    const { store, fake } = open();
    fake.failSession = () => driverError("ServiceUnavailable", "Failed to connect to server 10.0.0.7:7687");
    expect((await rejection(store.version())).code).toBe("STORE_UNAVAILABLE");
    fake.failSession = undefined;
    expect(await store.version()).toBe(0);
    expect(fake.calls.filter((c) => c.text.startsWith("CREATE CONSTRAINT"))).toHaveLength(3);
    expect(fake.sessionsClosed).toBe(fake.sessionsOpened);
  });
});

describe("apply", () => {
  it("writes new nodes and edges in one transaction: lock, read what it touches, upsert per kind, bump the version", async () => {
    const { store, fake } = await opened();
    const result = await store.apply({ upsertNodes: [ventilator, valve, westRegion], upsertEdges: [requiresValve, valveFromWest] });
    expect(result).toEqual({ version: 1, nodesUpserted: 3, edgesUpserted: 2, nodesDeleted: 0, edgesDeleted: 0 });
    expect(sent(fake)).toEqual([
      lockGraph(),
      reads.nodesById(["ventilator", "proportional-valve", "europe-north-america"]),
      reads.edgesByKey([requiresValve, valveFromWest]),
      writes.upsertNodes("Product", [nodeProps(ventilator)]),
      writes.upsertNodes("Component", [nodeProps(valve)]),
      writes.upsertNodes("Region", [nodeProps(westRegion)]),
      writes.upsertEdges("REQUIRES", [edgeRow(requiresValve)]),
      writes.upsertEdges("SOURCED_FROM", [edgeRow(valveFromWest)]),
      finishWrite(true),
    ]);
    expect(new Set(fake.calls.map((c) => c.tx)).size).toBe(1);
    expect(fake.calls.every((c) => c.mode === "WRITE")).toBe(true);
    expect(fake.outcomes).toEqual([{ tx: fake.calls[0]!.tx, mode: "WRITE", outcome: "commit" }]);
  });

  it.each<[NodeKind, GraphNode]>([
    ["Product", ventilator],
    ["Component", valve],
    ["Material", { ...valve, id: "hollow-fibre-membrane", kind: "Material", flags: [] }],
    ["Supplier", acme],
    ["Region", westRegion],
  ])("upserts a %s with its own label statement", async (kind, node) => {
    const { store, fake } = await opened();
    await store.apply({ upsertNodes: [node] });
    expect(sent(fake)).toContainEqual(writes.upsertNodes(kind, [nodeProps(node)]));
  });

  it.each<[EdgeKind, Parameters<Neo4jGraphStore["apply"]>[0]]>([
    ["REQUIRES", { upsertNodes: [ventilator, valve], upsertEdges: [requiresValve] }],
    ["SOURCED_FROM", { upsertNodes: [valve, westRegion], upsertEdges: [valveFromWest] }],
    ["LOCATED_IN", { upsertNodes: [acme, westRegion], upsertEdges: [acmeInWest] }],
    ["WITHIN", { upsertNodes: [westRegion, { ...westRegion, id: "germany", name: { en: "Germany" } }], upsertEdges: [{ from: "germany", to: "europe-north-america", kind: "WITHIN", confidence: "stated", evidence: [] }] }],
  ])("upserts a %s edge with its own relationship-type statement", async (kind, batch) => {
    const { store, fake } = await opened();
    await store.apply(batch);
    const edge = batch.upsertEdges![0]!;
    expect(sent(fake)).toContainEqual(writes.upsertEdges(kind, [edgeRow(edge)]));
  });

  it("sends names, aliases and quotes that look like Cypher only as parameters", async () => {
    const { store, fake } = await opened();
    const hostile = "x'}) MATCH (n) DETACH DELETE n //";
    const node: GraphNode = { ...valve, name: { zh: hostile, en: "`]->() DELETE r" }, aliases: ["}) RETURN 1 UNION MATCH (m) DELETE m"], evidence: [{ note: hostile }] };
    await store.apply({ upsertNodes: [node] });
    for (const c of fake.calls) {
      expect(c.text).not.toContain("DETACH DELETE n //");
      expect(c.text).not.toContain("DELETE r");
      expect(c.text).not.toContain("UNION MATCH");
    }
    expect(JSON.stringify(fake.calls.map((c) => c.params))).toContain("DETACH DELETE n //");
  });

  it.each([
    ["an edge", { upsertEdges: [{ ...requiresValve, kind: EVIL_KIND as EdgeKind }] }, "EDGE_KIND_UNKNOWN", "$.upsertEdges[0].kind"],
    ["a node", { upsertNodes: [{ ...valve, kind: EVIL_KIND as NodeKind }] }, "KIND_UNKNOWN", "$.upsertNodes[0].kind"],
    ["a deletion", { deleteEdges: [{ from: "a", to: "b", kind: EVIL_KIND as EdgeKind }] }, "EDGE_KIND_UNKNOWN", "$.deleteEdges[0].kind"],
  ])("rejects %s with an unknown kind before anything reaches the driver", async (_what, batch, code, path) => {
    const { store, fake } = open();
    const e = await rejection(store.apply(batch));
    expect(e.code).toBe("VALIDATION_FAILED");
    expect(e.problems).toEqual([expect.objectContaining({ code, path })]);
    expect(fake.calls).toEqual([]);
    expect(fake.sessionsOpened).toBe(0);
  });

  it("rejects an unknown kind in a query before anything reaches the driver", async () => {
    const { store, fake } = open();
    expect((await rejection(store.listEdges({ kind: EVIL_KIND as EdgeKind }))).code).toBe("INVALID_ARGUMENT");
    expect((await rejection(store.listNodes({ kind: EVIL_KIND as NodeKind }))).code).toBe("INVALID_ARGUMENT");
    expect(fake.calls).toEqual([]);
  });

  it("writes nothing and keeps the version when the batch matches what is stored", async () => {
    const { store, fake, graph } = await opened(fakeGraph({ version: 7, nodes: [ventilator, valve], edges: [requiresValve] }));
    const result = await store.apply({ upsertNodes: [valve, ventilator], upsertEdges: [requiresValve] });
    expect(result).toEqual({ version: 7, nodesUpserted: 0, edgesUpserted: 0, nodesDeleted: 0, edgesDeleted: 0 });
    expect(sent(fake)).toEqual([lockGraph(), reads.nodesById(["proportional-valve", "ventilator"]), reads.edgesByKey([requiresValve]), finishWrite(false)]);
    expect(graph.version).toBe(7);
  });

  it("rewrites only what changed", async () => {
    const { store, fake } = await opened(fakeGraph({ version: 2, nodes: [ventilator, valve], edges: [requiresValve] }));
    const renamed = { ...valve, name: { zh: "比例阀", en: "Proportional valve (ventilator)" } };
    const result = await store.apply({ upsertNodes: [ventilator, renamed] });
    expect(result).toMatchObject({ version: 3, nodesUpserted: 1 });
    expect(sent(fake).filter((s) => s.text.startsWith("UNWIND $rows AS row\nMERGE"))).toEqual([writes.upsertNodes("Component", [nodeProps(renamed)])]);
  });

  it("deletes edges, then nodes (detached), in that order, counting only what existed", async () => {
    const { store, fake } = await opened(fakeGraph({ version: 1, nodes: [ventilator, valve, westRegion], edges: [requiresValve, valveFromWest] }));
    const result = await store.apply({ deleteNodes: ["proportional-valve", "no-such-node"], deleteEdges: [{ from: "ventilator", to: "proportional-valve", kind: "REQUIRES" }] });
    // One edge deleted by reference, one (valve → west) with its node.
    expect(result).toEqual({ version: 2, nodesUpserted: 0, edgesUpserted: 0, nodesDeleted: 1, edgesDeleted: 2 });
    expect(sent(fake)).toEqual([
      lockGraph(),
      reads.nodesById(["proportional-valve", "no-such-node"]),
      reads.edgesByKey([{ from: "ventilator", to: "proportional-valve", kind: "REQUIRES" }]),
      writes.deleteEdges("REQUIRES", [{ from: "ventilator", to: "proportional-valve" }]),
      writes.detachEdges(["proportional-valve"]),
      writes.deleteNodes(["proportional-valve"]),
      finishWrite(true),
    ]);
  });

  it("changes a node's kind by relabelling it, after checking its stored edges still fit", async () => {
    const graph = fakeGraph({ version: 1, nodes: [acme, westRegion], edges: [acmeInWest] });
    const { store, fake } = await opened(graph);
    const asComponent: GraphNode = { ...acme, kind: "Component" };
    const e = await rejection(store.apply({ upsertNodes: [asComponent] }));
    expect(e.code).toBe("VALIDATION_FAILED");
    expect(e.problems).toEqual([expect.objectContaining({ code: "EDGE_ENDPOINT_KIND", path: "$.upsertNodes[0].kind" })]);
    expect(sent(fake)).toEqual([lockGraph(), reads.nodesById(["acme-valves"]), reads.incidentEdges(["acme-valves"])]);
    expect(fake.outcomes.map((o) => o.outcome)).toEqual(["rollback"]);

    fake.reset();
    const ok = await store.apply({ upsertNodes: [asComponent], deleteEdges: [{ from: "acme-valves", to: "europe-north-america", kind: "LOCATED_IN" }] });
    expect(ok).toMatchObject({ nodesUpserted: 1, edgesDeleted: 1 });
    const upsert = writes.upsertNodes("Component", [nodeProps(asComponent)]);
    expect(upsert.text).toContain("REMOVE n:Product:Material:Supplier:Region");
    expect(sent(fake)).toContainEqual(upsert);
  });

  it("rejects an edge to a missing node inside the transaction and rolls it back, writing nothing", async () => {
    const { store, fake } = await opened(fakeGraph({ nodes: [ventilator] }));
    const e = await rejection(store.apply({ upsertEdges: [requiresValve] }));
    expect(e.code).toBe("VALIDATION_FAILED");
    expect(e.problems).toEqual([expect.objectContaining({ code: "EDGE_ENDPOINT_MISSING", path: "$.upsertEdges[0].to" })]);
    expect(fake.statements().some((c) => /MERGE \(a\)|SET n = row|DELETE/.test(c.text))).toBe(false);
    expect(fake.outcomes.map((o) => o.outcome)).toEqual(["rollback"]);
  });

  it("rejects an edge between kinds its kind does not connect", async () => {
    const { store } = await opened();
    const e = await rejection(store.apply({ upsertNodes: [ventilator, westRegion], upsertEdges: [{ from: "europe-north-america", to: "ventilator", kind: "REQUIRES", confidence: "stated", evidence: [] }] }));
    expect(e.problems.map((p) => p.code)).toEqual(["EDGE_ENDPOINT_KIND"]);
  });

  it("fails and rolls back when an edge row finds no endpoint at write time", async () => {
    const graph = fakeGraph({ nodes: [ventilator, valve] });
    const fake = new FakeDriver((call) => (call.text.includes("MERGE (a)-[r:") ? [{ count: int(0) }] : graphResponder(graph)(call)));
    const store = Neo4jGraphStore.create({ uri: "bolt://unused", user: "u", password: "p", driver: fake });
    expect((await rejection(store.apply({ upsertEdges: [requiresValve] }))).code).toBe("STORE_ERROR");
    expect(fake.outcomes.at(-1)?.outcome).toBe("rollback");
  });

  it("splits large batches into statements of 5,000 rows", async () => {
    const { store, fake } = await opened();
    const nodes = Array.from({ length: 12_001 }, (_, i): GraphNode => ({ ...westRegion, id: `region-${i}` }));
    const result = await store.apply({ upsertNodes: nodes });
    expect(result.nodesUpserted).toBe(12_001);
    const upserts = fake.statements().filter((c) => c.text.startsWith("UNWIND $rows AS row\nMERGE (n:CpNode"));
    expect(upserts.map((c) => (c.params.rows as unknown[]).length)).toEqual([5000, 5000, 2001]);
    expect(fake.statements().filter((c) => c.text === reads.nodesById([]).text)).toHaveLength(3);
  });
});

describe("importGraph", () => {
  const graphOf = (nodes: GraphNode[], edges = [requiresValve]) => ({ format: "chokepoint/graph" as const, version: 1 as const, documents: [{ id: "000", file: "000.txt", title: { zh: "通知" } }], nodes, edges });

  it("upserts documents, nodes and edges in one transaction and reports counts", async () => {
    const { store, fake } = await opened();
    const result = await store.importGraph(graphOf([ventilator, valve]));
    expect(result).toEqual({ version: 1, nodesUpserted: 2, edgesUpserted: 1, nodesDeleted: 0, edgesDeleted: 0, unchanged: 0 });
    expect(sent(fake)).toContainEqual(writes.upsertDocuments([{ id: "000", file: "000.txt", titleZh: "通知" }]));
    expect(new Set(fake.calls.map((c) => c.tx)).size).toBe(1);
  });

  it("changes nothing when the same graph is imported again", async () => {
    const graph = fakeGraph({ version: 4, nodes: [ventilator, valve], edges: [requiresValve], documents: [{ id: "000", file: "000.txt", title: { zh: "通知" } }] });
    const { store, fake } = await opened(graph);
    const result = await store.importGraph(graphOf([ventilator, valve]));
    expect(result).toEqual({ version: 4, nodesUpserted: 0, edgesUpserted: 0, nodesDeleted: 0, edgesDeleted: 0, unchanged: 3 });
    expect(fake.statements().some((c) => /SET (n|r|d) = /.test(c.text))).toBe(false);
    expect(fake.statements().at(-1)).toMatchObject(finishWrite(false));
  });

  it("names problems by the file's paths", async () => {
    const { store } = await opened();
    const e = await rejection(store.importGraph(graphOf([ventilator])));
    expect(e.problems).toEqual([expect.objectContaining({ code: "EDGE_ENDPOINT_MISSING", path: "$.edges[0].to" })]);
  });
});

describe("reads", () => {
  const stored = () => fakeGraph({ version: 3, nodes: [acme, ventilator, valve, westRegion], edges: [valveFromWest, requiresValve, acmeInWest], documents: [{ id: "000", file: "000.txt", title: { zh: "通知" } }] });

  it("lists nodes with a lowercased search, one extra row to detect the next page, and a total", async () => {
    const graph = stored();
    const fake = new FakeDriver((call) => {
      if (call.text.startsWith("MATCH (n:CpNode)") && call.text.endsWith("LIMIT $limit")) return [{ props: graph.nodes.get("proportional-valve") }, { props: graph.nodes.get("ventilator") }];
      if (call.text.endsWith("RETURN count(n) AS total")) return [{ total: int(2) }];
      return graphResponder(graph)(call);
    });
    const store = Neo4jGraphStore.create({ uri: "bolt://unused", user: "u", password: "p", driver: fake });
    await store.version();
    fake.reset();
    const page = await store.listNodes({ search: "  VALVE ", first: 1, kind: "Component" });
    expect(sent(fake)).toEqual([reads.listNodes({ kind: "Component", search: "valve" }, undefined, 2), reads.countNodes({ kind: "Component", search: "valve" })]);
    expect(page.items).toEqual([valve]);
    expect(page).toMatchObject({ hasNextPage: true, totalCount: 2 });
    expect(hasInteger(page)).toBe(false);

    fake.reset();
    await store.listNodes({ search: "valve", first: 1, kind: "Component", after: page.endCursor! });
    expect(fake.calls[0]!.params).toMatchObject({ after: "proportional-valve", limit: int(2) });
  });

  it("checks page sizes and cursors before asking the database", async () => {
    const { store, fake } = await opened();
    expect((await rejection(store.listNodes({ first: 501 }))).code).toBe("PAGE_TOO_LARGE");
    expect((await rejection(store.listNodes({ first: 0 }))).code).toBe("INVALID_ARGUMENT");
    expect((await rejection(store.listNodes({ first: 2.5 }))).code).toBe("INVALID_ARGUMENT");
    expect((await rejection(store.listNodes({ after: "not a cursor" }))).code).toBe("INVALID_ARGUMENT");
    expect((await rejection(store.listNodes({ after: Buffer.from('["e","a","REQUIRES","b"]').toString("base64url") }))).code).toBe("INVALID_ARGUMENT");
    expect((await rejection(store.listEdges({ after: Buffer.from('["e","a","EVIL","b"]').toString("base64url") }))).code).toBe("INVALID_ARGUMENT");
    expect(fake.calls).toEqual([]);
  });

  it("lists edges and continues after the cursor position", async () => {
    const graph = stored();
    const fake = new FakeDriver((call) => {
      if (call.text.endsWith("LIMIT $limit")) return graph.edges.slice(0, 2).map((e) => ({ ...e }));
      if (call.text.endsWith("RETURN count(r) AS total")) return [{ total: int(3) }];
      return graphResponder(graph)(call);
    });
    const store = Neo4jGraphStore.create({ uri: "bolt://unused", user: "u", password: "p", driver: fake });
    const page = await store.listEdges({ first: 1 });
    expect(page.items).toEqual([valveFromWest]);
    expect(page).toMatchObject({ hasNextPage: true, totalCount: 3 });
    fake.reset();
    await store.listEdges({ first: 1, after: page.endCursor! });
    expect(fake.calls[0]).toMatchObject(reads.listEdges({}, { from: "proportional-valve", kind: "SOURCED_FROM", to: "europe-north-america" }, 2));
  });

  it("reads a node with its edges both ways in one read transaction, and null for an unknown id", async () => {
    const graph = stored();
    const fake = new FakeDriver((call) => {
      if (call.text === reads.nodeById("x").text) return call.params.id === "proportional-valve" ? [{ props: graph.nodes.get("proportional-valve") }] : [];
      if (call.text === reads.outgoingEdges("x").text) return [graph.edges[0]!];
      if (call.text === reads.incomingEdges("x").text) return [graph.edges[1]!];
      return graphResponder(graph)(call);
    });
    const store = Neo4jGraphStore.create({ uri: "bolt://unused", user: "u", password: "p", driver: fake });
    expect(await store.getNode("proportional-valve")).toEqual({ node: valve, outgoing: [valveFromWest], incoming: [requiresValve] });
    expect(new Set(fake.statements().map((c) => c.tx)).size).toBe(1);
    expect(fake.statements().every((c) => c.mode === "READ")).toBe(true);
    expect(await store.getNode("nope")).toBeNull();
  });

  it("counts per kind, with neo4j Integers turned into numbers", async () => {
    const fake = new FakeDriver((call) => {
      if (call.text === reads.countByKind().text) return [{ what: "node", kind: "Product", count: int(2) }, { what: "edge", kind: "REQUIRES", count: int(5) }];
      return call.text === readVersion().text ? [{ version: int(9) }] : [];
    });
    const store = Neo4jGraphStore.create({ uri: "bolt://unused", user: "u", password: "p", driver: fake });
    const counts = await store.counts();
    expect(counts).toEqual({
      version: 9,
      nodes: { Product: 2, Component: 0, Material: 0, Supplier: 0, Region: 0 },
      edges: { REQUIRES: 5, SOURCED_FROM: 0, LOCATED_IN: 0, WITHIN: 0 },
    });
  });

  it("streams the snapshot in one read transaction, sorted, frozen, without Integers, cached per version", async () => {
    const { store, fake, graph } = await opened(stored());
    const snap = await store.snapshot();
    expect(sent(fake)).toEqual([readVersion(), readVersion(), reads.allDocuments(), reads.allNodes(), reads.allEdges(), readVersion()]);
    expect(new Set(fake.calls.slice(1).map((c) => c.tx)).size).toBe(1);
    expect(snap.version).toBe(3);
    expect(snap.edges).toEqual([acmeInWest, valveFromWest, requiresValve]);
    expect(snap.nodes.map((n) => n.id)).toEqual(["acme-valves", "ventilator", "proportional-valve", "europe-north-america"]);
    expect(Object.isFrozen(snap) && Object.isFrozen(snap.nodes) && Object.isFrozen(snap.nodes[1]!.evidence[0]) && Object.isFrozen(snap.nodes[1]!.attrs)).toBe(true);
    expect(hasInteger(snap)).toBe(false);

    fake.reset();
    expect(await store.snapshot()).toBe(snap);
    expect(sent(fake)).toEqual([readVersion()]);

    graph.version = 4;
    fake.reset();
    const next = await store.snapshot();
    expect(next).not.toBe(snap);
    expect(next.version).toBe(4);
  });

  it("reads again, and caches only a consistent read, when a write commits during the snapshot", async () => {
    const graph = stored();
    let writes = 2;
    const fake = new FakeDriver((call) => {
      if (call.text === reads.allEdges().text && writes-- > 0) graph.version++;
      return graphResponder(graph)(call);
    });
    const store = Neo4jGraphStore.create({ uri: "bolt://unused", user: "u", password: "p", driver: fake });
    const snap = await store.snapshot();
    expect(snap.version).toBe(5);
    expect(fake.calls.filter((c) => c.text === reads.allNodes().text)).toHaveLength(3);
    fake.reset();
    expect(await store.snapshot()).toBe(snap);
  });

  it("serves a read that overlapped writes every time, but does not cache it", async () => {
    const graph = stored();
    const fake = new FakeDriver((call) => {
      if (call.text === reads.allEdges().text) graph.version++;
      return graphResponder(graph)(call);
    });
    const store = Neo4jGraphStore.create({ uri: "bolt://unused", user: "u", password: "p", driver: fake });
    const snap = await store.snapshot();
    expect(snap.nodes).toHaveLength(4);
    expect(fake.calls.filter((c) => c.text === reads.allNodes().text)).toHaveLength(3);
    expect(await store.snapshot()).not.toBe(snap);
  });

  it("exports the snapshot as an interchange document", async () => {
    const { store } = await opened(stored());
    const g = await store.exportGraph();
    expect(g).toMatchObject({ format: "chokepoint/graph", version: 1, documents: [{ id: "000", file: "000.txt", title: { zh: "通知" } }] });
    expect(g.edges.map((e) => e.kind)).toEqual(["LOCATED_IN", "SOURCED_FROM", "REQUIRES"]);
  });

  it("reports data it could not have written as STORE_CORRUPT", async () => {
    const fake = new FakeDriver((call) => (call.text === reads.nodeById("x").text ? [{ props: { id: "x", kind: "Spaceship", confidence: "stated" } }] : []));
    const store = Neo4jGraphStore.create({ uri: "bolt://unused", user: "u", password: "p", driver: fake });
    expect((await rejection(store.getNode("x"))).code).toBe("STORE_CORRUPT");
  });
});

describe("close", () => {
  it("closes the driver; every later call, health included, fails with STORE_CLOSED", async () => {
    const { store, fake } = await opened();
    await store.close();
    expect(fake.closed).toBe(true);
    for (const op of [store.version(), store.apply({ upsertNodes: [valve] }), store.listNodes(), store.snapshot(), store.getNode("x"), store.health(), store.exportGraph()]) {
      expect((await rejection(op)).code).toBe("STORE_CLOSED");
    }
    expect(fake.calls).toEqual([]);
    await store.close();
  });

  it("lets a write already under way finish before closing the driver", async () => {
    const { store, fake } = await opened();
    const pending = store.apply({ upsertNodes: [valve] });
    const closed = store.close();
    expect((await rejection(store.version())).code).toBe("STORE_CLOSED");
    await expect(pending).resolves.toMatchObject({ nodesUpserted: 1 });
    await closed;
    expect(fake.closed).toBe(true);
    expect(fake.outcomes.map((o) => o.outcome)).toEqual(["commit"]);
  });
});
