import { auth, driver as createDriver } from "neo4j-driver";
import { ChokepointError } from "@chokepoint/graph-schema";
import type { CypherDriver } from "./driver-port";

export interface ConnectOptions {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly connectionTimeoutMs: number;
  readonly connectionAcquisitionTimeoutMs: number;
  readonly maxTransactionRetryTimeMs: number;
}

/**
 * Builds the real driver. The driver connects lazily, so this never waits for the database; a
 * malformed URI is a configuration error and fails here, with a message that names neither the
 * URI's credentials nor the password.
 */
export function openDriver(options: ConnectOptions): CypherDriver {
  try {
    return createDriver(options.uri, auth.basic(options.user, options.password), {
      // The defaults (30 s connect, 60 s acquisition, 30 s retry) keep a request hanging for a
      // minute when the database is down; the store must answer in seconds instead.
      connectionTimeout: options.connectionTimeoutMs,
      connectionAcquisitionTimeout: options.connectionAcquisitionTimeoutMs,
      maxTransactionRetryTime: options.maxTransactionRetryTimeMs,
      userAgent: "chokepoint",
    });
  } catch (e) {
    throw new ChokepointError("CONFIG_INVALID", "the Neo4j URI is not valid (expected neo4j://, neo4j+s://, bolt:// or bolt+s://host:port)", { cause: e });
  }
}
