import { EDGE_KINDS, NODE_KINDS, type EdgeKind, type ErrorCode, type GraphEdge, type GraphNode, type InterchangeGraph, type NodeKind } from "@chokepoint/graph-schema";
import { MAX_PAGE_SIZE, type GraphStore, type Page } from "../../server/src/domain/graph-store";

/**
 * The `GraphStore` contract (DESIGN §3), written once and run by every adapter, in the manner of
 * keyv's test-suite: the embedded store always, Neo4j whenever NEO4J_URI is set. Assertions are on
 * data and error codes, never on messages, and nothing here depends on how an adapter stores data.
 *
 * `makeStore` must return a store holding no data. It may also return `reopen`, which closes
 * nothing itself but opens a second store over the same data after the first was closed; the
 * persistence cases run only when `capabilities.persistence` is set and `reopen` is given.
 */
export interface ContractStore {
  readonly store: GraphStore;
  readonly cleanup: () => Promise<void>;
  readonly reopen?: () => Promise<GraphStore>;
}

export function describeGraphStoreContract(
  name: string,
  makeStore: () => Promise<ContractStore>,
  capabilities: { persistence?: boolean } = {},
): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;
    let handle: ContractStore;

    beforeEach(async () => {
      handle = await makeStore();
      store = handle.store;
    });

    afterEach(async () => {
      await handle.cleanup();
    });

    describe("nodes", () => {
      it("starts empty", async () => {
        expect(Number.isSafeInteger(await store.version())).toBe(true);
        const counts = await store.counts();
        expect(Object.values(counts.nodes).every((n) => n === 0)).toBe(true);
        expect(Object.values(counts.edges).every((n) => n === 0)).toBe(true);
        expect((await store.listNodes()).items).toEqual([]);
        expect(["embedded", "neo4j"]).toContain(store.kind);
      });

      it("stores an upserted node and returns it by id", async () => {
        const result = await store.apply({ upsertNodes: [NODES.vent, NODES.valve] });
        expect(result).toMatchObject({ nodesUpserted: 2, edgesUpserted: 0, nodesDeleted: 0, edgesDeleted: 0 });
        expect((await store.getNode("vent"))?.node).toEqual(NODES.vent);
        expect((await store.getNode("valve"))?.node).toEqual(NODES.valve);
      });

      it("returns null for an unknown node", async () => {
        await load(store);
        expect(await store.getNode("no-such-node")).toBeNull();
      });

      it("replaces the whole node on upsert", async () => {
        await load(store);
        const plain = node("vent", "Product", { name: { en: "Ventilator" } });
        await store.apply({ upsertNodes: [plain] });
        const stored = (await store.getNode("vent"))!.node;
        expect(stored).toEqual(plain);
        expect(stored.aliases).toEqual([]);
        expect(stored.flags).toEqual([]);
        expect(stored.category).toBeUndefined();
      });

      it("deletes a node; deleting an unknown node is a no-op", async () => {
        await load(store);
        const result = await store.apply({ deleteNodes: ["ecmo"] });
        expect(result.nodesDeleted).toBe(1);
        expect(await store.getNode("ecmo")).toBeNull();
        const v = await store.version();
        const again = await store.apply({ deleteNodes: ["ecmo", "never-existed"] });
        expect(again).toMatchObject({ version: v, nodesDeleted: 0, edgesDeleted: 0 });
      });

      it("deleting a node deletes its incoming and outgoing edges", async () => {
        await load(store);
        const result = await store.apply({ deleteNodes: ["valve"] });
        expect(result).toMatchObject({ nodesDeleted: 1, edgesDeleted: 3 });
        expect((await store.getNode("vent"))!.outgoing.map((e) => e.to)).toEqual(["blower"]);
        expect((await store.getNode("maker-de"))!.incoming).toEqual([]);
        expect((await store.listEdges({ from: "valve" })).totalCount).toBe(0);
        expect((await store.counts()).edges).toEqual({ REQUIRES: 2, SOURCED_FROM: 1, LOCATED_IN: 2, WITHIN: 1 });
      });

      it("applies deletes before upserts, so a batch can re-create a node without its old edges", async () => {
        await load(store);
        const material = node("blower", "Material", { name: { en: "Blower material" } });
        await store.apply({ deleteNodes: ["blower"], upsertNodes: [material] });
        const got = (await store.getNode("blower"))!;
        expect(got.node).toEqual(material);
        expect(got.incoming).toEqual([]);
      });

      it("keeps text verbatim: Cypher-, HTML- and formula-looking names are data", async () => {
        const odd = node("odd-supplier", "Supplier", {
          name: { zh: "<script>alert(1)</script>", en: '"}) DETACH DELETE n //' },
          aliases: ["=SUM(A1:A9)", "'; MATCH (n) RETURN n"],
        });
        await store.apply({ upsertNodes: [odd] });
        expect((await store.getNode("odd-supplier"))!.node).toEqual(odd);
        expect((await store.listNodes({ search: "detach delete" })).items.map((n) => n.id)).toEqual(["odd-supplier"]);
      });
    });

    describe("edges", () => {
      it("stores edges and shows them on both endpoints", async () => {
        await load(store);
        const vent = (await store.getNode("vent"))!;
        expect(sortEdges(vent.outgoing)).toEqual(sortEdges([EDGES.ventValve, EDGES.ventBlower]));
        expect(vent.incoming).toEqual([]);
        const valve = (await store.getNode("valve"))!;
        expect(valve.incoming).toEqual([EDGES.ventValve]);
        expect(sortEdges(valve.outgoing)).toEqual(sortEdges([EDGES.valveDe, EDGES.valveZj]));
      });

      it("replaces an edge with the same endpoints and kind instead of adding one", async () => {
        await load(store);
        const changed = edge("valve", "maker-de", "SOURCED_FROM", { share: 0.5, leadTimeDays: 30, qualified: true });
        const result = await store.apply({ upsertEdges: [changed] });
        expect(result.edgesUpserted).toBe(1);
        const page = await store.listEdges({ from: "valve", to: "maker-de" });
        expect(page.items).toEqual([changed]);
        expect((await store.counts()).edges.SOURCED_FROM).toBe(3);
      });

      it("deletes an edge by reference; deleting a missing edge is a no-op", async () => {
        await load(store);
        const result = await store.apply({ deleteEdges: [{ from: "vent", to: "blower", kind: "REQUIRES" }] });
        expect(result.edgesDeleted).toBe(1);
        expect((await store.getNode("vent"))!.outgoing).toEqual([EDGES.ventValve]);
        const v = await store.version();
        const again = await store.apply({ deleteEdges: [{ from: "vent", to: "blower", kind: "REQUIRES" }, { from: "vent", to: "valve", kind: "WITHIN" }] });
        expect(again).toMatchObject({ version: v, edgesDeleted: 0 });
        expect(await store.getNode("blower")).not.toBeNull();
      });

      it("accepts an edge whose endpoints are created in the same batch", async () => {
        const result = await store.apply({ upsertNodes: [NODES.valve, NODES.makerDe], upsertEdges: [EDGES.valveDe] });
        expect(result).toMatchObject({ nodesUpserted: 2, edgesUpserted: 1 });
        expect((await store.getNode("maker-de"))!.incoming).toEqual([EDGES.valveDe]);
      });

      it("rejects an edge to a missing node with EDGE_ENDPOINT_MISSING", async () => {
        await load(store);
        const e = await rejection(store.apply({ upsertEdges: [edge("vent", "ghost", "REQUIRES")] }), "VALIDATION_FAILED");
        expect(problemCodes(e)).toEqual(["EDGE_ENDPOINT_MISSING"]);
      });

      it("rejects an edge to a node deleted in the same batch", async () => {
        await load(store);
        const e = await rejection(store.apply({ deleteNodes: ["maker-zj"], upsertEdges: [edge("valve", "maker-zj", "SOURCED_FROM")] }), "VALIDATION_FAILED");
        expect(problemCodes(e)).toEqual(["EDGE_ENDPOINT_MISSING"]);
        expect(await store.getNode("maker-zj")).not.toBeNull();
      });

      it.each([
        ["REQUIRES from a Region", edge("eu", "valve", "REQUIRES")],
        ["SOURCED_FROM to a Component", edge("valve", "blower", "SOURCED_FROM")],
        ["LOCATED_IN from a Component", edge("valve", "eu", "LOCATED_IN")],
        ["WITHIN from a Supplier", edge("maker-de", "eu", "WITHIN")],
      ])("rejects endpoint kinds the edge kind does not allow: %s", async (_label, bad) => {
        await load(store);
        const e = await rejection(store.apply({ upsertEdges: [bad] }), "VALIDATION_FAILED");
        expect(problemCodes(e)).toEqual(["EDGE_ENDPOINT_KIND"]);
      });

      it("rejects a node kind change that would break a stored edge", async () => {
        await load(store);
        const e = await rejection(store.apply({ upsertNodes: [node("maker-de", "Component")] }), "VALIDATION_FAILED");
        expect(problemCodes(e)).toContain("EDGE_ENDPOINT_KIND");
        expect((await store.getNode("maker-de"))!.node.kind).toBe("Supplier");
      });

      it("rejects self-loops and malformed nodes with their problem codes", async () => {
        await load(store);
        const loop = await rejection(store.apply({ upsertEdges: [edge("vent", "vent", "REQUIRES")] }), "VALIDATION_FAILED");
        expect(problemCodes(loop)).toEqual(["EDGE_SELF_LOOP"]);
        const malformed = { id: "Bad Id!", kind: "Gadget", name: { en: "x" } } as unknown as GraphNode;
        const bad = await rejection(store.apply({ upsertNodes: [malformed] }), "VALIDATION_FAILED");
        expect(problemCodes(bad)).toEqual(["ID_INVALID", "KIND_UNKNOWN"]);
      });
    });

    describe("atomic writes and versions", () => {
      it("writes nothing when one edge of a batch is invalid", async () => {
        await load(store);
        const before = await store.exportGraph();
        const v = await store.version();
        const batch = {
          upsertNodes: [node("new-part", "Component")],
          upsertEdges: [edge("vent", "new-part", "REQUIRES"), edge("new-part", "ghost", "SOURCED_FROM")],
          deleteNodes: ["ecmo"],
        };
        const e = await rejection(store.apply(batch), "VALIDATION_FAILED");
        expect(problemCodes(e)).toEqual(["EDGE_ENDPOINT_MISSING"]);
        expect(await store.version()).toBe(v);
        expect(await store.getNode("new-part")).toBeNull();
        expect(await store.exportGraph()).toEqual(before);
      });

      it("increases the version on every write that changes data", async () => {
        const v0 = await store.version();
        const r1 = await store.apply({ upsertNodes: [NODES.vent] });
        expect(r1.version).toBeGreaterThan(v0);
        expect(await store.version()).toBe(r1.version);
        const r2 = await store.apply({ upsertNodes: [node("vent", "Product", { name: { en: "Renamed" } })] });
        expect(r2.version).toBeGreaterThan(r1.version);
        const r3 = await store.apply({ deleteNodes: ["vent"] });
        expect(r3.version).toBeGreaterThan(r2.version);
      });

      it("keeps the version for writes that change nothing", async () => {
        await load(store);
        const v = await store.version();
        expect(await store.apply({})).toMatchObject({ version: v, nodesUpserted: 0, edgesUpserted: 0 });
        const same = await store.apply({ upsertNodes: [NODES.vent, NODES.valve], upsertEdges: [EDGES.ventValve] });
        expect(same).toMatchObject({ version: v, nodesUpserted: 0, edgesUpserted: 0, nodesDeleted: 0, edgesDeleted: 0 });
        expect(await store.version()).toBe(v);
      });

      it("serializes concurrent writes: each gets its own version and all land", async () => {
        const ids = Array.from({ length: 20 }, (_, i) => `part-${String(i).padStart(2, "0")}`);
        const results = await Promise.all(ids.map((id) => store.apply({ upsertNodes: [node(id, "Component")] })));
        const versions = results.map((r) => r.version);
        expect(new Set(versions).size).toBe(ids.length);
        expect(await store.version()).toBe(Math.max(...versions));
        expect((await store.listNodes({ first: 50 })).items.map((n) => n.id)).toEqual(ids);
      });

      it("serializes concurrent imports of one file: the second changes nothing", async () => {
        const g = graph();
        const results = await Promise.all([store.importGraph(g), store.importGraph(g)]);
        const unchanged = results.map((r) => r.unchanged).sort((a, b) => a - b);
        expect(unchanged).toEqual([0, g.nodes.length + g.edges.length]);
        expect(results[0]!.version).toBe(results[1]!.version);
      });
    });

    describe("listing and search", () => {
      it("filters nodes by kind, category and flag, ordered by id", async () => {
        await load(store);
        expect(await ids(store.listNodes({ kind: "Component" }))).toEqual(["blower", "valve"]);
        expect(await ids(store.listNodes({ category: "monitoring-life-support" }))).toEqual(["ecmo", "vent"]);
        expect(await ids(store.listNodes({ flag: "IMPORT_DEPENDENT" }))).toEqual(["valve"]);
        expect(await ids(store.listNodes({ kind: "Region" }))).toEqual(["china", "eu", "zhejiang"]);
        expect((await store.listNodes({ kind: "Region" })).totalCount).toBe(3);
      });

      it("searches English names case-insensitively by substring", async () => {
        await load(store);
        expect(await ids(store.listNodes({ search: "VENTILATOR" }))).toEqual(["vent"]);
        expect(await ids(store.listNodes({ search: "valve m" }))).toEqual(["maker-de", "maker-zj"]);
      });

      it("searches Chinese names by substring", async () => {
        await load(store);
        expect(await ids(store.listNodes({ search: "比例" }))).toEqual(["valve"]);
        expect(await ids(store.listNodes({ search: "膜" }))).toEqual(["ecmo", "membrane"]);
      });

      it("searches aliases and ids", async () => {
        await load(store);
        expect(await ids(store.listNodes({ search: "icu vent" }))).toEqual(["vent"]);
        expect(await ids(store.listNodes({ search: "maker-" }))).toEqual(["maker-de", "maker-zj"]);
      });

      it("matches search text in any Unicode normal form", async () => {
        await store.apply({ upsertNodes: [node("cafe-supplier", "Supplier", { name: { en: "Caf\u00e9 Supply" } })] });
        expect(await ids(store.listNodes({ search: "CAFE\u0301" }))).toEqual(["cafe-supplier"]);
      });

      it("combines filters", async () => {
        await load(store);
        expect(await ids(store.listNodes({ kind: "Product", search: "膜" }))).toEqual(["ecmo"]);
        expect(await ids(store.listNodes({ kind: "Material", flag: "IMPORT_DEPENDENT" }))).toEqual([]);
      });

      it("pages through nodes with cursors, in id order, without gaps or repeats", async () => {
        await load(store);
        const seen = await collect((after) => store.listNodes({ first: 3, ...(after !== undefined && { after }) }), 11);
        expect(seen.map((n) => n.id)).toEqual(ALL_IDS);
      });

      it("pages through a filtered list", async () => {
        await load(store);
        const seen = await collect((after) => store.listNodes({ first: 1, kind: "Region", ...(after !== undefined && { after }) }), 3);
        expect(seen.map((n) => n.id)).toEqual(["china", "eu", "zhejiang"]);
      });

      it("orders by id and by (from, kind, to) as tuples, not as joined strings", async () => {
        await store.apply({
          upsertNodes: [node("a", "Component"), node("a-b", "Component"), node("a0", "Component"), node("c", "Component"), node("r", "Region")],
          upsertEdges: [edge("a-b", "c", "REQUIRES"), edge("a", "r", "SOURCED_FROM"), edge("a", "c", "REQUIRES"), edge("a0", "c", "REQUIRES")],
        });
        expect(await ids(store.listNodes())).toEqual(["a", "a-b", "a0", "c", "r"]);
        const edges = (await store.listEdges()).items.map((e) => `${e.from} ${e.kind} ${e.to}`);
        expect(edges).toEqual(["a REQUIRES c", "a SOURCED_FROM r", "a-b REQUIRES c", "a0 REQUIRES c"]);
      });

      it("filters edges by from, to and kind", async () => {
        await load(store);
        expect((await store.listEdges({ from: "valve" })).items).toEqual([EDGES.valveDe, EDGES.valveZj]);
        expect((await store.listEdges({ to: "eu" })).items).toEqual([EDGES.deEu, EDGES.membraneEu]);
        expect((await store.listEdges({ kind: "SOURCED_FROM" })).totalCount).toBe(3);
        expect((await store.listEdges({ from: "vent", kind: "REQUIRES" })).items).toEqual([EDGES.ventBlower, EDGES.ventValve]);
        expect((await store.listEdges({ from: "no-such-node" })).items).toEqual([]);
      });

      it("pages through edges with cursors", async () => {
        await load(store);
        const seen = await collect((after) => store.listEdges({ first: 4, ...(after !== undefined && { after }) }), 9);
        expect(seen).toEqual(sortEdges(Object.values(EDGES)));
      });

      it("rejects pages larger than MAX_PAGE_SIZE with PAGE_TOO_LARGE", async () => {
        await rejection(store.listNodes({ first: MAX_PAGE_SIZE + 1 }), "PAGE_TOO_LARGE");
        await rejection(store.listEdges({ first: 99_999_999 }), "PAGE_TOO_LARGE");
        expect((await store.listNodes({ first: MAX_PAGE_SIZE })).items).toEqual([]);
      });

      it("rejects page sizes below 1 or fractional with INVALID_ARGUMENT", async () => {
        for (const first of [0, -1, 1.5]) {
          await rejection(store.listNodes({ first }), "INVALID_ARGUMENT");
          await rejection(store.listEdges({ first }), "INVALID_ARGUMENT");
        }
      });

      it("rejects cursors it did not hand out with INVALID_ARGUMENT", async () => {
        await load(store);
        for (const after of ["garbage!!", "bm90LWEtY3Vyc29y", "%00"]) {
          await rejection(store.listNodes({ after }), "INVALID_ARGUMENT");
          await rejection(store.listEdges({ after }), "INVALID_ARGUMENT");
        }
      });

      it("rejects unknown filter values with INVALID_ARGUMENT", async () => {
        await rejection(store.listNodes({ kind: "Gadget" as NodeKind }), "INVALID_ARGUMENT");
        await rejection(store.listEdges({ kind: "SUPPLIES`]->() DELETE" as EdgeKind }), "INVALID_ARGUMENT");
      });

      it("counts nodes and edges by kind", async () => {
        await load(store);
        const counts = await store.counts();
        expect(counts.version).toBe(await store.version());
        expect(counts.nodes).toEqual({ Product: 3, Component: 2, Material: 1, Supplier: 2, Region: 3 });
        expect(counts.edges).toEqual({ REQUIRES: 3, SOURCED_FROM: 3, LOCATED_IN: 2, WITHIN: 1 });
      });
    });

    describe("snapshots", () => {
      it("returns a frozen view at the current version, ordered like the export, that later writes do not change", async () => {
        await load(store);
        const s1 = await store.snapshot();
        expect(s1.version).toBe(await store.version());
        expect(Object.isFrozen(s1.nodes)).toBe(true);
        expect(Object.isFrozen(s1.edges)).toBe(true);
        expect(s1.nodes.every((n) => Object.isFrozen(n))).toBe(true);
        expect(s1.nodes).toEqual(sortNodes(graph().nodes));
        expect(s1.edges).toEqual(sortEdges(graph().edges));

        await store.apply({ deleteNodes: ["valve"] });
        expect(s1.nodes.map((n) => n.id)).toContain("valve");
        expect(s1.edges).toHaveLength(9);
        const s2 = await store.snapshot();
        expect(s2.version).toBeGreaterThan(s1.version);
        expect(s2.nodes.map((n) => n.id)).not.toContain("valve");
        expect(s2.edges).toHaveLength(6);
      });

      it("carries its edges as columns (endpoints as node positions), so the analysis hashes no endpoint id", async () => {
        await load(store);
        const s = await store.snapshot();
        const c = s.columns;
        expect(c).toBeDefined();
        expect(c!.ids.ids).toEqual(s.nodes.map((n) => n.id));
        const edgeAt = (i: number) => ({ from: c!.ids.ids[c!.from[i]!], kind: EDGE_KINDS[c!.kind[i]!], to: c!.ids.ids[c!.to[i]!], stated: c!.stated[i] === 1 });
        expect(s.edges.map((_, i) => edgeAt(i))).toEqual(s.edges.map((e) => ({ from: e.from, kind: e.kind, to: e.to, stated: e.confidence === "stated" })));
        expect(Array.from(c!.nodeKind, (k) => NODE_KINDS[k])).toEqual(s.nodes.map((n) => n.kind));
      });

      it("gives equal content for the same version, in export order", async () => {
        await store.importGraph(graph());
        const a = await store.snapshot();
        const b = await store.snapshot();
        expect(b.version).toBe(a.version);
        expect(b.nodes).toEqual(a.nodes);
        expect(b.edges).toEqual(a.edges);
        expect(b.documents.map((d) => d.id)).toEqual(["000", "003"]);
      });
    });

    describe("import and export", () => {
      it("imports a graph and reports what it wrote", async () => {
        const g = graph();
        const result = await store.importGraph(g);
        expect(result).toMatchObject({ nodesUpserted: g.nodes.length, edgesUpserted: g.edges.length, unchanged: 0 });
        expect(result.version).toBe(await store.version());
        expect(sortNodes((await store.exportGraph()).nodes)).toEqual(sortNodes(g.nodes));
      });

      it("re-importing the same graph changes nothing and keeps the version", async () => {
        await store.importGraph(graph());
        const v = await store.version();
        const again = await store.importGraph(graph());
        expect(again).toMatchObject({ version: v, nodesUpserted: 0, edgesUpserted: 0, unchanged: graph().nodes.length + graph().edges.length });
        expect(await store.version()).toBe(v);
      });

      it("counts only what differs when part of an import is new", async () => {
        await store.importGraph(graph());
        const g = graph();
        const changed = { ...g, nodes: g.nodes.map((n) => (n.id === "eu" ? { ...n, name: { zh: "欧洲", en: "Europe" } } : n)) };
        const result = await store.importGraph(changed);
        expect(result).toMatchObject({ nodesUpserted: 1, edgesUpserted: 0, unchanged: g.nodes.length + g.edges.length - 1 });
      });

      it("imports all or nothing", async () => {
        await store.apply({ upsertNodes: [node("kept", "Component")] });
        const v = await store.version();
        const g = graph();
        const bad = { ...g, edges: [...g.edges, edge("vent", "ghost", "REQUIRES")] };
        const e = await rejection(store.importGraph(bad), "VALIDATION_FAILED");
        expect(problemCodes(e)).toEqual(["EDGE_ENDPOINT_MISSING"]);
        expect(await store.version()).toBe(v);
        expect(await ids(store.listNodes())).toEqual(["kept"]);
      });

      it("rejects a document that is not the interchange format", async () => {
        const e = await rejection(store.importGraph({ ...graph(), format: "other" } as unknown as InterchangeGraph), "VALIDATION_FAILED");
        expect(problemCodes(e)).toContain("FORMAT_INVALID");
        expect((await store.listNodes()).totalCount).toBe(0);
      });

      it("merges into stored data: an imported edge may point at a stored node", async () => {
        await store.apply({ upsertNodes: [node("extra-region", "Region")] });
        const g = graph();
        await store.importGraph({ ...g, edges: [...g.edges, edge("china", "extra-region", "WITHIN")] });
        expect((await store.getNode("extra-region"))!.incoming).toEqual([edge("china", "extra-region", "WITHIN")]);
      });

      it("exports deterministically: documents and nodes by id, edges by (from, kind, to)", async () => {
        await store.importGraph(graph());
        const out = await store.exportGraph();
        expect(out.format).toBe("chokepoint/graph");
        expect(out.version).toBe(1);
        expect(out.documents.map((d) => d.id)).toEqual(["000", "003"]);
        expect(out.nodes.map((n) => n.id)).toEqual(ALL_IDS);
        expect(out.edges).toEqual(sortEdges(graph().edges));
        expect(await store.exportGraph()).toEqual(out);
      });

      it("round-trips: importing an export reproduces it", async () => {
        await store.importGraph(graph());
        const first = await store.exportGraph();
        await store.apply({ deleteNodes: first.nodes.map((n) => n.id) });
        expect((await store.counts()).edges).toEqual(edgeCounts());
        const result = await store.importGraph(first);
        expect(result).toMatchObject({ nodesUpserted: first.nodes.length, edgesUpserted: first.edges.length });
        expect(await store.exportGraph()).toEqual(first);
      });
    });

    describe("lifecycle", () => {
      it("reports health", async () => {
        const h = await store.health();
        expect(h.ok).toBe(true);
        expect(typeof h.detail).toBe("string");
      });

      it("rejects every call after close with STORE_CLOSED; close is idempotent", async () => {
        await load(store);
        await store.close();
        await store.close();
        const calls: (() => Promise<unknown>)[] = [
          () => store.version(),
          () => store.apply({ upsertNodes: [node("late", "Component")] }),
          () => store.getNode("vent"),
          () => store.listNodes(),
          () => store.listEdges(),
          () => store.counts(),
          () => store.snapshot(),
          () => store.importGraph(graph()),
          () => store.exportGraph(),
          () => store.health(),
        ];
        for (const call of calls) await rejection(call(), "STORE_CLOSED");
      });

      if (capabilities.persistence) {
        it("keeps data and version across close and reopen", async () => {
          if (!handle.reopen) throw new Error("persistence capability needs makeStore to return reopen()");
          await load(store);
          await store.apply({ deleteNodes: ["blower"] });
          const before = await store.exportGraph();
          const v = await store.version();
          await store.close();
          store = await handle.reopen();
          expect(await store.version()).toBe(v);
          expect(await store.exportGraph()).toEqual(before);
          const r = await store.apply({ upsertNodes: [node("after-reopen", "Component")] });
          expect(r.version).toBeGreaterThan(v);
        });

        it("a write acknowledged just before close survives reopen", async () => {
          if (!handle.reopen) throw new Error("persistence capability needs makeStore to return reopen()");
          const pending = store.apply({ upsertNodes: [NODES.vent] });
          const closed = store.close();
          await pending;
          await closed;
          store = await handle.reopen();
          expect((await store.getNode("vent"))?.node).toEqual(NODES.vent);
        });
      }
    });
  });
}

