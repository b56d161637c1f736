import { EDITOR_TOKEN, startTestServer, type TestServer } from "./test-server";

/** The analysis API over real HTTP on the hand-written sample graph, whose answers are known:
 *  the ventilator needs a proportional valve (two suppliers: Germany, Zhejiang ⊂ China) and a
 *  turbine blower sourced only from Europe/North America. */
describe("analysis API (sample graph)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it("lists SPOFs with proof paths and reasons", async () => {
    const r = await server.gql<{ spofs: { spofs: { id: string; path: string[]; inferred: boolean; node: { name: { en: string } }; steps: { text: string }[] }[]; coverage: { items: number } } }>(
      `{ spofs(productId: "invasive-ventilator") { product inferred coverage { items gaps } spofs { id kind path inferred node { name { en } } steps { from to rule text } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const byId = Object.fromEntries(r.data!.spofs.spofs.map((s) => [s.id, s]));
    expect(Object.keys(byId).sort()).toEqual(["europe-north-america", "proportional-valve", "turbine-blower"]);
    expect(byId["europe-north-america"]!.path).toEqual(["invasive-ventilator", "turbine-blower", "europe-north-america"]);
    expect(byId["europe-north-america"]!.inferred).toBe(true); // the sample's edges are all inferred
    expect(byId["turbine-blower"]!.node.name.en).toBe("Turbine blower");
    expect(byId["europe-north-america"]!.steps.length).toBe(2);
  });

  it("finds order-2 cut sets with reasons", async () => {
    const r = await server.gql<{ cutSets: { pairs: { ids: string[]; at: string; text: string }[]; truncated: boolean } }>(
      `{ cutSets(productId: "invasive-ventilator", order: 2, limit: 10) { truncated coneSize pairs { ids at rule text members { id disabledBy } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const pairs = r.data!.cutSets.pairs.map((p) => [...p.ids].sort().join("+")).sort();
    expect(pairs).toEqual(["china+valve-maker-de", "valve-maker-de+valve-maker-zj", "valve-maker-de+zhejiang"]);
    expect(r.data!.cutSets.pairs.every((p) => p.at === "proportional-valve")).toBe(true);
    expect((await server.gql('{ cutSets(productId: "invasive-ventilator", order: 3) { limit } }')).errors![0]!.extensions!.code).toBe("INVALID_ARGUMENT");
  });

  it("runs a what-if scenario with explanation and time to survive vs recover", async () => {
    const r = await server.gql<{ scenario: { disabled: { id: string; explanation: string[]; time: { surviveDays: number; recoverDays: number | null } }[] } }>(
      `{ scenario(fail: ["valve-maker-de", "zhejiang"]) { failed inferred unavailable { kind count } disabled { id explanation node { kind } steps { text } time { surviveDays recoverDays exposed gapDays } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const [d] = r.data!.scenario.disabled;
    expect(d!.id).toBe("invasive-ventilator");
    expect(d!.explanation[0]).toBe("invasive-ventilator");
    expect(d!.explanation[1]).toBe("proportional-valve");
    expect(d!.time.surviveDays).toBe(30);
    expect(d!.time.recoverDays).toBe(180);
    expect((await server.gql('{ scenario(fail: ["no-such-node"]) { failed } }')).errors![0]!.extensions!.code).toBe("UNKNOWN_NODE");
  });

  it("ranks criticality, concentration and risk, lists gaps and the secondary lens", async () => {
    const r = await server.gql<{
      criticality: { entries: { id: string; products: string[] }[] };
      concentration: { hhi: number; regions: { region: string; share: number }[] };
      riskScore: { score: number; terms: { name: string; weight: number; contribution: number }[] };
      mappingGaps: string[];
      articulationPoints: { lens: string };
    }>(`{ criticality(first: 10) { weighted entries { id count products value } }
          concentration(id: "proportional-valve") { hhi sourceCount sharesKnown regions { region share } }
          riskScore(id: "turbine-blower") { score terms { name value weight contribution detail } }
          mappingGaps soleSource { id source } singleRegion { id regions }
          articulationPoints { lens ids } findings { code } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.criticality.entries.map((e) => e.id).sort()).toEqual(["europe-north-america", "proportional-valve", "turbine-blower"]);
    expect(r.data!.concentration.hhi).toBeCloseTo(0.7 * 0.7 + 0.3 * 0.3, 5);
    const terms = r.data!.riskScore.terms;
    expect(r.data!.riskScore.score).toBeCloseTo(Math.max(0, Math.min(1, terms.reduce((s, t) => s + t.contribution, 0))), 5);
    expect(r.data!.articulationPoints.lens).toMatch(/not SPOFs/);
  });

  it("sandbox: a second, differently located source removes a SPOF without touching stored data", async () => {
    const before = await server.gql<{ stats: { version: number } }>("{ stats { version } }");
    const r = await server.gql<{ sandbox: { removedSpofs: { product: string; spof: string }[]; spofs: { spofs: { id: string }[] }[] } }>(
      `{ sandbox(addSources: [{ item: "turbine-blower", region: "china" }], productIds: ["invasive-ventilator"]) {
           removedSpofs { product spof } addedSpofs { spof } spofs { product spofs { id } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.sandbox.removedSpofs).toEqual([{ product: "invasive-ventilator", spof: "europe-north-america" }]);
    expect(r.data!.sandbox.spofs[0]!.spofs.map((s) => s.id).sort()).toEqual(["proportional-valve", "turbine-blower"]);
    const after = await server.gql<{ stats: { version: number } }>("{ stats { version } }");
    expect(after.data!.stats.version).toBe(before.data!.stats.version);
    const stored = await server.gql<{ spofs: { spofs: { id: string }[] } }>('{ spofs(productId: "invasive-ventilator") { spofs { id } } }');
    expect(stored.data!.spofs.spofs.map((s) => s.id)).toContain("europe-north-america");
  });

  it("recomputes after a write (cache per data version)", async () => {
    const add = await server.gql(
      `mutation { upsertEdge(edge: { from: "turbine-blower", to: "valve-maker-zj", kind: SOURCED_FROM }) { version } }`,
      {},
      EDITOR_TOKEN,
    );
    expect(add.errors).toBeUndefined();
    const r = await server.gql<{ spofs: { spofs: { id: string }[] } }>('{ spofs(productId: "invasive-ventilator") { spofs { id } } }');
    expect(r.data!.spofs.spofs.map((s) => s.id).sort()).toEqual(["proportional-valve", "turbine-blower"]);
  });
});
