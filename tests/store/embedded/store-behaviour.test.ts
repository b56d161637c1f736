import fc from "fast-check";
import { graphColumns, INTERCHANGE_FORMAT, INTERCHANGE_VERSION, type EdgeKind, type InterchangeGraph, type NodeKind } from "@chokepoint/graph-schema";
import type { ChangeBatch, GraphSnapshot } from "../../../server/src/domain/graph-store";
import { EmbeddedGraphStore } from "../../../server/src/store/embedded";
import { GraphModel, contentOf, edge, node, plainColumns, recordingLogger, tempDir } from "./helpers";

/** Embedded-only behaviour the contract leaves open (seeding, snapshot identity), and a
 *  model-based check of writes, cascades and recovery against a plain-map oracle. */

let tmp: { dir: string; remove: () => Promise<void> };

beforeEach(async () => {
  tmp = await tempDir("behaviour");
});

afterEach(async () => {
  await tmp.remove();
});

const SEED: InterchangeGraph = {
  format: INTERCHANGE_FORMAT,
  version: INTERCHANGE_VERSION,
  documents: [{ id: "003", file: "003.txt", title: { zh: "规划" } }],
  nodes: [node("ecmo", "Product"), node("membrane", "Material")],
  edges: [edge("ecmo", "membrane")],
};