/* ---------- fixtures: a small ventilator / ECMO supply graph ---------- */

const EVIDENCE = [{ note: "contract test fixture" }];

function node(id: string, kind: NodeKind, extra: Partial<GraphNode> = {}): GraphNode {
  return { id, kind, name: { en: id }, aliases: [], flags: [], attrs: {}, confidence: "stated", evidence: EVIDENCE, ...extra };
}

function edge(from: string, to: string, kind: EdgeKind, extra: Partial<GraphEdge> = {}): GraphEdge {
  return { from, to, kind, confidence: "stated", evidence: EVIDENCE, ...extra };
}

const NODES = {
  vent: node("vent", "Product", {
    name: { zh: "有创呼吸机", en: "Invasive ventilator" },
    aliases: ["ICU ventilator"],
    category: "monitoring-life-support",
    flags: [{ flag: "POLICY_BOTTLENECK", confidence: "stated", evidence: [{ doc: "000", line: 12, quote: "有创呼吸机" }] }],
    attrs: { inventoryDays: 30, annualValue: 1.5 },
    evidence: [{ doc: "000", line: 12, quote: "有创呼吸机" }],
  }),
  ecmo: node("ecmo", "Product", { name: { zh: "体外膜肺氧合机", en: "ECMO" }, category: "monitoring-life-support" }),
  valve: node("valve", "Component", {
    name: { zh: "比例阀", en: "Proportional valve" },
    flags: [{ flag: "IMPORT_DEPENDENT", confidence: "inferred", evidence: [{ note: "主要来自欧美国家" }] }],
    attrs: { recoveryDays: 180 },
  }),
  blower: node("blower", "Component", { name: { zh: "涡轮风机", en: "Turbine blower" } }),
  membrane: node("membrane", "Material", { name: { zh: "中空纤维膜", en: "Hollow-fibre membrane" }, aliases: ["ECMO membrane"] }),
  makerDe: node("maker-de", "Supplier", { name: { en: "Valve maker (Germany)" } }),
  makerZj: node("maker-zj", "Supplier", { name: { zh: "阀门厂（浙江）", en: "Valve maker (Zhejiang)" }, confidence: "imported", evidence: [{ file: "suppliers.csv", row: 2 }] }),
  eu: node("eu", "Region", { name: { zh: "欧美国家", en: "Europe and North America" } }),
  zhejiang: node("zhejiang", "Region", { name: { zh: "浙江", en: "Zhejiang" } }),
  china: node("china", "Region", { name: { zh: "中国", en: "China" } }),
  dialysis: node("dialysis", "Product", { name: { zh: "血液透析设备", en: "Haemodialysis equipment" }, category: "treatment" }),
};

