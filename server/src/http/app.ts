import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import type { Server } from "node:http";
import express, { type Express, type NextFunction, type Request, type Response } from "express";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import { GraphQLError, type GraphQLSchema } from "graphql";
import { isChokepointError } from "@chokepoint/graph-schema";
import type { GraphStore } from "../domain/graph-store";
import type { RequestContext } from "../graphql/context";
import { makeFormatError, type ErrorLogger } from "../graphql/errors";
import { DEFAULT_LIMITS, GuardCache, QueryRejected, type QueryLimits } from "../graphql/query-guard";
import { roleFor, type AuthConfig } from "./auth";

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
  readonly app: Express;
  readonly apollo: ApolloServer<RequestContext>;
}

/** Builds the Express app: health probes, GraphQL, and the static client. The caller owns the
 *  HTTP server (so it can drain it on shutdown) and must call `apollo.start()` before mounting. */
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

  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    const health = await options.store.health().catch(() => ({ ok: false, detail: "store health check failed" }));
    res.status(health.ok ? 200 : 503).json({ status: health.ok ? "ready" : "unavailable", store: options.store.kind, detail: health.detail });
  });

  const guardCache = new GuardCache(options.limits ?? DEFAULT_LIMITS, options.schema);
  // Shape and cost limits run before Apollo parses and validates, so abuse costs milliseconds.
  const guard = (req: Request, res: Response, next: NextFunction) => {
    const body: unknown = req.method === "GET" ? req.query : req.body;
    if (Array.isArray(body)) {
      res.status(400).json({ errors: [{ message: "batched requests are not supported; send one operation per request", extensions: { code: "BAD_REQUEST" } }] });
      return;
    }
    const { query, operationName, variables } = (body ?? {}) as { query?: unknown; operationName?: unknown; variables?: unknown };
    if (typeof query !== "string") return next();
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
      guardCache.check(query, typeof operationName === "string" ? operationName : undefined, vars);
      next();
    } catch (e) {
      if (!(e instanceof QueryRejected)) return next(e);
      res.status(400).json({ errors: [{ message: e.message, extensions: { code: e.extensions.code } }] });
    }
  };

  app.use(
    "/graphql",
    express.json({ limit: options.maxBodyBytes }),
    guard,
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<RequestContext> => {
        const requestId = headerValue(req.headers["x-request-id"]) ?? randomUUID();
        try {
          return { role: roleFor(headerValue(req.headers.authorization), options.auth), requestId };
        } catch (e) {
          if (isChokepointError(e)) {
            throw new GraphQLError(e.message, { extensions: { code: e.code, http: { status: 401 } } });
          }
          throw e;
        }
      },
    }),
  );

  if (options.clientDir && existsSync(path.join(options.clientDir, "index.html"))) {
    const clientDir = options.clientDir;
    app.use(express.static(clientDir, { index: "index.html", maxAge: "1h" }));
    app.get(/^\/(?!graphql|healthz|readyz).*/, (_req, res) => {
      res.sendFile(path.join(clientDir, "index.html"));
    });
  }

  // Body-parser errors (too large, malformed JSON) and anything else: a coded JSON answer, no stack.
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = typeof (err as { status?: unknown }).status === "number" ? (err as { status: number }).status : 500;
    const type = (err as { type?: unknown }).type;
    const code = type === "entity.too.large" ? "QUERY_TOO_LARGE" : status < 500 ? "BAD_REQUEST" : "INTERNAL";
    if (status >= 500) options.log({ errorId: randomUUID(), code, error: err });
    res.status(status).json({ errors: [{ message: status < 500 ? "bad request" : "internal error", extensions: { code } }] });
  });

  return { app, apollo };
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