describe("embedded store: seed", () => {
  it("loads the seed as the first committed state, once", async () => {
    const seed = jest.fn(async () => SEED);
    const first = await EmbeddedGraphStore.open({ dir: tmp.dir, seed, logger: recordingLogger() });
    expect(await first.version()).toBe(1);
    expect((await first.exportGraph()).nodes.map((n) => n.id)).toEqual(["ecmo", "membrane"]);
    await first.apply({ deleteNodes: ["ecmo", "membrane"] });
    await first.close();
    const second = await EmbeddedGraphStore.open({ dir: tmp.dir, seed, logger: recordingLogger() });
    expect((await second.counts()).nodes.Product).toBe(0);
    expect(seed).toHaveBeenCalledTimes(1);
    await second.close();
  });

  it("an invalid seed fails the open with VALIDATION_FAILED and leaves the directory usable", async () => {
    const bad = { ...SEED, edges: [edge("ecmo", "ghost")] };
    await expect(EmbeddedGraphStore.open({ dir: tmp.dir, seed: async () => bad, logger: recordingLogger() })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    const store = await EmbeddedGraphStore.open({ dir: tmp.dir, seed: async () => SEED, logger: recordingLogger() });
    expect(await store.version()).toBe(1);
    await store.close();
  });
});

describe("embedded store: snapshots and reads", () => {
  it("returns the same snapshot object for the same version, a new one after a write", async () => {
    const store = await EmbeddedGraphStore.open({ dir: tmp.dir, seed: async () => SEED, logger: recordingLogger() });
    const a = await store.snapshot();
    expect(await store.snapshot()).toBe(a);
    await store.apply({ upsertNodes: [node("ecmo", "Product")] });
    expect(await store.snapshot()).toBe(a);
    await store.apply({ upsertNodes: [node("pump", "Component")] });
    const b = await store.snapshot();
    expect(b).not.toBe(a);
    expect(b.version).toBe(a.version + 1);
    expect(Object.isFrozen(b)).toBe(true);
    await store.close();
  });

  it("normalises ids in reads and stores normalised input", async () => {
    const store = await EmbeddedGraphStore.open({ dir: tmp.dir, logger: recordingLogger() });
    await store.apply({ upsertNodes: [{ ...node("pump", "Component"), id: " PUMP\u200B " }] });
    expect((await store.getNode("Pump"))?.node.id).toBe("pump");
    await store.close();
  });

  it("keeps the version when a batch deletes and re-creates things exactly as they were", async () => {
    const store = await EmbeddedGraphStore.open({ dir: tmp.dir, seed: async () => SEED, logger: recordingLogger() });
    const v = await store.version();
    const same = await store.apply({ deleteNodes: ["ecmo", "membrane"], upsertNodes: SEED.nodes, upsertEdges: SEED.edges });
    expect(same).toMatchObject({ version: v, nodesDeleted: 0, nodesUpserted: 0, edgesUpserted: 0, edgesDeleted: 0 });
    const edgeToo = await store.apply({ deleteEdges: [SEED.edges[0]!], upsertEdges: SEED.edges });
    expect(edgeToo.version).toBe(v);
    const withoutEdge = await store.apply({ deleteNodes: ["membrane"], upsertNodes: [SEED.nodes[1]!] });
    expect(withoutEdge).toMatchObject({ version: v + 1, nodesDeleted: 1, nodesUpserted: 1, edgesDeleted: 1 });
    expect((await store.getNode("ecmo"))!.outgoing).toEqual([]);
    await store.close();
  });

  it("keeps a hub's edges right as they grow past the small-list size and shrink again", async () => {
    const store = await EmbeddedGraphStore.open({ dir: tmp.dir, logger: recordingLogger() });
    const parts = Array.from({ length: 30 }, (_, i) => node(`part-${String(i).padStart(2, "0")}`, "Component"));
    await store.apply({ upsertNodes: [...parts, node("hub", "Supplier")], upsertEdges: parts.map((p) => edge(p.id, "hub", "SOURCED_FROM")) });
    await store.apply({ deleteEdges: parts.slice(0, 25).map((p) => ({ from: p.id, to: "hub", kind: "SOURCED_FROM" as const })) });
    expect((await store.getNode("hub"))!.incoming.map((e) => e.from)).toEqual(parts.slice(25).map((p) => p.id));
    await store.apply({ upsertEdges: parts.slice(0, 12).map((p) => edge(p.id, "hub", "SOURCED_FROM")) });
    expect((await store.listEdges({ to: "hub", first: 100 })).totalCount).toBe(17);
    expect(await store.apply({ deleteNodes: ["hub"] })).toMatchObject({ nodesDeleted: 1, edgesDeleted: 17 });
    expect((await store.counts()).edges.SOURCED_FROM).toBe(0);
    await store.close();
  });

  it("rejects malformed batches with VALIDATION_FAILED instead of throwing", async () => {
    const store = await EmbeddedGraphStore.open({ dir: tmp.dir, logger: recordingLogger() });
    for (const bad of [null, "batch", { upsertNodes: "x" }, { deleteEdges: [42] }, { deleteNodes: [{}] }]) {
      await expect(store.apply(bad as unknown as ChangeBatch)).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    }
    await expect(store.importGraph(null as unknown as InterchangeGraph)).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await store.version()).toBe(0);
    await store.close();
  });

  it("rejects bad options with CONFIG_INVALID", async () => {
    await expect(EmbeddedGraphStore.open({ dir: "" })).rejects.toMatchObject({ code: "CONFIG_INVALID" });
    await expect(EmbeddedGraphStore.open({ dir: tmp.dir, snapshotEveryRecords: 0 })).rejects.toMatchObject({ code: "CONFIG_INVALID" });
  });
});

/* ---------- model-based: random batches against the plain-map model ---------- */

const IDS: { id: string; kind: NodeKind }[] = [
  { id: "p1", kind: "Product" },
  { id: "p2", kind: "Product" },
  { id: "c1", kind: "Component" },
  { id: "c2", kind: "Component" },
  { id: "m1", kind: "Material" },
  { id: "s1", kind: "Supplier" },
  { id: "s2", kind: "Supplier" },
  { id: "r1", kind: "Region" },
  { id: "r2", kind: "Region" },
];
const VALID_EDGES: { from: string; to: string; kind: EdgeKind }[] = [
  { from: "p1", to: "c1", kind: "REQUIRES" },
  { from: "p1", to: "c2", kind: "REQUIRES" },
  { from: "p2", to: "c2", kind: "REQUIRES" },
  { from: "c1", to: "m1", kind: "REQUIRES" },
  { from: "c2", to: "s1", kind: "SOURCED_FROM" },
  { from: "m1", to: "s2", kind: "SOURCED_FROM" },
  { from: "m1", to: "r1", kind: "SOURCED_FROM" },
  { from: "s1", to: "r1", kind: "LOCATED_IN" },
  { from: "s2", to: "r2", kind: "LOCATED_IN" },
  { from: "r1", to: "r2", kind: "WITHIN" },
];

