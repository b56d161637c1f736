export { Neo4jGraphStore, type Neo4jStoreOptions } from "./neo4j-store";
export type { CypherDriver, CypherSession, CypherTransaction, CypherResult, CypherRecord, AccessMode } from "./driver-port";