const EDGES = {
  ventValve: edge("vent", "valve", "REQUIRES"),
  ventBlower: edge("vent", "blower", "REQUIRES"),
  ecmoMembrane: edge("ecmo", "membrane", "REQUIRES", { group: "membrane" }),
  valveDe: edge("valve", "maker-de", "SOURCED_FROM", { share: 0.7 }),
  valveZj: edge("valve", "maker-zj", "SOURCED_FROM", { share: 0.3, leadTimeDays: 45, qualified: false }),
  membraneEu: edge("membrane", "eu", "SOURCED_FROM"),
  deEu: edge("maker-de", "eu", "LOCATED_IN"),
  zjZhejiang: edge("maker-zj", "zhejiang", "LOCATED_IN"),
  zhejiangChina: edge("zhejiang", "china", "WITHIN"),
};

const ALL_IDS = Object.values(NODES).map((n) => n.id).sort();

function graph(): InterchangeGraph {
  return {
    format: "chokepoint/graph",
    version: 1,
    documents: [
      { id: "003", file: "003.txt", title: { zh: "十四五医疗装备产业发展规划", en: "14th Five-Year Plan for medical equipment" }, date: "2021-12-21" },
      { id: "000", file: "000.txt", title: { en: "Document 000" } },
    ],
    nodes: Object.values(NODES),
    edges: Object.values(EDGES),
  };
}

