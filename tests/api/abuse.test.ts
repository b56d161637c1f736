import { gzipSync } from "node:zlib";
import {
  EDITOR_TOKEN,
  READ_TOKEN,
  allCodes,
  firstCode,
  leakIn,
  startCountingServer,
  timedFetch,
  type ReliabilityServer,
  type TimedResponse,
} from "../reliability/harness";

/**
 * Abusive documents and requests over real HTTP (RELIABILITY.md "GraphQL and HTTP"). Each must be
 * refused with a 4xx or a coded GraphQL error, and none may reach a resolver: the app runs over a
 * CountingStore, and every resolver's first step is a store call (the services' per-version cache
 * asks `version()`), so zero data calls means no resolver did any work. Wall times are printed, not
 * asserted (DESIGN §7: budgets are measured by the bench, never by a timed unit test).
 */

const JSON_HEADERS = { "content-type": "application/json" };

function post(server: ReliabilityServer, body: unknown, headers: Record<string, string> = {}): Promise<TimedResponse> {
  return timedFetch(`${server.url}/graphql`, { method: "POST", headers: { ...JSON_HEADERS, ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

function nested(depth: number): string {
  let inner = "id";
  for (let i = 0; i < depth; i++) inner = i % 2 === 0 ? `toNode { ${inner} }` : `outgoing { ${inner} }`;
  return `{ node(id: "proportional-valve") { outgoing { ${inner} } } }`;
}

/** `levels` fragments, each spreading the next one `fanOut` times: fanOut^levels expansions. */
function fragmentFanOut(levels: number, fanOut: number): string {
  const defs: string[] = [];
  for (let i = 0; i < levels; i++) defs.push(`fragment F${i} on Query { ${Array.from({ length: fanOut }, () => `...F${i + 1}`).join(" ")} }`);
  defs.push(`fragment F${levels} on Query { stats { version } }`);
  return `query { ...F0 } ${defs.join(" ")}`;
}

/** The same, through object fields, so each expansion also adds depth-free selections. */
function fragmentFanOutOnNode(levels: number, fanOut: number): string {
  const defs: string[] = [];
  for (let i = 0; i < levels; i++) defs.push(`fragment N${i} on Node { ${Array.from({ length: fanOut }, () => `...N${i + 1}`).join(" ")} }`);
  defs.push(`fragment N${levels} on Node { id }`);
  return `query { node(id: "x") { ...N0 } } ${defs.join(" ")}`;
}

interface Case {
  readonly name: string;
  readonly send: (s: ReliabilityServer) => Promise<TimedResponse>;
  /** Accepted codes; the response must carry one of them. */
  readonly codes: readonly string[];
  /** When set, the HTTP status must be exactly this. */
  readonly status?: number;
}

const UPSERT = `mutation { upsertNode(node: { id: "abuse-node", kind: Component, name: { en: "Abuse" } }) { version } }`;

const CASES: readonly Case[] = [
  { name: "depth-50 query", send: (s) => post(s, { query: nested(50) }), codes: ["QUERY_TOO_DEEP"], status: 400 },
  {
    name: "10,000 aliases",
    send: (s) => post(s, { query: `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: stats { version }`).join(" ")} }` }),
    codes: ["QUERY_TOO_LARGE"],
    status: 400,
  },
  {
    name: "60 aliases (under the token cap)",
    send: (s) => post(s, { query: `{ ${Array.from({ length: 60 }, (_, i) => `a${i}: stats { version }`).join(" ")} }` }),
    codes: ["QUERY_TOO_COMPLEX"],
    status: 400,
  },
  {
    name: "3,000 directives",
    send: (s) => post(s, { query: `{ stats ${"@include(if: true) ".repeat(3000)}{ version } }` }),
    codes: ["QUERY_TOO_LARGE"],
    status: 400,
  },
  {
    name: "100 directives (under the token cap)",
    send: (s) => post(s, { query: `{ stats ${"@skip(if: false) ".repeat(100)}{ version } }` }),
    codes: ["QUERY_TOO_COMPLEX"],
    status: 400,
  },
  { name: "100k-token document", send: (s) => post(s, { query: `{ stats { ${"version ".repeat(100_000)}} }` }), codes: ["QUERY_TOO_LARGE"], status: 400 },
  {
    name: "fragment cycle",
    send: (s) => post(s, { query: "query { ...A } fragment A on Query { ...B stats { version } } fragment B on Query { ...A }" }),
    codes: ["GRAPHQL_VALIDATION_FAILED"],
    status: 400,
  },
  {
    name: "self-referencing fragment",
    send: (s) => post(s, { query: "query { node(id: \"x\") { ...A } } fragment A on Node { id outgoing { toNode { ...A } } }" }),
    codes: ["GRAPHQL_VALIDATION_FAILED", "QUERY_TOO_DEEP"],
    status: 400,
  },
  { name: "fragment fan-out 2^40 on Query", send: (s) => post(s, { query: fragmentFanOut(40, 2) }), codes: ["QUERY_TOO_COMPLEX"], status: 400 },
  { name: "fragment fan-out 10^12 on Node", send: (s) => post(s, { query: fragmentFanOutOnNode(12, 10) }), codes: ["QUERY_TOO_COMPLEX"], status: 400 },
  {
    name: "batched array of operations",
    send: (s) => post(s, [{ query: "{ stats { version } }" }, { query: "{ stats { nodeCount } }" }]),
    codes: ["BAD_REQUEST"],
    status: 400,
  },
  { name: "first: 99999999", send: (s) => post(s, { query: "{ nodes(first: 99999999) { totalCount } }" }), codes: ["PAGE_TOO_LARGE"] },
  {
    name: "first: 99999999 as a variable",
    send: (s) => post(s, { query: "query($n: Int) { nodes(first: $n) { totalCount } }", variables: { n: 99_999_999 } }),
    codes: ["PAGE_TOO_LARGE"],
  },
  {
    name: "first: 99999999 as a variable default",
    send: (s) => post(s, { query: "query($n: Int = 99999999) { nodes(first: $n) { totalCount } }" }),
    codes: ["PAGE_TOO_LARGE"],
  },
  { name: "criticality(first: 99999999)", send: (s) => post(s, { query: "{ criticality(first: 99999999) { weighted } }" }), codes: ["INVALID_ARGUMENT"] },
  { name: "dependencies(depth: 50)", send: (s) => post(s, { query: '{ dependencies(id: "proportional-valve", depth: 50) { truncated } }' }), codes: ["INVALID_ARGUMENT"] },
  { name: "graph(maxNodes: 10^9)", send: (s) => post(s, { query: "{ graph(maxNodes: 1000000000) { truncated } }" }), codes: ["INVALID_ARGUMENT"] },
  {
    name: "scenario failing 5,000 nodes",
    send: (s) => post(s, { query: "query($f: [ID!]!) { scenario(fail: $f) { failed } }", variables: { f: Array.from({ length: 5000 }, (_, i) => `n${i}`) } }),
    codes: ["INVALID_ARGUMENT"],
  },
  {
    name: "wrong variable type (object for ID!)",
    send: (s) => post(s, { query: "query($id: ID!) { node(id: $id) { id } }", variables: { id: { $gt: "" } } }),
    codes: ["BAD_USER_INPUT"],
  },
  {
    name: "wrong variable type (string for Int)",
    send: (s) => post(s, { query: "query($n: Int) { nodes(first: $n) { totalCount } }", variables: { n: "ten" } }),
    codes: ["BAD_USER_INPUT"],
  },
  {
    name: "Int variable of 1e300",
    send: (s) => post(s, { query: "query($n: Int) { nodes(first: $n) { totalCount } }", variables: { n: 1e300 } }),
    codes: ["BAD_USER_INPUT"],
  },
  {
    name: "mutation over GET",
    send: (s) => timedFetch(`${s.url}/graphql?query=${encodeURIComponent(UPSERT)}`, { headers: { "apollo-require-preflight": "true", ...bearer(EDITOR_TOKEN) } }),
    codes: ["BAD_REQUEST"],
    status: 405,
  },
  {
    name: "GET query without a preflight header (CSRF)",
    send: (s) => timedFetch(`${s.url}/graphql?query=${encodeURIComponent("{ stats { version } }")}`),
    codes: ["BAD_REQUEST"],
    status: 400,
  },
  {
    name: "text/plain POST (CSRF simple request)",
    send: (s) => post(s, JSON.stringify({ query: UPSERT }), { "content-type": "text/plain", ...bearer(EDITOR_TOKEN) }),
    codes: ["BAD_REQUEST"],
    status: 400,
  },
  {
    name: "form POST (CSRF simple request)",
    send: (s) => post(s, `query=${encodeURIComponent(UPSERT)}`, { "content-type": "application/x-www-form-urlencoded", ...bearer(EDITOR_TOKEN) }),
    codes: ["BAD_REQUEST"],
    status: 400,
  },
  {
    name: "multipart POST (CSRF simple request)",
    send: (s) => post(s, `--b\r\nContent-Disposition: form-data; name="query"\r\n\r\n${UPSERT}\r\n--b--\r\n`, { "content-type": "multipart/form-data; boundary=b", ...bearer(EDITOR_TOKEN) }),
    codes: ["BAD_REQUEST"],
    status: 400,
  },
  {
    name: "1 MB + 1 byte body",
    send: (s) => {
      const prefix = '{"query":"{ stats { version } }","extensions":{"pad":"';
      const suffix = '"}}';
      return post(s, prefix + "x".repeat(1024 * 1024 + 1 - prefix.length - suffix.length) + suffix);
    },
    codes: ["QUERY_TOO_LARGE"],
    status: 413,
  },
  {
    name: "gzip bomb (10 MB inflated)",
    send: (s) => {
      const inflated = Buffer.concat([Buffer.from('{"query":"{ stats { version } }","extensions":{"pad":"'), Buffer.alloc(10 * 1024 * 1024, 0x20), Buffer.from('"}}')]);
      return timedFetch(`${s.url}/graphql`, { method: "POST", headers: { ...JSON_HEADERS, "content-encoding": "gzip" }, body: gzipSync(inflated) });
    },
    codes: ["QUERY_TOO_LARGE"],
    status: 413,
  },
  { name: "malformed JSON", send: (s) => post(s, '{"query": "{ stats { version } }"'), codes: ["BAD_REQUEST"], status: 400 },
  { name: "JSON that is not an object", send: (s) => post(s, '"{ stats { version } }"'), codes: ["BAD_REQUEST"], status: 400 },
  { name: "empty JSON body", send: (s) => post(s, ""), codes: ["BAD_REQUEST"], status: 400 },
  { name: "query that is not a string", send: (s) => post(s, { query: { kind: "Document" } }), codes: ["BAD_REQUEST"], status: 400 },
  { name: "invalid UTF-8 body", send: (s) => timedFetch(`${s.url}/graphql`, { method: "POST", headers: JSON_HEADERS, body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) }), codes: ["BAD_REQUEST"], status: 400 },
  { name: "JSON with a 10,000-deep variable", send: (s) => post(s, `{"query":"query($f: [ID!]!) { scenario(fail: $f) { failed } }","variables":{"f":${"[".repeat(10_000)}${"]".repeat(10_000)}}}`), codes: ["BAD_USER_INPUT", "BAD_REQUEST"] },
  { name: "syntax error", send: (s) => post(s, { query: "{ stats { version }" }), codes: ["GRAPHQL_PARSE_FAILED"], status: 400 },
  { name: "unknown field", send: (s) => post(s, { query: "{ nodez { totalCount } }" }), codes: ["GRAPHQL_VALIDATION_FAILED"], status: 400 },
  { name: "unknown operation name", send: (s) => post(s, { query: "query A { stats { version } }", operationName: "B" }), codes: ["OPERATION_RESOLUTION_FAILURE", "BAD_REQUEST"] },
  { name: "mutation without a token", send: (s) => post(s, { query: UPSERT }), codes: ["UNAUTHENTICATED"] },
  { name: "mutation with a forged token", send: (s) => post(s, { query: UPSERT }, bearer("forged-token-forged-token-0000")), codes: ["UNAUTHENTICATED"], status: 401 },
  { name: "mutation with a Basic header", send: (s) => post(s, { query: UPSERT }, { authorization: "Basic ZWRpdG9yOnNlY3JldA==" }), codes: ["UNAUTHENTICATED"], status: 401 },
  { name: "query with an empty bearer", send: (s) => post(s, { query: "{ stats { version } }" }, { authorization: "Bearer " }), codes: ["UNAUTHENTICATED"], status: 401 },
];

/** Production mode with a read token: anonymous callers may not even read. */
const PRODUCTION_CASES: readonly Case[] = [
  { name: "read without a token", send: (s) => post(s, { query: "{ stats { version } }" }), codes: ["UNAUTHENTICATED"], status: 401 },
  { name: "read with a forged token", send: (s) => post(s, { query: "{ stats { version } }" }, bearer("forged-token-forged-token-0000")), codes: ["UNAUTHENTICATED"], status: 401 },
  { name: "read-only token calling a mutation", send: (s) => post(s, { query: UPSERT }, bearer(READ_TOKEN)), codes: ["FORBIDDEN"] },
  { name: "read-only token deleting a node", send: (s) => post(s, { query: 'mutation { deleteNode(id: "china") { version } }' }, bearer(READ_TOKEN)), codes: ["FORBIDDEN"] },
  { name: "introspection __schema", send: (s) => post(s, { query: "{ __schema { types { name } } }" }, bearer(READ_TOKEN)), codes: ["GRAPHQL_VALIDATION_FAILED"], status: 400 },
  { name: "introspection __type", send: (s) => post(s, { query: '{ __type(name: "Node") { fields { name } } }' }, bearer(READ_TOKEN)), codes: ["GRAPHQL_VALIDATION_FAILED"], status: 400 },
  { name: "depth-50 query (production)", send: (s) => post(s, { query: nested(50) }, bearer(READ_TOKEN)), codes: ["QUERY_TOO_DEEP"], status: 400 },
  { name: "misspelt field (no suggestions)", send: (s) => post(s, { query: "{ node(id: \"x\") { nam } }" }, bearer(READ_TOKEN)), codes: ["GRAPHQL_VALIDATION_FAILED"], status: 400 },
  { name: "misspelt argument (no suggestions)", send: (s) => post(s, { query: "{ nodes(frist: 1) { totalCount } }" }, bearer(READ_TOKEN)), codes: ["GRAPHQL_VALIDATION_FAILED"], status: 400 },
  { name: "misspelt enum (no suggestions)", send: (s) => post(s, { query: "{ nodes(kind: Suplier) { totalCount } }" }, bearer(READ_TOKEN)), codes: ["GRAPHQL_VALIDATION_FAILED"], status: 400 },
];

const timings: string[] = [];

function check(c: Case, r: TimedResponse, server: ReliabilityServer, callsBefore: number): void {
  const codes = allCodes(r.json);
  timings.push(`${c.name.padEnd(48)} ${String(r.status).padEnd(4)} ${(codes[0] ?? "-").padEnd(26)} ${r.ms.toFixed(1).padStart(7)} ms`);
  expect({ name: c.name, status: r.status >= 400 && r.status < 500 ? "4xx" : r.status === 200 ? "200" : String(r.status) }).toEqual({ name: c.name, status: r.status === 200 ? "200" : "4xx" });
  if (c.status !== undefined) expect({ name: c.name, status: r.status }).toEqual({ name: c.name, status: c.status });
  expect({ name: c.name, code: c.codes.includes(firstCode(r.json) ?? "") ? "ok" : codes.join(",") || r.text.slice(0, 200) }).toEqual({ name: c.name, code: "ok" });
  expect({ name: c.name, data: (r.json as { data?: unknown } | undefined)?.data ?? null }).toEqual({ name: c.name, data: null });
  expect({ name: c.name, leak: leakIn(r.text) }).toEqual({ name: c.name, leak: undefined });
  expect({ name: c.name, storeCalls: server.store.dataCalls() - callsBefore }).toEqual({ name: c.name, storeCalls: 0 });
}

describe("abusive requests (development mode, open reads)", () => {
  let server: ReliabilityServer;
  beforeAll(async () => {
    server = await startCountingServer();
    // One ordinary request first, so the printed times are not dominated by first-call compilation.
    await post(server, { query: "{ stats { version } }" });
  });
  afterAll(() => server.stop());

  it.each(CASES.map((c) => [c.name, c] as const))("%s: refused with a code, before any resolver", async (_name, c) => {
    const before = server.store.dataCalls();
    check(c, await c.send(server), server, before);
  });

  it("still answers normal queries afterwards, and the rejections wrote nothing", async () => {
    const r = await post(server, { query: '{ stats { nodeCount } node(id: "abuse-node") { id } }' });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ data: { stats: { nodeCount: 8 }, node: null } });
    expect(server.store.calls.get("apply") ?? 0).toBe(0);
  });

  it("judges the same document again by its new variables (the guard's verdict cache keys on them)", async () => {
    const query = "query($n: Int) { nodes(first: $n) { totalCount } }";
    const codes: (string | undefined)[] = [];
    for (const n of [5, 99_999_999, 5, 99_999_999]) codes.push(firstCode((await post(server, { query, variables: { n } })).json));
    expect(codes).toEqual([undefined, "PAGE_TOO_LARGE", undefined, "PAGE_TOO_LARGE"]);
    const deep = await post(server, { query: nested(50) });
    expect(firstCode(deep.json)).toBe("QUERY_TOO_DEEP");
  });

  it("serves the landing page in development (so the production check below can see its absence)", async () => {
    const page = await timedFetch(`${server.url}/graphql`, { headers: { accept: "text/html", "apollo-require-preflight": "true" } });
    expect(page.contentType).toMatch(/html/);
    expect(page.text).toMatch(/<script/i);
  });

  it("a resolver that crashes is masked as INTERNAL with an error id, without its message or stack", async () => {
    server.store.failWith = { method: "counts", error: new TypeError("Cannot read properties of undefined (reading 'x') at /work/main/server/src/store/x.ts:12") };
    try {
      const r = await post(server, { query: "{ stats { nodeCount } }" });
      expect(firstCode(r.json)).toBe("INTERNAL");
      expect((r.json as { errors: { extensions: { errorId?: string } }[] }).errors[0]!.extensions.errorId).toMatch(/^[0-9a-f-]{36}$/);
      expect(leakIn(r.text)).toBeUndefined();
      expect(r.text).not.toContain("Cannot read");
    } finally {
      server.store.failWith = undefined;
    }
  });
});

describe("abusive requests (production mode, read token)", () => {
  let server: ReliabilityServer;
  beforeAll(async () => {
    server = await startCountingServer({ NODE_ENV: "production", CHOKEPOINT_READ_TOKEN: READ_TOKEN });
    await post(server, { query: "{ stats { version } }" }, bearer(READ_TOKEN));
  });
  afterAll(async () => {
    await server.stop();
    process.stdout.write(`abusive requests: status, code, wall time (real HTTP, loaded 2-core machine)\n${timings.join("\n")}\n`);
  });

  it.each(PRODUCTION_CASES.map((c) => [c.name, c] as const))("%s: refused with a code, before any resolver", async (_name, c) => {
    const before = server.store.dataCalls();
    check(c, await c.send(server), server, before);
  });

  it("gives no 'Did you mean' suggestions", async () => {
    for (const query of ["{ node(id: \"x\") { nam } }", "{ nodes(frist: 1) { totalCount } }", "{ nodes(kind: Suplier) { totalCount } }", "{ stat { version } }"]) {
      const r = await post(server, { query }, bearer(READ_TOKEN));
      expect(r.text).not.toMatch(/did you mean/i);
    }
  });

  it("serves no landing page and no stack traces", async () => {
    const page = await timedFetch(`${server.url}/graphql`, { headers: { accept: "text/html", "apollo-require-preflight": "true" } });
    expect(page.contentType).not.toMatch(/html/);
    expect(page.text).not.toMatch(/<html|<script|embeddable/i);
    const broken = await post(server, { query: "{ stats { version }" }, bearer(READ_TOKEN));
    expect(broken.text).not.toMatch(/stacktrace/i);
    expect(leakIn(broken.text)).toBeUndefined();
  });

  it("still answers a reader's normal query", async () => {
    const r = await post(server, { query: "{ stats { nodeCount } }" }, bearer(READ_TOKEN));
    expect(r.json).toEqual({ data: { stats: { nodeCount: 8 } } });
  });
});
