import { ProblemReader, type Problem } from "@chokepoint/graph-schema";
import type { Place, ProblemList } from "./problems";
import { problemAt } from "./problems";

/**
 * Runs one of graph-schema's readers (readNode, readEdge) on a single item and re-homes its
 * problems to the item's place: `column` is the CSV column or the JSON field the path names.
 * Returns undefined (and records the problems) when the item is invalid.
 */
export function readWithSchema<T>(
  read: (r: ProblemReader, raw: unknown, path: string) => T | undefined,
  raw: unknown,
  place: Place,
  columnOf: (relativePath: string, problem: Problem) => string | undefined,
  problems: ProblemList,
): T | undefined {
  const reader = new ProblemReader();
  const root = place.path ?? "$";
  const value = read(reader, raw, root);
  for (const p of reader.problems) {
    const relative = p.path.startsWith(root) ? p.path.slice(root.length).replace(/^\./, "") : p.path;
    const column = columnOf(relative, p);
    problems.add(problemAt({ ...place, ...(column !== undefined && { column }), ...(place.path !== undefined && { path: p.path }) }, p.code, p.message));
  }
  return reader.problems.length > 0 ? undefined : value;
}
