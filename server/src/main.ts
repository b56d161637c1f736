import "reflect-metadata";
import { existsSync } from "node:fs";
import path from "node:path";
import { ChokepointError } from "@chokepoint/graph-schema";
import type { CliContext } from "./cli/command";
import type { GraphStore } from "./domain/graph-store";
import type { ErrorLogger } from "./graphql/errors";
import type { RunningServer } from "./http/server";
import { readInterchangeFile } from "./import/read-interchange-file";
import { AnalysisService } from "./services/analysis-service";
import { DocumentTextService } from "./services/document-text";
import { EditService } from "./services/edit-service";
import { ExportService } from "./services/export-service";
import { GraphService } from "./services/graph-service";
import { ImportService } from "./services/import-service";
import { EmbeddedGraphStore } from "./store/embedded/embedded-graph-store";

/*
 * GraphQL with its HTTP server, and the Neo4j adapter, are loaded when first used: the CLI's commands
 * on files (analyze, scenario, extract) use neither, and loading Apollo, type-graphql and
 * neo4j-driver took about 0.4 s of every such command's start.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const graphqlSchema = () => require("./graphql/schema") as typeof import("./graphql/schema");
const httpServer = () => require("./http/server") as typeof import("./http/server");
const neo4jStore = () => require("./store/neo4j/neo4j-store") as typeof import("./store/neo4j/neo4j-store");
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The composition root: the only module that reads the environment, chooses the store and wires
 * services, GraphQL and HTTP together. Everything else receives what it needs as arguments.
 */

/** server/dist/main.js → repository root. */
const REPO_ROOT = path.resolve(__dirname, "..", "..");

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly production: boolean;
  readonly dataDir: string;
  readonly seedsDir: string;
  /** Loaded into an empty embedded store on first start. */
  readonly seedFile: string;
  readonly neo4j?: { readonly uri: string; readonly user: string; readonly password: string; readonly database?: string };
  readonly readToken?: string;
  readonly editorTokens: readonly string[];
  readonly maxBodyBytes: number;
  readonly clientDir: string;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ChokepointError("CONFIG_INVALID", `${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  return n;
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === "" ? undefined : v.trim();
}

/** Reads and checks configuration; bad values fail with one clear CONFIG_INVALID line. */
export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const seedsDir = path.resolve(cwd, env.CHOKEPOINT_SEEDS_DIR ?? path.join(REPO_ROOT, "seeds"));
  const extracted = path.join(seedsDir, "graph", "supply-graph.json");
  const seedFile = path.resolve(cwd, nonEmpty(env.CHOKEPOINT_SEED_FILE) ?? (existsSync(extracted) ? extracted : path.join(seedsDir, "sample", "sample-graph.json")));
  const uri = nonEmpty(env.NEO4J_URI);
  if (uri !== undefined && !/^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\//.test(uri)) {
    throw new ChokepointError("CONFIG_INVALID", "NEO4J_URI must start with neo4j://, neo4j+s://, bolt:// or bolt+s://");
  }
  const editorTokens = (env.CHOKEPOINT_EDITOR_TOKENS ?? "").split(",").map((t) => t.trim()).filter((t) => t !== "");
  for (const t of [...editorTokens, ...(nonEmpty(env.CHOKEPOINT_READ_TOKEN) ? [env.CHOKEPOINT_READ_TOKEN!.trim()] : [])]) {
    if (t.length < 16) throw new ChokepointError("CONFIG_INVALID", "tokens in CHOKEPOINT_EDITOR_TOKENS and CHOKEPOINT_READ_TOKEN must be at least 16 characters");
  }
  return {
    host: nonEmpty(env.HOST) ?? "127.0.0.1",
    port: intFrom(env, "PORT", 4000, 0, 65535),
    production: env.NODE_ENV === "production",
    dataDir: path.resolve(cwd, nonEmpty(env.CHOKEPOINT_DATA_DIR) ?? "data"),
    seedsDir,
    seedFile,
    ...(uri !== undefined && {
      neo4j: {
        uri,
        user: nonEmpty(env.NEO4J_USER) ?? "neo4j",
        password: env.NEO4J_PASSWORD ?? "",
        ...(nonEmpty(env.NEO4J_DATABASE) !== undefined && { database: nonEmpty(env.NEO4J_DATABASE)! }),
      },
    }),
    ...(nonEmpty(env.CHOKEPOINT_READ_TOKEN) !== undefined && { readToken: nonEmpty(env.CHOKEPOINT_READ_TOKEN)! }),
    editorTokens,
    maxBodyBytes: intFrom(env, "CHOKEPOINT_MAX_BODY_BYTES", 1024 * 1024, 1024, 256 * 1024 * 1024),
    clientDir: path.join(REPO_ROOT, "client", "dist"),
  };
}

/** Opens the store the configuration selects: Neo4j when NEO4J_URI is set, else embedded. */
export async function openStore(config: Config): Promise<GraphStore> {
  if (config.neo4j) {
    return neo4jStore().Neo4jGraphStore.create(config.neo4j);
  }
  return EmbeddedGraphStore.open({ dir: config.dataDir, seed: async () => readInterchangeFile(config.seedFile) });
}

const logError: ErrorLogger = ({ errorId, code, error }) => {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`${new Date().toISOString()} error ${errorId} ${code}: ${detail}\n`);
};

export interface RunningApp {
  readonly url: string;
  readonly store: GraphStore;
  /** Drains HTTP, then closes the store. */
  stop(): Promise<void>;
}

/** The services over one store, as the GraphQL schema takes them. */
export function createServices(config: Config, store: GraphStore) {
  const graph = new GraphService(store);
  return {
    graph,
    edits: new EditService(store),
    analysis: new AnalysisService(graph),
    imports: new ImportService(store),
    exports: new ExportService(store),
    documentTexts: new DocumentTextService(path.join(config.seedsDir, "documents")),
  };
}

/** Wires store → services → GraphQL → HTTP and starts listening. */
export async function startApp(config: Config, store: GraphStore): Promise<RunningApp> {
  const services = createServices(config, store);
  const schema = await graphqlSchema().buildGraphQLSchema(services);
  const server: RunningServer = await httpServer().startHttpServer({
    store,
    schema,
    auth: { ...(config.readToken !== undefined && { readToken: config.readToken }), editorTokens: config.editorTokens },
    production: config.production,
    clientDir: config.clientDir,
    maxBodyBytes: config.maxBodyBytes,
    log: logError,
    host: config.host,
    port: config.port,
  });
  return {
    url: server.url,
    store,
    stop: async () => {
      await server.close();
      await store.close();
    },
  };
}

/** The CLI's view of the configuration. */
export function cliContext(env: NodeJS.ProcessEnv = process.env): CliContext {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    openStore: () => openStore(readConfig(env)),
    cwd: process.cwd(),
    get seedsDir() {
      return readConfig(env).seedsDir;
    },
    serve: async () => {
      const config = readConfig(env);
      const store = await openStore(config);
      const app = await startApp(config, store).catch(async (e: unknown) => {
        await store.close();
        throw e;
      });
      return { url: app.url, storeKind: store.kind, stop: app.stop };
    },
  };
}
