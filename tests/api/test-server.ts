import "reflect-metadata";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openStore, readConfig, startApp, type RunningApp } from "../../server/src/main";

export const EDITOR_TOKEN = "editor-token-0123456789abcdef";
export const READ_TOKEN = "reader-token-0123456789abcdef";
export const SAMPLE_GRAPH = path.resolve(__dirname, "..", "..", "seeds", "sample", "sample-graph.json");
export const SEED_GRAPH = path.resolve(__dirname, "..", "..", "seeds", "graph", "supply-graph.json");

export interface TestServer {
  readonly url: string;
  readonly app: RunningApp;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>>;
  stop(): Promise<void>;
}

export interface GqlResponse<T> {
  readonly status: number;
  readonly data?: T;
  readonly errors?: { message: string; extensions?: { code?: string; problems?: { code: string }[] } }[];
}

/** Starts the real app (embedded store in a temp directory, real HTTP on a free port). */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chokepoint-api-"));
  const config = readConfig({ PORT: "0", CHOKEPOINT_DATA_DIR: dir, CHOKEPOINT_SEED_FILE: SAMPLE_GRAPH, CHOKEPOINT_EDITOR_TOKENS: EDITOR_TOKEN, ...env });
  const store = await openStore(config);
  const app = await startApp(config, store);
  return {
    url: app.url,
    app,
    async gql<T>(query: string, variables: Record<string, unknown> = {}, token?: string) {
      const res = await fetch(`${app.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as Omit<GqlResponse<T>, "status">;
      return { status: res.status, ...body };
    },
    async stop() {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
