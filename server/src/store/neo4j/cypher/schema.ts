import type { Statement } from "./statement";
import { DOCUMENT_LABEL, META_LABEL, NODE_LABEL } from "./names";

/**
 * Uniqueness constraints, one statement each: Neo4j does not allow several schema commands (or a
 * schema command and data writes) in one transaction. `IF NOT EXISTS` makes them safe to re-run
 * on every start and from several processes at once. Each also creates the index that the
 * `{id: …}` lookups and `ORDER BY n.id` pages use.
 */
export function constraintStatements(): Statement[] {
  return [
    { text: `CREATE CONSTRAINT cp_node_id IF NOT EXISTS FOR (n:${NODE_LABEL}) REQUIRE n.id IS UNIQUE`, params: {} },
    { text: `CREATE CONSTRAINT cp_document_id IF NOT EXISTS FOR (d:${DOCUMENT_LABEL}) REQUIRE d.id IS UNIQUE`, params: {} },
    { text: `CREATE CONSTRAINT cp_meta_key IF NOT EXISTS FOR (m:${META_LABEL}) REQUIRE m.key IS UNIQUE`, params: {} },
  ];
}
