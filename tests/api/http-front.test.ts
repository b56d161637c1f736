import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { openStore, readConfig, startApp, type RunningApp } from "../../server/src/main";
import { CountingStore, firstCode, startCountingServer, timedFetch, type ReliabilityServer } from "../reliability/harness";
import { SAMPLE_GRAPH } from "./test-server";

/**
 * The HTTP front without express on the GraphQL path (server/src/http): request bodies (encodings,
 * charsets, limits), how answers are written, the health probes, the static client with its SPA
 * fallback, and the per-request memo of the data version. The abuse cases live in abuse.test.ts.
 */

const SMALL = JSON.stringify({ query: '{ node(id: "proportional-valve") { id } }' });
const SMALL_ANSWER = { data: { node: { id: "proportional-valve" } } };

interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
}

/** One request through node:http, so headers such as content-length and connection are visible
 *  as sent and the body may be sent in pieces. */
function raw(url: string, init: { method?: string; path?: string; headers?: Record<string, string | number>; body?: Buffer | string | (Buffer | string)[] }): Promise<RawResponse> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: init.path ?? "/graphql", method: init.method ?? "POST", headers: init.headers ?? {}, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      res.on("error", reject);
    });
    req.on("error", reject);
    const parts = init.body === undefined ? [] : Array.isArray(init.body) ? init.body : [init.body];
    for (const p of parts) req.write(p);
    req.end();
  });
}

describe("GraphQL request bodies and answers", () => {
  let server: ReliabilityServer;
  beforeAll(async () => {
    server = await startCountingServer();
  });
  afterAll(() => server.stop());

  const json = { "content-type": "application/json" };

  it("writes each answer once, with a content-length and no chunked encoding", async () => {
    const r = await raw(server.url, { headers: json, body: SMALL });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual(SMALL_ANSWER);
    expect(r.headers["content-length"]).toBe(String(Buffer.byteLength(r.text)));
    expect(r.headers["transfer-encoding"]).toBeUndefined();
    expect(r.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(r.headers["x-powered-by"]).toBeUndefined();
  });

  it.each([
    ["gzip", gzipSync],
    ["deflate", deflateSync],
    ["br", brotliCompressSync],
  ] as const)("reads a %s body", async (encoding, compress) => {
    const r = await raw(server.url, { headers: { ...json, "content-encoding": encoding }, body: compress(Buffer.from(SMALL)) });
    expect({ status: r.status, body: JSON.parse(r.text) as unknown }).toEqual({ status: 200, body: SMALL_ANSWER });
  });

  it("reads a body sent in pieces without a content-length, with a BOM, charset and leading space", async () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`  \n${SMALL}`)]);
    const r = await raw(server.url, { headers: { "content-type": "application/json; charset=UTF-8", "transfer-encoding": "chunked" }, body: [body.subarray(0, 10), body.subarray(10)] });
    expect({ status: r.status, body: JSON.parse(r.text) as unknown }).toEqual({ status: 200, body: SMALL_ANSWER });
  });

  it.each([
    ["an unknown content-encoding", 415, "BAD_REQUEST", { ...json, "content-encoding": "compress" }, SMALL],
    ["a charset other than UTF-8", 415, "BAD_REQUEST", { "content-type": "application/json; charset=utf-16le" }, Buffer.from(SMALL, "utf16le")],
    ["a damaged gzip body", 400, "BAD_REQUEST", { ...json, "content-encoding": "gzip" }, gzipSync(Buffer.from(SMALL)).subarray(0, 12)],
    ["a JSON string", 400, "BAD_REQUEST", json, '"{ stats { version } }"'],
    ["a truncated document", 400, "BAD_REQUEST", json, SMALL.slice(0, -2)],
  ] as const)("refuses %s with %i %s and no store call", async (_name, status, code, headers, body) => {
    const calls = server.store.dataCalls();
    const r = await raw(server.url, { headers, body });
    expect({ status: r.status, code: firstCode(JSON.parse(r.text)) }).toEqual({ status, code });
    expect(server.store.dataCalls()).toBe(calls);
  });

  it("refuses a body over the limit by its declared length, and closes that connection", async () => {
    const r = await raw(server.url, { headers: { ...json, "content-length": 2 * 1024 * 1024 }, body: "x".repeat(64) });
    expect({ status: r.status, code: firstCode(JSON.parse(r.text)), connection: r.headers.connection }).toEqual({ status: 413, code: "QUERY_TOO_LARGE", connection: "close" });
  });

  it("refuses a chunked body when it grows past the limit", async () => {
    const piece = "x".repeat(256 * 1024);
    const r = await raw(server.url, { headers: { ...json, "transfer-encoding": "chunked" }, body: ['{"query":"{ stats { version } }","pad":"', piece, piece, piece, piece, piece, '"}'] });
    expect({ status: r.status, code: firstCode(JSON.parse(r.text)) }).toEqual({ status: 413, code: "QUERY_TOO_LARGE" });
  });

  it("survives a client that leaves halfway through its body", async () => {
    const u = new URL(server.url);
    await new Promise<void>((resolve) => {
      const req = http.request({ host: u.hostname, port: u.port, path: "/graphql", method: "POST", headers: { ...json, "content-length": 1000 }, agent: false });
      req.on("error", () => resolve());
      req.write(SMALL.slice(0, 20));
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 50);
    });
    const r = await raw(server.url, { headers: json, body: SMALL });
    expect(JSON.parse(r.text)).toEqual(SMALL_ANSWER);
  });

  it("reads the data version once per request, however many fields need the graph", async () => {
    const query = `{ node(id: "invasive-ventilator") { id
      outgoing { to toNode { id outgoing { toNode { id incoming { fromNode { id } } } } } }
      incoming { fromNode { id } } } }`;
    const before = server.store.calls.get("version") ?? 0;
    const r = await raw(server.url, { headers: json, body: JSON.stringify({ query }) });
    expect(firstCode(JSON.parse(r.text))).toBeUndefined();
    expect((JSON.parse(r.text) as { data: { node: { outgoing: unknown[] } } }).data.node.outgoing.length).toBeGreaterThan(1);
    expect((server.store.calls.get("version") ?? 0) - before).toBe(1);
  });

  it("answers GET queries (with the preflight header) and HEAD on the health probes", async () => {
    const get = await timedFetch(`${server.url}/graphql?query=${encodeURIComponent('{ node(id: "proportional-valve") { id } }')}`, { headers: { "apollo-require-preflight": "true" } });
    expect(get.json).toEqual(SMALL_ANSWER);
    const head = await raw(server.url, { method: "HEAD", path: "/healthz" });
    expect({ status: head.status, text: head.text }).toEqual({ status: 200, text: "" });
    const health = await raw(server.url, { method: "GET", path: "/healthz" });
    expect(JSON.parse(health.text)).toEqual({ status: "ok" });
    const ready = await raw(server.url, { method: "GET", path: "/readyz" });
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toMatchObject({ status: "ready", store: "embedded" });
    const put = await raw(server.url, { method: "PUT", headers: json, body: SMALL });
    expect(put.status).toBe(405);
  });
});

