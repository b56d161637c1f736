import { MAX_QUOTE_LENGTH } from "@chokepoint/graph-schema";

/** Bounds on one imported file. Every limit is checked before the work it protects (the size
 *  before decoding, depth and array length before JSON.parse), so a hostile file costs at most a
 *  linear scan. */
export interface ImportLimits {
  /** Largest file in bytes (FILE_TOO_LARGE). */
  readonly maxBytes: number;
  /** Problems listed per failed import; the count of the rest is still reported. */
  readonly maxProblems: number;
  /** Deepest JSON nesting (JSON_TOO_DEEP). A valid interchange file needs 6 levels. */
  readonly maxJsonDepth: number;
  /** Most elements in one JSON array (FILE_TOO_LARGE). */
  readonly maxArrayItems: number;
  /** Longest CSV cell in characters (TEXT_TOO_LONG); the longest text graph-schema accepts. */
  readonly maxFieldChars: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxBytes: 64 * 1024 * 1024,
  maxProblems: 1000,
  maxJsonDepth: 64,
  maxArrayItems: 2_000_000,
  maxFieldChars: MAX_QUOTE_LENGTH,
};
