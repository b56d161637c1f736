import { int } from "neo4j-driver";
import type { Statement } from "./statement";
import { META_LABEL } from "./names";

/**
 * The data version lives on one `:CpMeta {key: 'graph'}` node. Every write transaction starts by
 * setting a property on it, which takes its write lock: concurrent writers then run one after the
 * other, so the diff and validation each one reads cannot be invalidated by another's commit.
 */

const META = `(m:${META_LABEL} {key: 'graph'})`;

export function readVersion(): Statement {
  return { text: `OPTIONAL MATCH ${META}\nRETURN m.version AS version`, params: {} };
}

export function lockGraph(): Statement {
  return {
    text: [`MERGE ${META}`, "ON CREATE SET m.version = 0", "SET m._lock = true", "RETURN m.version AS version"].join("\n"),
    params: {},
  };
}

/** Releases the lock property and bumps the version when the transaction changed data. */
export function finishWrite(changed: boolean): Statement {
  return {
    text: [`MATCH ${META}`, "REMOVE m._lock", "SET m.version = m.version + $step", "RETURN m.version AS version"].join("\n"),
    params: { step: int(changed ? 1 : 0) },
  };
}
