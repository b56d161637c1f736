import { randomUUID } from "node:crypto";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { isChokepointError, type ErrorCode } from "@chokepoint/graph-schema";

/** Error codes Apollo and graphql-js produce for bad requests; they are safe to show as they are. */
const REQUEST_ERROR_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

/** Codes of ChokepointErrors that describe the caller's request rather than a server fault. */
const SERVER_SIDE: ReadonlySet<ErrorCode> = new Set(["STORE_ERROR", "INTERNAL"]);

/**
 * Store faults keep their code (a caller may retry, an operator may alert on it), but the adapters'
 * messages are written for the operator's log and CLI: they can name the data directory, the errno
 * or the database. The API answers with a fixed sentence and an error id, and logs the original.
 */
const STORE_FAULT_MESSAGES: Readonly<Partial<Record<ErrorCode, string>>> = {
  STORE_UNAVAILABLE: "the graph store is unavailable; try again later",
  STORE_TIMEOUT: "the graph store did not answer in time; try again later",
  STORE_AUTH: "the server could not sign in to its graph store",
  STORE_LOCKED: "the graph store is in use by another process",
  STORE_WRITE_FAILED: "the write failed and is not visible; the server log tells whether a restart is needed",
  STORE_CORRUPT: "the graph store's data is damaged and is not served",
  STORE_CLOSED: "the server is shutting down",
};

export type ErrorLogger = (entry: { errorId: string; code: string; error: unknown }) => void;

/** Creates an error a resolver throws for problems the caller can act on. */
export function userError(code: ErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/**
 * The one error formatter: every response error gets a stable `extensions.code`. Known user-facing
 * errors keep their message (and row-level problems); anything else is masked as INTERNAL with an
 * error id that also appears in the server log. Stack traces never leave the process.
 */
export function makeFormatError(log: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, ...(formatted.locations && { locations: formatted.locations }), ...(formatted.path && { path: formatted.path }) };
    const storeFault = isChokepointError(original) ? STORE_FAULT_MESSAGES[original.code] : undefined;
    if (isChokepointError(original) && storeFault !== undefined) {
      const errorId = randomUUID();
      log({ errorId, code: original.code, error: original });
      return { message: `${storeFault} (reference ${errorId})`, ...(formatted.path && { path: formatted.path }), extensions: { code: original.code, errorId } };
    }
    if (isChokepointError(original) && !SERVER_SIDE.has(original.code)) {
      const problems = original.problems.slice(0, 100).map((p) => ({ code: p.code, path: p.path, message: p.message, ...(p.row !== undefined && { row: p.row }), ...(p.column !== undefined && { column: p.column }) }));
      return { ...base, message: original.message, extensions: { code: original.code, ...(problems.length > 0 && { problems }) } };
    }
    if (isVariableErrorLimit(original)) return { ...base, extensions: { code: "BAD_USER_INPUT" } };
    const code = formatted.extensions?.code;
    if (typeof code === "string" && (REQUEST_ERROR_CODES.has(code) || isOwnGraphQLError(original))) {
      return { ...base, extensions: { code } };
    }
    const errorId = randomUUID();
    log({ errorId, code: typeof code === "string" ? code : "INTERNAL", error: original });
    return { message: `Internal error; reference ${errorId}`, ...(formatted.path && { path: formatted.path }), extensions: { code: "INTERNAL", errorId } };
  };
}

/** A GraphQLError we raised deliberately (userError), as opposed to one wrapping a crash. */
function isOwnGraphQLError(e: unknown): boolean {
  return e instanceof GraphQLError && e.originalError === undefined && typeof e.extensions.code === "string";
}

/** graphql-js stops coercing variables after 50 errors and says so in an uncoded GraphQLError,
 *  which Apollo would report as an internal error: it is the caller's bad input (found by fuzzing
 *  with a 300-item list of wrong values). */
function isVariableErrorLimit(e: unknown): boolean {
  return e instanceof GraphQLError && e.originalError === undefined && e.message.startsWith("Too many errors processing variables");
}
