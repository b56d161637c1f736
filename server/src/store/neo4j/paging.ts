import { ChokepointError, isEdgeKind, type EdgeKind } from "@chokepoint/graph-schema";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from "../../domain/graph-store";
import type { CypherRecord } from "./driver-port";
import { integerField } from "./mapping/to-domain";

/**
 * Page sizes and cursors. A cursor is the position after the last item returned (a node id, or an
 * edge's from/kind/to), base64url-encoded so that callers treat it as opaque and never build one.
 */

export function pageSize(first: number | undefined): number {
  if (first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1) throw new ChokepointError("INVALID_ARGUMENT", `first must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  if (first > MAX_PAGE_SIZE) throw new ChokepointError("PAGE_TOO_LARGE", `first may be at most ${MAX_PAGE_SIZE}`);
  return first;
}

function encode(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts), "utf8").toString("base64url");
}

function decode(cursor: string, tag: string, length: number): string[] {
  const invalid = () => new ChokepointError("INVALID_ARGUMENT", "the cursor is not one this list returned");
  if (cursor.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parts) || parts.length !== length || parts[0] !== tag || !parts.every((p): p is string => typeof p === "string")) throw invalid();
  return parts.slice(1);
}

export function nodeCursor(id: string): string {
  return encode(["n", id]);
}

export function decodeNodeCursor(cursor: string): string {
  return decode(cursor, "n", 2)[0]!;
}

export function edgeCursor(edge: { readonly from: string; readonly kind: EdgeKind; readonly to: string }): string {
  return encode(["e", edge.from, edge.kind, edge.to]);
}

export function decodeEdgeCursor(cursor: string): { from: string; kind: EdgeKind; to: string } {
  const [from, kind, to] = decode(cursor, "e", 4) as [string, string, string];
  if (!isEdgeKind(kind)) throw new ChokepointError("INVALID_ARGUMENT", "the cursor is not one this list returned");
  return { from, kind, to };
}

/** A page from `first + 1` rows: the extra row only tells whether there is a next page. */
export function toPage<T>(rows: readonly T[], first: number, total: CypherRecord | undefined, cursor: (item: T) => string): Page<T> {
  const items = rows.slice(0, first);
  const last = items[items.length - 1];
  return {
    items,
    endCursor: last === undefined ? null : cursor(last),
    hasNextPage: rows.length > first,
    totalCount: total === undefined ? 0 : integerField(total, "total"),
  };
}
