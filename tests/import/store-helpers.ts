import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { GraphStore } from "../../server/src/domain/graph-store";
import { readInterchangeFile } from "../../server/src/import/read-interchange-file";
import { ImportService } from "../../server/src/services/import-service";
import { EmbeddedGraphStore } from "../../server/src/store/embedded/embedded-graph-store";

export const ROOT = path.resolve(__dirname, "..", "..");
export const SAMPLE_GRAPH = path.join(ROOT, "seeds", "sample", "sample-graph.json");
export const CORPUS = path.join(ROOT, "tests", "fixtures", "bad-imports");

const quiet = { info: () => undefined, warn: () => undefined };

export interface TempStore {
  readonly dir: string;
  readonly store: GraphStore;
  readonly imports: ImportService;
  close(): Promise<void>;
}

/** An embedded store in a fresh temp directory, seeded with the sample graph (or empty). */
export async function openTempStore(options: { seed?: boolean } = {}): Promise<TempStore> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chokepoint-import-"));
  const store = await EmbeddedGraphStore.open({
    dir,
    logger: quiet,
    ...(options.seed !== false && { seed: async () => readInterchangeFile(SAMPLE_GRAPH) }),
  });
  return {
    dir,
    store,
    imports: new ImportService(store),
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The stored graph's content (not its version) as a hash: equal hashes, equal graphs. */
export async function graphHash(store: GraphStore): Promise<string> {
  return createHash("sha256").update(JSON.stringify(await store.exportGraph())).digest("hex");
}

export async function graphState(store: GraphStore): Promise<{ hash: string; version: number; counts: unknown }> {
  return { hash: await graphHash(store), version: await store.version(), counts: await store.counts() };
}
