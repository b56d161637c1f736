import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GraphStore } from "../../server/src/domain/graph-store";
import { EmbeddedGraphStore } from "../../server/src/store/embedded";
import { describeGraphStoreContract } from "./graph-store-contract";

const quiet = { warn: () => undefined, info: () => undefined };

describeGraphStoreContract(
  "embedded",
  async () => {
    const dir = await mkdtemp(join(tmpdir(), "chokepoint-contract-"));
    let current: GraphStore = await EmbeddedGraphStore.open({ dir, logger: quiet });
    return {
      store: current,
      reopen: async () => (current = await EmbeddedGraphStore.open({ dir, logger: quiet })),
      cleanup: async () => {
        await current.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
  { persistence: true },
);
