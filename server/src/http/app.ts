import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import type { IncomingMessage, OutgoingHttpHeaders, RequestListener, Server, ServerResponse } from "node:http";
import express, { type NextFunction, type Request, type Response } from "express";
import { ApolloServer, HeaderMap, type HTTPGraphQLResponse } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { GraphQLError, type GraphQLSchema } from "graphql";
import { isChokepointError } from "@chokepoint/graph-schema";
import type { GraphStore } from "../domain/graph-store";
import { requestContext, type RequestContext } from "../graphql/context";
import { makeFormatError, type ErrorLogger } from "../graphql/errors";
import { DEFAULT_LIMITS, GuardCache, QueryRejected, type QueryLimits } from "../graphql/query-guard";
import { roleFor, type AuthConfig } from "./auth";
import { BodyAborted, BodyRejected, mediaType, readJsonBody } from "./body";

export interface HttpAppOptions {
  readonly store: GraphStore;
  readonly schema: GraphQLSchema;
  readonly auth: AuthConfig;
  readonly production: boolean;
  /** The built client (client/dist); served at `/` when present. */
  readonly clientDir?: string;
  readonly maxBodyBytes: number;
  readonly log: ErrorLogger;
  readonly limits?: QueryLimits;
}

export interface HttpApp {
  /** The `request` listener for the node:http server. */
  readonly handle: RequestListener;
  readonly apollo: ApolloServer<RequestContext>;
}

const JSON_TYPE = "application/json; charset=utf-8";

/**
 * The HTTP front: `/graphql`, the health probes, and the static client. `/graphql` is a thin
 * node:http handler around Apollo's `executeHTTPGraphQLRequest` — read and cap the body, refuse
 * batches, run the query guard, then Apollo (CSRF prevention, parsing, validation, execution) —
 * and writes each answer with one `end` and a content-length. Express remains only for the static
 * client and its SPA fallback, off the hot path. The caller owns the HTTP server (so it can drain
 * it on shutdown).
 */
export async function createHttpApp(options: HttpAppOptions, httpServer: Server): Promise<HttpApp> {
  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: options.production,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // The serve command owns SIGTERM/SIGINT (drain, close the store, exit 0). Apollo's own handler,
    // on by default unless NODE_ENV=test, re-raises the signal after stopping, so a production
    // process died by SIGTERM (exit 143) and raced the store's close.
    stopOnTerminationSignals: false,
    formatError: makeFormatError(options.log),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // No cache hints are used; the default cache-control plugin's per-field hook made Apollo wrap
      // every resolver (about 3 % of a small query's CPU time in a profile).
      ApolloServerPluginCacheControlDisabled(),
      ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  const guardCache = new GuardCache(options.limits ?? DEFAULT_LIMITS, options.schema);
  const fallback = staticClient(options.clientDir, options.log);

  const contextFor = (req: IncomingMessage): RequestContext => {
    const requestId = headerValue(req.headers["x-request-id"]) ?? randomUUID();
    try {
      return requestContext(roleFor(headerValue(req.headers.authorization), options.auth), requestId);
    } catch (e) {
      if (isChokepointError(e)) {
        throw new GraphQLError(e.message, { extensions: { code: e.code, http: { status: 401 } } });
      }
      throw e;
    }
  };

  const graphql = async (req: IncomingMessage, res: ServerResponse, search: string): Promise<void> => {
    const method = req.method ?? "GET";
    let body: unknown;
    // Only JSON bodies are read; anything else reaches Apollo without a body, and its CSRF
    // prevention refuses form, multipart and text/plain posts (a missing body is a 400 too).
    if (method === "POST" && mediaType(req.headers["content-type"]) === "application/json") {
      try {
        body = await readJsonBody(req, options.maxBodyBytes);
      } catch (e) {
        if (e instanceof BodyAborted) return;
        if (!(e instanceof BodyRejected)) throw e;
        // The rest of a refused body is not read: close the connection after answering.
        sendErrors(res, e.status, e.code, e.message, e.status === 413);
        return;
      }
    }
    if (Array.isArray(body)) {
      sendErrors(res, 400, "BAD_REQUEST", "batched requests are not supported; send one operation per request");
      return;
    }
    // Shape and cost limits run before Apollo parses and validates, so abuse costs milliseconds.
    const rejected = guard(guardCache, method === "GET" ? fromSearch(search) : body);
    if (rejected) {
      sendErrors(res, 400, rejected.extensions.code as string, rejected.message);
      return;
    }
    const headers = new HeaderMap();
    const raw = req.headers;
    for (const key in raw) {
      const value = raw[key];
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: method.toUpperCase(), headers, search, body },
      context: async () => contextFor(req),
    });
    await writeResponse(res, response);
  };

  const handle: RequestListener = (req, res) => {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const pathname = q === -1 ? url : url.slice(0, q);
    if (pathname === "/graphql" || pathname === "/graphql/") {
      graphql(req, res, q === -1 ? "" : url.slice(q)).catch((e: unknown) => internalError(res, e, options.log));
      return;
    }
    const readable = req.method === "GET" || req.method === "HEAD";
    if (readable && (pathname === "/healthz" || pathname === "/healthz/")) {
      sendJson(res, 200, '{"status":"ok"}');
      return;
    }
    if (readable && (pathname === "/readyz" || pathname === "/readyz/")) {
      options.store
        .health()
        .catch(() => ({ ok: false, detail: "store health check failed" }))
        .then((health) => {
          sendJson(res, health.ok ? 200 : 503, JSON.stringify({ status: health.ok ? "ready" : "unavailable", store: options.store.kind, detail: health.detail }));
        })
        .catch((e: unknown) => internalError(res, e, options.log));
      return;
    }
    fallback(req, res);
  };

  return { handle, apollo };
}

