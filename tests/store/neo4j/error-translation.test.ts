import { ChokepointError, type ErrorCode } from "@chokepoint/graph-schema";
import { Neo4jGraphStore } from "../../../server/src/store/neo4j";
import { toStoreError } from "../../../server/src/store/neo4j/store-errors";
import { FakeDriver } from "./fake-driver";
import { driverError, SECRET } from "./fixtures";

/** Driver errors → our codes, with fixed messages: nothing of the driver's text, the server's
 *  address, the credentials or the Cypher may reach a caller. The original stays as `cause`. */

const leakyText = `Failed for user neo4j/${SECRET} at 10.1.2.3:7687 running MATCH (n:CpNode {id: $id}) RETURN n`;

const table: [string, string, ErrorCode][] = [
  ["ServiceUnavailable", leakyText, "STORE_UNAVAILABLE"],
  ["SessionExpired", leakyText, "STORE_UNAVAILABLE"],
  ["Neo.TransientError.General.DatabaseUnavailable", leakyText, "STORE_UNAVAILABLE"],
  ["N/A", `Connection acquisition timed out in 5000 ms. ${leakyText}`, "STORE_TIMEOUT"],
  ["Neo.ClientError.Transaction.TransactionTimedOut", leakyText, "STORE_TIMEOUT"],
  ["Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration", leakyText, "STORE_TIMEOUT"],
  ["Neo.ClientError.Security.Unauthorized", `The client is unauthorized due to authentication failure. ${leakyText}`, "STORE_AUTH"],
  ["Neo.ClientError.Security.AuthenticationRateLimit", leakyText, "STORE_AUTH"],
  ["Neo.ClientError.Security.CredentialsExpired", leakyText, "STORE_AUTH"],
  ["Neo.ClientError.Schema.ConstraintValidationFailed", `Node(12) already exists with label CpNode and property id = '${SECRET}'`, "STORE_ERROR"],
  ["Neo.ClientError.Statement.SyntaxError", leakyText, "STORE_ERROR"],
  ["Neo.ClientError.Database.DatabaseNotFound", leakyText, "STORE_ERROR"],
  ["Neo.TransientError.Transaction.DeadlockDetected", leakyText, "STORE_ERROR"],
];

function expectSafe(e: ChokepointError): void {
  for (const fragment of [SECRET, "10.1.2.3", "MATCH", "CpNode", "neo4j/", "acquisition", "Node(12)"]) expect(e.message).not.toContain(fragment);
}

describe("toStoreError", () => {
  it.each(table)("%s → %s", (code, message, expected) => {
    const original = driverError(code, message);
    const e = toStoreError(original);
    expect(e).toBeInstanceOf(ChokepointError);
    expect(e.code).toBe(expected);
    expect(e.cause).toBe(original);
    expectSafe(e);
  });

  it("classifies raw socket errors and anything else", () => {
    const refused = Object.assign(new Error(`connect ECONNREFUSED 10.1.2.3:7687 ${SECRET}`), { code: "ECONNREFUSED" });
    expect(toStoreError(refused).code).toBe("STORE_UNAVAILABLE");
    expect(toStoreError(Object.assign(new Error("read ETIMEDOUT"), { code: "ETIMEDOUT" })).code).toBe("STORE_TIMEOUT");
    expect(toStoreError(new TypeError(leakyText)).code).toBe("STORE_ERROR");
    expect(toStoreError("a string").code).toBe("STORE_ERROR");
    expect(toStoreError(undefined).code).toBe("STORE_ERROR");
    expectSafe(toStoreError(refused));
  });

  it("passes our own errors through unchanged", () => {
    const ours = new ChokepointError("VALIDATION_FAILED", "bad", { problems: [{ code: "EDGE_ENDPOINT_MISSING", path: "$", message: "m" }] });
    expect(toStoreError(ours)).toBe(ours);
  });
});

async function rejection(p: Promise<unknown>): Promise<ChokepointError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ChokepointError) return e;
    throw e;
  }
  throw new Error("expected a rejection");
}

function storeWith(fake: FakeDriver, healthTimeoutMs = 1000): Neo4jGraphStore {
  return Neo4jGraphStore.create({ uri: "bolt://db.internal:7687", user: "neo4j", password: SECRET, driver: fake, healthTimeoutMs });
}

describe("through the store", () => {
  it("wrong credentials fail fast with STORE_AUTH, and health says so without the secret", async () => {
    const fake = new FakeDriver();
    fake.failSession = () => driverError("Neo.ClientError.Security.Unauthorized", `The client is unauthorized due to authentication failure (neo4j/${SECRET}).`);
    const store = storeWith(fake);
    const started = Date.now();
    const e = await rejection(store.listNodes());
    expect(e.code).toBe("STORE_AUTH");
    expectSafe(e);
    expect(await store.health()).toEqual({ ok: false, detail: "Neo4j rejected the configured credentials" });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(fake.sessionsClosed).toBe(fake.sessionsOpened);
  });

  it("a statement failing inside a write rolls the transaction back and surfaces as STORE_ERROR", async () => {
    const fake = new FakeDriver((call) => {
      if (call.text.startsWith("MERGE (m:CpMeta")) throw driverError("Neo.ClientError.Schema.ConstraintValidationFailed", leakyText);
      return [];
    });
    const store = storeWith(fake);
    const e = await rejection(store.apply({ deleteNodes: ["x"] }));
    expect(e.code).toBe("STORE_ERROR");
    expectSafe(e);
    expect(fake.outcomes.at(-1)?.outcome).toBe("rollback");
  });

  it.each<[string, Error, string]>([
    ["unreachable", driverError("ServiceUnavailable", leakyText), "Neo4j is unreachable"],
    ["timing out", driverError("N/A", "Connection acquisition timed out in 100 ms"), "Neo4j did not answer in time"],
    ["failing otherwise", driverError("Neo.DatabaseError.General.UnknownError", leakyText), "Neo4j reported an error"],
  ])("health of a database %s is a fixed sentence", async (_what, error, detail) => {
    const fake = new FakeDriver();
    fake.failSession = () => error;
    expect(await storeWith(fake).health()).toEqual({ ok: false, detail });
  });

  it("health answers ok with RETURN 1 as one auto-commit statement", async () => {
    const fake = new FakeDriver(() => [{ ok: 1 }]);
    expect(await storeWith(fake).health()).toEqual({ ok: true, detail: "Neo4j is reachable" });
    expect(fake.calls.map((c) => c.text)).toEqual(["RETURN 1 AS ok"]);
    expect(fake.sessionsClosed).toBe(1);
  });

  it("health gives up at its deadline when the database never answers", async () => {
    const fake = new FakeDriver();
    const hang = new Promise<never>(() => undefined);
    fake.session = () => ({ executeRead: () => hang, executeWrite: () => hang, run: () => ({ then: (f, r) => hang.then(f, r), [Symbol.asyncIterator]: () => ({ next: () => hang }) }), close: async () => undefined });
    const started = Date.now();
    expect(await storeWith(fake, 200).health()).toEqual({ ok: false, detail: "Neo4j did not answer in time" });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