const arbBatch: fc.Arbitrary<ChangeBatch> = fc.record(
  {
    upsertNodes: fc.uniqueArray(
      fc.record({ at: fc.constantFrom(...IDS), label: fc.constantFrom("a", "阀") }).map(({ at, label }) => node(at.id, at.kind, { name: { en: `${at.id} ${label}` } })),
      { selector: (n) => n.id, maxLength: 4 },
    ),
    upsertEdges: fc.uniqueArray(
      fc.record({ e: fc.constantFrom(...VALID_EDGES), share: fc.constantFrom(undefined, 0.5, 1), group: fc.constantFrom(undefined, "g") }).map(({ e, share, group }) =>
        edge(e.from, e.to, e.kind, {
          ...(e.kind === "SOURCED_FROM" && share !== undefined && { share }),
          ...(e.kind === "REQUIRES" && group !== undefined && { group }),
          ...(share === 1 && { confidence: "inferred" as const }),
        }),
      ),
      { selector: (e) => `${e.from} ${e.kind} ${e.to}`, maxLength: 4 },
    ),
    deleteNodes: fc.uniqueArray(fc.constantFrom(...IDS.map((x) => x.id)), { maxLength: 2 }),
    deleteEdges: fc.uniqueArray(fc.constantFrom(...VALID_EDGES), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);

/** The snapshot's columns, whose endpoints come from the store's node slots (reused after deletes,
 *  rebuilt on reopen), are exactly the columns made by hashing every endpoint id. */
function expectColumnsAsHashed(snapshot: GraphSnapshot): void {
  expect(snapshot.columns).toBeDefined();
  expect(plainColumns(snapshot.columns!)).toEqual(plainColumns(graphColumns(snapshot.nodes, snapshot.edges)!));
}

function validAgainst(model: GraphModel, batch: ChangeBatch): boolean {
  const after = new Set(model.nodes.keys());
  for (const id of batch.deleteNodes ?? []) after.delete(id);
  for (const n of batch.upsertNodes ?? []) after.add(n.id);
  return (batch.upsertEdges ?? []).every((e) => after.has(e.from) && after.has(e.to));
}

describe("embedded store: model-based", () => {
  it("matches the model after every batch, every rejected batch, and every reopen", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(arbBatch, fc.boolean()), { minLength: 1, maxLength: 12 }), async (steps) => {
        const dir = `${tmp.dir}/run-${run++}`;
        let store = await EmbeddedGraphStore.open({ dir, snapshotEveryRecords: 3, logPartBytes: 400, logger: recordingLogger() });
        const model = new GraphModel();
        let version = 0;
        try {
          for (const [batch, reopen] of steps) {
            if (validAgainst(model, batch)) {
              const result = await store.apply(batch);
              const before = JSON.stringify(model.sorted());
              model.apply(batch);
              const changed = JSON.stringify(model.sorted()) !== before;
              expect(result.version).toBe(changed ? version + 1 : version);
              version = result.version;
            } else {
              await expect(store.apply(batch)).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
            }
            expect(await contentOf(store)).toEqual(model.sorted());
            expectColumnsAsHashed(await store.snapshot());
            if (reopen) {
              await store.close();
              store = await EmbeddedGraphStore.open({ dir, snapshotEveryRecords: 3, logPartBytes: 400, logger: recordingLogger() });
              expect(await store.version()).toBe(version);
              expect(await contentOf(store)).toEqual(model.sorted());
              expectColumnsAsHashed(await store.snapshot());
            }
          }
        } finally {
          await store.close();
        }
      }),
      { numRuns: 40, seed: 20251122 },
    );
  });
});
