import type { GraphStore } from "../domain/graph-store";

/** What a CLI command may touch. Commands never read `process.env` (main.ts does) and never
 *  call `process.exit` (the dispatcher does), so they can be run in-process by tests. */
export interface CliContext {
  readonly stdout: (text: string) => void;
  /** Bytes for stdout, when the context can take them (the real CLI: written straight to fd 1).
   *  Commands with very large output use it instead of `stdout`, never both for one output. */
  readonly stdoutBytes?: (chunk: Uint8Array) => void;
  readonly stderr: (text: string) => void;
  /** Opens the configured store (embedded or Neo4j, chosen by main.ts from the environment). */
  readonly openStore: () => Promise<GraphStore>;
  readonly cwd: string;
  /** The repository's seeds/ folder (documents, lexicon, seed graph). */
  readonly seedsDir: string;
  /** Opens the configured store and starts the HTTP server on it. */
  readonly serve: () => Promise<ServingApp>;
}

export interface ServingApp {
  readonly url: string;
  readonly storeKind: string;
  /** Drains in-flight requests, then closes the store. */
  stop(): Promise<void>;
}

export interface Command {
  readonly name: string;
  /** One line for `chokepoint help`. */
  readonly summary: string;
  readonly usage: string;
  /** Resolves to the exit code. Throw a ChokepointError for problems the user can fix. */
  run(args: readonly string[], ctx: CliContext): Promise<number>;
}