describe("the static client", () => {
  let dir: string;
  let app: RunningApp;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "chokepoint-front-"));
    const clientDir = path.join(dir, "client");
    mkdirSync(path.join(clientDir, "assets"), { recursive: true });
    writeFileSync(path.join(clientDir, "index.html"), "<!doctype html><title>risk map</title>");
    writeFileSync(path.join(clientDir, "assets", "app.js"), "console.log('map')");
    const config = readConfig({ PORT: "0", CHOKEPOINT_DATA_DIR: path.join(dir, "data"), CHOKEPOINT_SEED_FILE: SAMPLE_GRAPH });
    app = await startApp({ ...config, clientDir }, new CountingStore(await openStore(config)));
  });
  afterAll(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves files, index.html at / and for client routes, and 404 elsewhere", async () => {
    const root = await timedFetch(`${app.url}/`);
    expect({ status: root.status, text: root.text }).toEqual({ status: 200, text: "<!doctype html><title>risk map</title>" });
    const asset = await timedFetch(`${app.url}/assets/app.js`);
    expect({ status: asset.status, text: asset.text }).toEqual({ status: 200, text: "console.log('map')" });
    expect(asset.contentType).toMatch(/javascript/);
    const route = await timedFetch(`${app.url}/map/view?focus=ct-scanner`);
    expect({ status: route.status, text: route.text }).toEqual({ status: 200, text: "<!doctype html><title>risk map</title>" });
    expect((await timedFetch(`${app.url}/graphqlx`)).status).toBe(404);
    expect((await timedFetch(`${app.url}/healthz`, { method: "POST" })).status).toBe(404);
    const graphql = await timedFetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: SMALL });
    expect(graphql.json).toEqual(SMALL_ANSWER);
  });
});
