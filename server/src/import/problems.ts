import { ChokepointError, type ErrorCode, type Problem } from "@chokepoint/graph-schema";

/** Where in a file a problem is: the row (a CSV record counting the header as row 1, as a
 *  spreadsheet shows it; or the position of an item in a JSON list, from 1), the column (CSV
 *  header name or JSON field path) and the file-level path. */
export interface Place {
  readonly file: string;
  readonly row?: number;
  readonly column?: string;
  /** JSON path when there is one (`$.nodes[3].kind`), else derived from file, row and column. */
  readonly path?: string;
}

/** The place of one field of an item: its CSV column, or its JSON field (path extended). */
export function fieldOf(place: Place, column: string): Place {
  return { ...place, column, ...(place.path !== undefined && { path: `${place.path}.${column}` }) };
}

export function problemAt(place: Place, code: ErrorCode, message: string): Problem {
  const path = place.path ?? [place.file, place.row, place.column].filter((p) => p !== undefined).join(":");
  return {
    code,
    path,
    message,
    ...(place.row !== undefined && { row: place.row }),
    ...(place.column !== undefined && { column: place.column }),
  };
}

/**
 * Collects the problems of one import. Keeps the first `max` (a file with a million bad rows must
 * not build a million messages) and tells readers when to stop early.
 */
export class ProblemList {
  private readonly list: Problem[] = [];
  private total = 0;

  constructor(private readonly max: number) {}

  add(problem: Problem): void {
    this.total++;
    if (this.list.length < this.max) this.list.push(problem);
  }

  at(place: Place, code: ErrorCode, message: string): void {
    this.add(problemAt(place, code, message));
  }

  get count(): number {
    return this.total;
  }

  /** True once the listing is full: readers may stop, the import fails anyway. */
  get full(): boolean {
    return this.total >= this.max;
  }

  get items(): readonly Problem[] {
    return this.list;
  }

  /** The error for everything collected: VALIDATION_FAILED with the kept problems. */
  error(what: string): ChokepointError {
    return validationFailed(what, this.list, this.full);
  }
}

/** `stopped`: the listing filled up and reading stopped there, so there may be more. */
export function validationFailed(what: string, problems: readonly Problem[], stopped = false): ChokepointError {
  const first = problems[0];
  const where = first ? describePlace(first) : "";
  const count = stopped ? `${problems.length} or more problems (reading stopped there)` : `${problems.length} problem(s)`;
  return new ChokepointError(
    "VALIDATION_FAILED",
    `${what} was not imported: ${count}; first: ${first ? `${first.code} at ${where}: ${first.message}` : "see problems"}`,
    { problems },
  );
}

/** A file that cannot be read at all (empty, too large, not text, not JSON): one problem, and the
 *  error carries that problem's code so callers need not look inside. */
export function fileError(code: ErrorCode, place: Place, message: string): ChokepointError {
  return new ChokepointError(code, `${place.file}: ${message}`, { problems: [problemAt(place, code, message)] });
}

export function describePlace(p: Pick<Problem, "row" | "column" | "path">): string {
  if (p.row === undefined) return p.path;
  return `row ${p.row}${p.column !== undefined ? `, column ${p.column}` : ""}`;
}
