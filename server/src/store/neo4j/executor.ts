import { ChokepointError } from "@chokepoint/graph-schema";
import type { AccessMode, CypherDriver, CypherRecord, CypherSession, CypherTransaction } from "./driver-port";
import type { Statement } from "./cypher/statement";
import type { ConnectionGuard } from "./connection-guard";
import { storeError, toStoreError } from "./store-errors";

/** What the store's transaction functions see: statements in, records out. */
export interface QueryTx {
  run(statement: Statement): Promise<readonly CypherRecord[]>;
  /** Rows one at a time, so a whole-graph read never holds every record and its mapping at once. */
  stream(statement: Statement): AsyncIterable<CypherRecord>;
}

function wrap(tx: CypherTransaction): QueryTx {
  return {
    run: async (s) => (await tx.run(s.text, { ...s.params })).records,
    stream: (s) => tx.run(s.text, { ...s.params }),
  };
}

/**
 * Owns the driver: opens and closes every session, runs managed transactions (which the driver
 * retries on transient faults, up to `maxTransactionRetryTime`), and turns every failure into a
 * `ChokepointError`. Nothing the driver throws or returns leaves through here untranslated except
 * records, which only the adapter's mappers read. Modelled on neo4j/graphql's `Executor`.
 */
export class Neo4jExecutor {
  private closed = false;

  constructor(
    private readonly driver: CypherDriver,
    private readonly database: string | undefined,
    private readonly guard?: ConnectionGuard,
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  read<T>(work: (tx: QueryTx) => Promise<T>): Promise<T> {
    return this.inSession("READ", (s) => s.executeRead((tx) => work(wrap(tx))));
  }

  /** One managed write transaction: everything `work` runs commits together or not at all. An
   *  error thrown by `work` (a validation failure, say) rolls it back and is rethrown as is. */
  write<T>(work: (tx: QueryTx) => Promise<T>): Promise<T> {
    return this.inSession("WRITE", (s) => s.executeWrite((tx) => work(wrap(tx))));
  }

  /** One auto-commit statement, not retried, abandoned after `timeoutMs` (the server is also told
   *  to give up then). For probes that must answer quickly whatever the database does. */
  probe(statement: Statement, timeoutMs: number): Promise<readonly CypherRecord[]> {
    const run = this.inSession("READ", async (s) => (await s.run(statement.text, { ...statement.params }, { timeout: timeoutMs })).records);
    return withDeadline(run, timeoutMs).catch((e: unknown) => {
      throw this.failure(e);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.driver.close();
    } catch (e) {
      throw toStoreError(e);
    }
  }

  private async inSession<T>(mode: AccessMode, use: (session: CypherSession) => Promise<T>): Promise<T> {
    if (this.closed) throw new ChokepointError("STORE_CLOSED", "the store is closed");
    await this.guard?.admit();
    let session: CypherSession;
    try {
      session = this.driver.session({ defaultAccessMode: mode, ...(this.database !== undefined && { database: this.database }) });
    } catch (e) {
      throw this.failure(e);
    }
    try {
      return await use(session);
    } catch (e) {
      // close() during an operation makes the driver fail it; say why in our terms.
      if (this.closed) throw new ChokepointError("STORE_CLOSED", "the store is closed", { cause: e });
      throw this.failure(e);
    } finally {
      // A failing close (the connection is already gone) must not mask the operation's own outcome.
      await session.close().catch(() => undefined);
    }
  }

  /** Translated, and shown to the guard so that it can stop sending requests into a dead database. */
  private failure(e: unknown): ChokepointError {
    const error = toStoreError(e);
    this.guard?.observe(error);
    return error;
  }
}

/** Rejects with STORE_TIMEOUT after `ms`; the underlying work still settles (and its session is
 *  still closed) in the background. */
function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(storeError("STORE_TIMEOUT")), ms);
  });
  work.catch(() => undefined);
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
