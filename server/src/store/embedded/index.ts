export { EmbeddedGraphStore, type EmbeddedStoreOptions } from "./embedded-graph-store";
export type { StoreLogger } from "./store-logger";