async function load(store: GraphStore): Promise<void> {
  const g = graph();
  await store.apply({ upsertNodes: g.nodes, upsertEdges: g.edges });
}

/* ---------- helpers ---------- */

async function rejection(p: Promise<unknown>, code: ErrorCode): Promise<{ code: string; problems: readonly { code: string }[] }> {
  let outcome: unknown;
  try {
    outcome = await p;
  } catch (e) {
    expect(e).toMatchObject({ name: "ChokepointError", code });
    return e as { code: string; problems: readonly { code: string }[] };
  }
  throw new Error(`expected a rejection with ${code}, got ${JSON.stringify(outcome)?.slice(0, 200)}`);
}

function problemCodes(e: { problems: readonly { code: string }[] }): string[] {
  return e.problems.map((p) => p.code).sort();
}

async function ids(page: Promise<Page<GraphNode>>): Promise<string[]> {
  return (await page).items.map((n) => n.id);
}

/** Follows endCursor to the end, checking the page bookkeeping on the way. */
async function collect<T>(fetch: (after: string | undefined) => Promise<Page<T>>, total: number): Promise<T[]> {
  const out: T[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await fetch(after);
    expect(page.totalCount).toBe(total);
    out.push(...page.items);
    expect(page.hasNextPage).toBe(out.length < total);
    if (!page.hasNextPage) {
      const beyond = page.endCursor === null ? undefined : await fetch(page.endCursor);
      if (beyond) expect(beyond.items).toEqual([]);
      return out;
    }
    expect(page.endCursor).not.toBeNull();
    after = page.endCursor!;
  }
  throw new Error("paging did not end");
}

function edgeCounts(): Record<EdgeKind, number> {
  return { REQUIRES: 0, SOURCED_FROM: 0, LOCATED_IN: 0, WITHIN: 0 };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortNodes(nodes: readonly GraphNode[]): GraphNode[] {
  return [...nodes].sort((a, b) => cmp(a.id, b.id));
}

function sortEdges(edges: readonly GraphEdge[]): GraphEdge[] {
  return [...edges].sort((a, b) => cmp(a.from, b.from) || cmp(a.kind, b.kind) || cmp(a.to, b.to));
}
