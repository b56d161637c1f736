import type { AccessMode, CypherDriver, CypherRecord, CypherResult, CypherSession, CypherTransaction } from "../../../server/src/store/neo4j";

/** One statement as the driver received it. `tx` numbers the transaction (or auto-commit run). */
export interface RunCall {
  readonly mode: AccessMode;
  readonly tx: number;
  readonly text: string;
  readonly params: Record<string, unknown>;
}

export type Row = Record<string, unknown>;

/** Answers a statement with rows, or throws to make it fail. */
export type Responder = (call: RunCall) => Row[];

export function record(row: Row): CypherRecord {
  return {
    get(key: string) {
      if (!(key in row)) throw new Error(`fake record has no key ${key}`);
      return row[key];
    },
  };
}

export function result(produce: () => Row[]): CypherResult {
  const settled = Promise.resolve().then(() => ({ records: produce().map(record) }));
  settled.catch(() => undefined);
  return {
    then: (onFulfilled, onRejected) => settled.then(onFulfilled, onRejected),
    async *[Symbol.asyncIterator]() {
      for (const r of (await settled).records) yield r;
    },
  };
}

/**
 * A stand-in for neo4j-driver that records every statement and answers from a responder. Managed
 * transactions run their work once (no retries) and report whether they committed or rolled back.
 * `failSession` makes the next transactions fail before any statement runs, the way the real
 * driver fails when it cannot get a connection.
 */
export class FakeDriver implements CypherDriver {
  readonly calls: RunCall[] = [];
  readonly outcomes: { tx: number; mode: AccessMode; outcome: "commit" | "rollback" }[] = [];
  readonly sessionConfigs: { database?: string; defaultAccessMode: AccessMode }[] = [];
  sessionsOpened = 0;
  sessionsClosed = 0;
  closed = false;
  failSession: (() => Error) | undefined;
  private txCount = 0;

  constructor(public respond: Responder = () => []) {}

  session(config: { database?: string; defaultAccessMode: AccessMode }): CypherSession {
    this.sessionsOpened++;
    this.sessionConfigs.push(config);
    const runIn = (mode: AccessMode, tx: number): CypherTransaction => ({
      run: (text, params) => {
        const call = { mode, tx, text, params };
        this.calls.push(call);
        return result(() => this.respond(call));
      },
    });
    const execute = async <T>(mode: AccessMode, work: (tx: CypherTransaction) => Promise<T>): Promise<T> => {
      if (this.failSession) throw this.failSession();
      const tx = ++this.txCount;
      try {
        const value = await work(runIn(mode, tx));
        this.outcomes.push({ tx, mode, outcome: "commit" });
        return value;
      } catch (e) {
        this.outcomes.push({ tx, mode, outcome: "rollback" });
        throw e;
      }
    };
    return {
      executeRead: (work) => execute("READ", work),
      executeWrite: (work) => execute("WRITE", work),
      run: (text, params) => {
        if (this.failSession) {
          const error = this.failSession();
          return result(() => {
            throw error;
          });
        }
        return runIn(config.defaultAccessMode, ++this.txCount).run(text, params);
      },
      close: async () => {
        this.sessionsClosed++;
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** Statements run so far, minus the schema setup every store does first. */
  statements(): RunCall[] {
    return this.calls.filter((c) => !c.text.startsWith("CREATE CONSTRAINT"));
  }

  reset(): void {
    this.calls.length = 0;
    this.outcomes.length = 0;
  }
}