interface GuardInput {
  readonly query?: unknown;
  readonly operationName?: unknown;
  readonly variables?: unknown;
}

/** The guard's verdict on a request's document, or undefined when it may go on to Apollo. A
 *  request without a string query is left to Apollo, which refuses it with its own code. */
function guard(cache: GuardCache, input: unknown): QueryRejected | undefined {
  const { query, operationName, variables } = (input ?? {}) as GuardInput;
  if (typeof query !== "string") return undefined;
  let vars: Record<string, unknown> = {};
  if (typeof variables === "object" && variables !== null) vars = variables as Record<string, unknown>;
  else if (typeof variables === "string") {
    try {
      vars = JSON.parse(variables) as Record<string, unknown>;
    } catch {
      vars = {};
    }
  }
  try {
    cache.check(query, typeof operationName === "string" ? operationName : undefined, vars);
    return undefined;
  } catch (e) {
    if (e instanceof QueryRejected) return e;
    throw e;
  }
}

/** A GET request's operation, as Apollo will read it: each parameter counts only when given once. */
function fromSearch(search: string): GuardInput {
  const params = new URLSearchParams(search);
  const once = (name: string) => {
    const all = params.getAll(name);
    return all.length === 1 ? all[0] : undefined;
  };
  return { query: once("query"), operationName: once("operationName"), variables: once("variables") };
}

/** Apollo's answer: a complete body in one write with its length, or a multipart stream. */
async function writeResponse(res: ServerResponse, response: HTTPGraphQLResponse): Promise<void> {
  const headers: OutgoingHttpHeaders = {};
  for (const [key, value] of response.headers) headers[key] = value;
  const status = response.status ?? 200;
  if (response.body.kind === "complete") {
    const text = response.body.string;
    headers["content-length"] = Buffer.byteLength(text);
    res.writeHead(status, headers);
    res.end(text);
    return;
  }
  res.writeHead(status, headers);
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

function sendJson(res: ServerResponse, status: number, text: string, close = false): void {
  const headers: OutgoingHttpHeaders = { "content-type": JSON_TYPE, "content-length": Buffer.byteLength(text) };
  if (close) headers.connection = "close";
  res.writeHead(status, headers);
  res.end(text);
}

function sendErrors(res: ServerResponse, status: number, code: string, message: string, close = false): void {
  sendJson(res, status, JSON.stringify({ errors: [{ message, extensions: { code } }] }), close);
}

/** Anything the handler did not expect: logged with an id, answered as a coded 500 without detail. */
function internalError(res: ServerResponse, error: unknown, log: ErrorLogger): void {
  const errorId = randomUUID();
  log({ errorId, code: "INTERNAL", error });
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, 500, JSON.stringify({ errors: [{ message: `Internal error; reference ${errorId}`, extensions: { code: "INTERNAL", errorId } }] }));
}

/** The built client with its SPA fallback (index.html for client-side routes), or 404s. */
function staticClient(clientDir: string | undefined, log: ErrorLogger): RequestListener {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  if (clientDir && existsSync(path.join(clientDir, "index.html"))) {
    app.use(express.static(clientDir, { index: "index.html", maxAge: "1h" }));
    app.get(/^\/(?!graphql|healthz|readyz).*/, (_req, res) => {
      res.sendFile(path.join(clientDir, "index.html"));
    });
  }
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = typeof (err as { status?: unknown }).status === "number" ? (err as { status: number }).status : 500;
    const code = status < 500 ? "BAD_REQUEST" : "INTERNAL";
    if (status >= 500) log({ errorId: randomUUID(), code, error: err });
    res.status(status).json({ errors: [{ message: status < 500 ? "bad request" : "internal error", extensions: { code } }] });
  });
  return app;
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
