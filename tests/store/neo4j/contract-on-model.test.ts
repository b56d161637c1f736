import { Neo4jGraphStore } from "../../../server/src/store/neo4j";
import { describeGraphStoreContract } from "../../contract/graph-store-contract";
import { CypherModel } from "./cypher-model";

/**
 * The store contract run through the Neo4j adapter over an in-memory model of its statements
 * (cypher-model.ts): it checks the adapter's own logic — validation, diffing, counts, versions,
 * paging, search normalisation, close — without a database. It is not a Neo4j run; that one is
 * tests/contract/neo4j.test.ts and needs NEO4J_URI.
 */
describeGraphStoreContract(
  "neo4j adapter over an in-memory Cypher model (no database)",
  async () => {
    const model = new CypherModel();
    const open = () => Neo4jGraphStore.create({ uri: "bolt://model.invalid:7687", user: "neo4j", password: "unused", driver: model });
    let current = open();
    return {
      store: current,
      reopen: async () => (current = open()),
      cleanup: async () => {
        await current.close();
      },
    };
  },
  { persistence: true },
);
