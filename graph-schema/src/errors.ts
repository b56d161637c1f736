/** Stable error codes. Callers (CLI, GraphQL `extensions.code`, tests) match on these, never on
 *  messages. Add codes; never rename or reuse one. */
export const ERROR_CODES = [
  // interchange and import validation
  "FORMAT_INVALID",
  "VERSION_UNSUPPORTED",
  "FIELD_MISSING",
  "FIELD_TYPE",
  "FIELD_UNKNOWN",
  "ID_INVALID",
  "ID_DUPLICATE",
  "KIND_UNKNOWN",
  "EDGE_KIND_UNKNOWN",
  "FLAG_UNKNOWN",
  "CONFIDENCE_UNKNOWN",
  "CATEGORY_UNKNOWN",
  "NAME_MISSING",
  "EDGE_ENDPOINT_MISSING",
  "EDGE_ENDPOINT_KIND",
  "EDGE_SELF_LOOP",
  "EDGE_DUPLICATE",
  "REQUIRES_CYCLE",
  "NUMBER_INVALID",
  "SHARE_OUT_OF_RANGE",
  "DATE_INVALID",
  "TEXT_TOO_LONG",
  "EVIDENCE_INVALID",
  "DOCUMENT_UNKNOWN",
  "FILE_TOO_LARGE",
  "FILE_EMPTY",
  "JSON_INVALID",
  "JSON_TOO_DEEP",
  "ENCODING_INVALID",
  "CSV_MALFORMED",
  "CSV_HEADER_MISSING",
  "CSV_HEADER_DUPLICATE",
  "CSV_HEADER_UNKNOWN",
  "CSV_COLUMN_COUNT",
  "VALIDATION_FAILED",
  // store
  "NOT_FOUND",
  "INVALID_ARGUMENT",
  "PAGE_TOO_LARGE",
  "STORE_UNAVAILABLE",
  "STORE_TIMEOUT",
  "STORE_AUTH",
  "STORE_LOCKED",
  "STORE_WRITE_FAILED",
  "STORE_CORRUPT",
  "STORE_CLOSED",
  "STORE_ERROR",
  // analysis
  "NOT_A_PRODUCT",
  "UNKNOWN_NODE",
  // API and process
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "BAD_USER_INPUT",
  "QUERY_TOO_DEEP",
  "QUERY_TOO_COMPLEX",
  "QUERY_TOO_LARGE",
  "CONFIG_INVALID",
  "USAGE",
  "INTERNAL",
  // export
  "EXPORT_TOO_LARGE",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem found in user data: what (code), where (JSON path such as `$.nodes[3].kind`, or a
 *  CSV row and column), and a sentence for a person. */
export interface Problem {
  readonly code: ErrorCode;
  readonly path: string;
  readonly message: string;
  readonly row?: number;
  readonly column?: string;
}

/** An error a user can act on. `problems` lists every row-level finding when there are several. */
export class ChokepointError extends Error {
  readonly code: ErrorCode;
  readonly problems: readonly Problem[];

  constructor(code: ErrorCode, message: string, options: { problems?: readonly Problem[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ChokepointError";
    this.code = code;
    this.problems = options.problems ?? [];
  }
}

export function isChokepointError(e: unknown): e is ChokepointError {
  return e instanceof ChokepointError;
}
