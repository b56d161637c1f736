/**
 * The slice of neo4j-driver this adapter uses, as structural types. The real `Driver` satisfies
 * them as it is; tests pass a fake that records every statement. Keeping the surface this small
 * is what lets the Cypher be pinned without a database.
 */

/** One result row. The real driver's `Record` fits; values may be neo4j `Integer`s. */
export interface CypherRecord {
  get(key: string): unknown;
}

/** A statement's result: awaitable as a whole, or iterable row by row (for the snapshot stream). */
export interface CypherResult extends PromiseLike<{ readonly records: readonly CypherRecord[] }>, AsyncIterable<CypherRecord> {}

export interface CypherTransaction {
  run(text: string, parameters: Record<string, unknown>): CypherResult;
}

export interface CypherTransactionConfig {
  /** Server-side transaction timeout in milliseconds. */
  readonly timeout?: number;
}

export type AccessMode = "READ" | "WRITE";

export interface CypherSession {
  executeRead<T>(work: (tx: CypherTransaction) => Promise<T>, config?: CypherTransactionConfig): Promise<T>;
  executeWrite<T>(work: (tx: CypherTransaction) => Promise<T>, config?: CypherTransactionConfig): Promise<T>;
  /** Auto-commit statement: not retried, which is what a health probe wants. */
  run(text: string, parameters: Record<string, unknown>, config?: CypherTransactionConfig): CypherResult;
  close(): Promise<void>;
}

export interface CypherDriver {
  session(config: { database?: string; defaultAccessMode: AccessMode }): CypherSession;
  close(): Promise<void>;
}
