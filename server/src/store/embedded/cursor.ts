import { ChokepointError } from "@chokepoint/graph-schema";

/** Cursors name the last key of a page. They are opaque to callers (base64url) and checked on the
 *  way back in, so a hand-made or foreign cursor is an INVALID_ARGUMENT, never a silent restart. */
export type CursorSpace = "node" | "edge";

const MAX_CURSOR_LENGTH = 1024;

export function encodeCursor(space: CursorSpace, key: string): string {
  return Buffer.from(`${space}:${key}`, "utf8").toString("base64url");
}

export function decodeCursor(space: CursorSpace, cursor: unknown, isKey: (key: string) => boolean): string {
  if (typeof cursor !== "string" || cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw badCursor();
  }
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const prefix = `${space}:`;
  if (!text.startsWith(prefix) || encodeCursor(space, text.slice(prefix.length)) !== cursor) throw badCursor();
  const key = text.slice(prefix.length);
  if (!isKey(key)) throw badCursor();
  return key;
}

function badCursor(): ChokepointError {
  return new ChokepointError("INVALID_ARGUMENT", "the cursor is not one this store handed out; start again without `after`");
}
