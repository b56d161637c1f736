import { ChokepointError, isChokepointError, type ErrorCode } from "@chokepoint/graph-schema";

/** The fields of a driver error we classify by. Read structurally so that this module needs no
 *  driver import and so that errors crossing realms (or from a fake) are classified alike. */
interface DriverErrorShape {
  readonly code?: unknown;
  readonly message?: unknown;
}

/** Messages are fixed sentences: driver text can carry host names, user names, Cypher and server
 *  internals, none of which belongs in a response (RELIABILITY.md, "Store faults"). */
const MESSAGES: Readonly<Partial<Record<ErrorCode, string>>> = {
  STORE_UNAVAILABLE: "the Neo4j database is unreachable; try again when it is back",
  STORE_TIMEOUT: "the Neo4j database did not answer in time; try again later",
  STORE_AUTH: "the Neo4j database rejected the configured credentials",
  STORE_ERROR: "the Neo4j database could not complete the operation",
};

/** Neo4j status codes (https://neo4j.com/docs/status-codes/current/) grouped by what a caller can
 *  do about them. Checked before the message patterns because codes are stable and messages are not. */
const UNAVAILABLE_CODES = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  "Neo.TransientError.General.DatabaseUnavailable",
  "Neo.ClientError.Cluster.NotALeader",
  "Neo.TransientError.Cluster.ReplicationFailure",
]);
const TIMEOUT_CODES = new Set([
  "Neo.ClientError.Transaction.TransactionTimedOut",
  "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
  "Neo.TransientError.Transaction.LockAcquisitionTimeout",
]);
const AUTH_CODES = new Set([
  "Neo.ClientError.Security.Unauthorized",
  "Neo.ClientError.Security.AuthenticationRateLimit",
  "Neo.ClientError.Security.CredentialsExpired",
  "Neo.ClientError.Security.TokenExpired",
  "Neo.ClientError.Security.Forbidden",
  "Neo.ClientError.Security.AuthorizationExpired",
]);
/** Socket errors that reach us unwrapped (rare: the driver usually wraps them as ServiceUnavailable). */
const UNAVAILABLE_SYSCALL = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);

/** The driver reports an exhausted connection pool wait with code "N/A"; only its text tells it apart. */
const ACQUISITION_TIMEOUT = /acquisition timed out/i;

function classify(e: DriverErrorShape): "STORE_UNAVAILABLE" | "STORE_TIMEOUT" | "STORE_AUTH" | "STORE_ERROR" {
  const code = typeof e.code === "string" ? e.code : "";
  const message = typeof e.message === "string" ? e.message : "";
  if (AUTH_CODES.has(code)) return "STORE_AUTH";
  if (TIMEOUT_CODES.has(code) || code === "ETIMEDOUT" || ACQUISITION_TIMEOUT.test(message)) return "STORE_TIMEOUT";
  if (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_SYSCALL.has(code)) return "STORE_UNAVAILABLE";
  return "STORE_ERROR";
}

/**
 * Turns anything thrown while talking to Neo4j into a `ChokepointError` with a stable code and a
 * user-safe message; the original stays as `cause` for the logs. Our own errors (validation found
 * inside a transaction, for example) pass through unchanged.
 */
export function toStoreError(e: unknown): ChokepointError {
  if (isChokepointError(e)) return e;
  return storeError(typeof e === "object" && e !== null ? classify(e as DriverErrorShape) : "STORE_ERROR", e);
}

/** An error with our fixed sentence for `code`. */
export function storeError(code: "STORE_UNAVAILABLE" | "STORE_TIMEOUT" | "STORE_AUTH" | "STORE_ERROR", cause?: unknown): ChokepointError {
  return new ChokepointError(code, MESSAGES[code] ?? "the Neo4j database could not complete the operation", cause === undefined ? {} : { cause });
}
