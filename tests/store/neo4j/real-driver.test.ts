import { ChokepointError } from "@chokepoint/graph-schema";
import { Neo4jGraphStore } from "../../../server/src/store/neo4j";
import { deadPort, settle, silentListener } from "./net-stubs";
import { SECRET } from "./fixtures";

/**
 * The real neo4j-driver against databases that are not there (RELIABILITY.md, "Store faults"):
 * nothing here needs a Neo4j server. Every store and listener is closed before the test ends.
 */

async function timed<T>(p: Promise<T>): Promise<{ value?: T; error?: ChokepointError; ms: number }> {
  const started = Date.now();
  try {
    return { value: await p, ms: Date.now() - started };
  } catch (e) {
    if (!(e instanceof ChokepointError)) throw e;
    return { error: e, ms: Date.now() - started };
  }
}

function expectSafe(e: ChokepointError | undefined): void {
  expect(e).toBeDefined();
  for (const fragment of [SECRET, "127.0.0.1", "ECONNREFUSED", "Pool", "acquisition"]) expect(e!.message).not.toContain(fragment);
}

describe("a dead port", () => {
  it("with the default timeouts: the first operation fails with STORE_UNAVAILABLE within 5 s, then health and later operations fail fast", async () => {
    const port = await deadPort();
    const store = Neo4jGraphStore.create({ uri: `bolt://127.0.0.1:${port}`, user: "neo4j", password: SECRET });
    try {
      const first = await timed(store.listNodes());
      expect(first.error?.code).toBe("STORE_UNAVAILABLE");
      expect(first.ms).toBeLessThan(5000);
      expectSafe(first.error);

      const health = await timed(store.health());
      expect(health.value).toEqual({ ok: false, detail: "Neo4j is unreachable" });
      expect(health.ms).toBeLessThan(5000);

      const again = await timed(store.apply({ deleteNodes: ["x"] }));
      expect(again.error?.code).toBe("STORE_UNAVAILABLE");
      expect(again.ms).toBeLessThan(1000);
      console.info(`dead port: first operation ${first.ms} ms, health ${health.ms} ms, next operation ${again.ms} ms`);
    } finally {
      await store.close();
    }
  });

  it("health on a fresh store says unreachable at once (one auto-commit statement, no retries)", async () => {
    const port = await deadPort();
    const store = Neo4jGraphStore.create({ uri: `neo4j://127.0.0.1:${port}`, user: "neo4j", password: SECRET, connectionTimeoutMs: 1000, maxTransactionRetryTimeMs: 500 });
    try {
      const health = await timed(store.health());
      expect(health.value).toEqual({ ok: false, detail: "Neo4j is unreachable" });
      expect(health.ms).toBeLessThan(5000);
      console.info(`dead port: health on a fresh store ${health.ms} ms`);
    } finally {
      await store.close();
    }
  });
});

describe("a listener that accepts and never answers", () => {
  it("operations fail with STORE_TIMEOUT within 5 s, health within its deadline, and sockets do not pile up", async () => {
    const stub = await silentListener();
    const store = Neo4jGraphStore.create({
      uri: `bolt://127.0.0.1:${stub.port}`,
      user: "neo4j",
      password: SECRET,
      connectionTimeoutMs: 500,
      connectionAcquisitionTimeoutMs: 1500,
      healthTimeoutMs: 1000,
    });
    try {
      const first = await timed(store.version());
      expect(["STORE_TIMEOUT", "STORE_UNAVAILABLE"]).toContain(first.error?.code);
      expect(first.ms).toBeLessThan(5000);
      expectSafe(first.error);

      const health = await timed(store.health());
      expect(health.value).toEqual({ ok: false, detail: "Neo4j did not answer in time" });
      expect(health.ms).toBeLessThan(1500);

      const later: number[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await timed(store.snapshot());
        expect(r.error?.code).toBe("STORE_TIMEOUT");
        expect(r.ms).toBeLessThan(5000);
        later.push(r.ms);
      }
      await settle(100);
      // The driver keeps the one socket of its stuck handshake (it has no handshake timeout);
      // the guard's own probes close theirs, so repeated requests add nothing.
      expect(stub.sockets.size).toBeLessThanOrEqual(1);
      console.info(`silent listener: first operation ${first.ms} ms, health ${health.ms} ms, later operations ${later.join("/")} ms, open sockets ${stub.sockets.size}`);
    } finally {
      await store.close();
      await stub.close();
    }
  });
});

describe("configuration", () => {
  it("rejects a URI the driver cannot use with CONFIG_INVALID, without echoing it", () => {
    let error: unknown;
    try {
      Neo4jGraphStore.create({ uri: `http://neo4j:${SECRET}@db:7474`, user: "neo4j", password: SECRET });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ChokepointError);
    expect((error as ChokepointError).code).toBe("CONFIG_INVALID");
    expect((error as ChokepointError).message).not.toContain(SECRET);
  });

  it("creating a store against a dead database neither throws nor connects", async () => {
    const port = await deadPort();
    const started = Date.now();
    const store = Neo4jGraphStore.create({ uri: `bolt://127.0.0.1:${port}`, user: "neo4j", password: SECRET });
    expect(Date.now() - started).toBeLessThan(200);
    await store.close();
  });
});
