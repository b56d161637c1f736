import "reflect-metadata";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ApolloServer } from "@apollo/server";
import type { GraphStore } from "../../server/src/domain/graph-store";
import { requestContext, type RequestContext, type Role } from "../../server/src/graphql/context";
import { makeFormatError } from "../../server/src/graphql/errors";
import { buildGraphQLSchema } from "../../server/src/graphql/schema";
import { createServices, openStore, readConfig } from "../../server/src/main";
import { firstCode, startCountingServer, timedFetch, type ReliabilityServer } from "../reliability/harness";
import { EDITOR_TOKEN, READ_TOKEN, SAMPLE_GRAPH } from "./test-server";

/**
 * `Mutation.sandbox` (the issue lists the mitigation sandbox among the mutations): the same
 * arguments and answer as `Query.sandbox`, but only for editors, refused before the resolver for
 * everyone else; and like the query it never changes stored data. Checked through Apollo's
 * `executeOperation` (the schema and its middleware alone) and over real HTTP (auth headers, the
 * query guard, the whole app over a store that counts its calls).
 */

const MUTATION = `mutation Sandbox($item: ID!) {
  sandbox(addSources: [{ item: $item, region: "china" }], productIds: ["invasive-ventilator"]) {
    removedSpofs { product spof } addedSpofs { spof } spofs { product spofs { id } } } }`;
const QUERY = MUTATION.replace("mutation Sandbox", "query Sandbox");
const EXPECTED_REMOVED = [{ product: "invasive-ventilator", spof: "europe-north-america" }];

interface SandboxData {
  sandbox: { removedSpofs: { product: string; spof: string }[]; spofs: { spofs: { id: string }[] }[] };
}

/** Stored data as comparable text: the version and every node and edge. */
async function storedState(store: GraphStore): Promise<string> {
  const s = await store.snapshot();
  return JSON.stringify({ version: await store.version(), nodes: s.nodes, edges: s.edges });
}

describe("Mutation.sandbox through executeOperation", () => {
  let dir: string;
  let store: GraphStore;
  let apollo: ApolloServer<RequestContext>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "chokepoint-sandbox-"));
    const config = readConfig({ PORT: "0", CHOKEPOINT_DATA_DIR: dir, CHOKEPOINT_SEED_FILE: SAMPLE_GRAPH });
    store = await openStore(config);
    const schema = await buildGraphQLSchema(createServices(config, store));
    apollo = new ApolloServer<RequestContext>({ schema, formatError: makeFormatError(() => undefined) });
    await apollo.start();
  });
  afterAll(async () => {
    await apollo.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(query: string, role: Role) {
    const r = await apollo.executeOperation<SandboxData>({ query, variables: { item: "turbine-blower" } }, { contextValue: requestContext(role, `test-${role}`) });
    if (r.body.kind !== "single") throw new Error("expected a single result");
    return r.body.singleResult;
  }

  it("answers an editor exactly as the query does, and changes nothing stored", async () => {
    const before = await storedState(store);
    const mutation = await run(MUTATION, "editor");
    expect(mutation.errors).toBeUndefined();
    expect(mutation.data!.sandbox.removedSpofs).toEqual(EXPECTED_REMOVED);
    const query = await run(QUERY, "anonymous");
    expect(query.errors).toBeUndefined();
    expect(mutation.data).toEqual(query.data);
    expect(await storedState(store)).toBe(before);
  });

  it.each([
    ["anonymous", "UNAUTHENTICATED"],
    ["reader", "FORBIDDEN"],
  ] as const)("refuses %s with %s and no answer", async (role, code) => {
    const before = await storedState(store);
    const r = await run(MUTATION, role);
    expect(r.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    expect(r.data ?? null).toBeNull();
    expect(await storedState(store)).toBe(before);
  });
});

describe("Mutation.sandbox over HTTP", () => {
  let open: ReliabilityServer;
  let guarded: ReliabilityServer;
  beforeAll(async () => {
    open = await startCountingServer();
    guarded = await startCountingServer({ CHOKEPOINT_READ_TOKEN: READ_TOKEN });
  });
  afterAll(async () => {
    await open.stop();
    await guarded.stop();
  });

  function post(server: ReliabilityServer, query: string, token?: string, variables: Record<string, unknown> = { item: "turbine-blower" }) {
    return timedFetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token !== undefined && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query, variables }),
    });
  }

  it("answers an editor's mutation; stored data is unchanged afterwards", async () => {
    const before = await storedState(open.store);
    const r = await post(open, MUTATION, EDITOR_TOKEN);
    expect(r.status).toBe(200);
    expect(firstCode(r.json)).toBeUndefined();
    expect((r.json as { data: SandboxData }).data.sandbox.removedSpofs).toEqual(EXPECTED_REMOVED);
    expect(open.store.calls.get("apply") ?? 0).toBe(0);
    expect(open.store.calls.get("importGraph") ?? 0).toBe(0);
    expect(await storedState(open.store)).toBe(before);
  });

  it("keeps Query.sandbox open to readers without a token", async () => {
    const r = await post(open, QUERY);
    expect(firstCode(r.json)).toBeUndefined();
    expect((r.json as { data: SandboxData }).data.sandbox.removedSpofs).toEqual(EXPECTED_REMOVED);
  });

  it.each([
    ["an anonymous caller", "UNAUTHENTICATED", "open", undefined],
    ["an anonymous caller on a server with a read token", "UNAUTHENTICATED", "guarded", undefined],
    ["a read token", "FORBIDDEN", "guarded", READ_TOKEN],
  ] as const)("refuses the mutation for %s with %s, before any resolver", async (_who, code, which, token) => {
    const server = which === "open" ? open : guarded;
    const before = await storedState(server.store);
    const calls = server.store.dataCalls();
    const r = await post(server, MUTATION, token);
    expect(firstCode(r.json)).toBe(code);
    expect((r.json as { data?: unknown }).data ?? null).toBeNull();
    expect(server.store.dataCalls()).toBe(calls);
    expect(await storedState(server.store)).toBe(before);
  });

  it("bounds the mutation's lists in the query guard, as the query's", async () => {
    const removeNodes = Array.from({ length: 5000 }, (_, i) => `n${i}`);
    for (const op of ["mutation", "query"]) {
      const calls = open.store.dataCalls();
      const r = await post(open, `${op}($r: [ID!]!) { sandbox(removeNodes: $r) { addedSpofs { spof } } }`, EDITOR_TOKEN, { r: removeNodes });
      expect({ op, code: firstCode(r.json), status: r.status }).toEqual({ op, code: "INVALID_ARGUMENT", status: 400 });
      expect(open.store.dataCalls()).toBe(calls);
    }
  });
});
