/** A Cypher statement as it is sent: fixed text, user data only in `params`. */
export interface Statement {
  readonly text: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** Rows per `UNWIND $rows` statement: large enough to amortise round trips, small enough that one
 *  statement's parameters stay well under the server's message limits. */
export const BATCH_SIZE = 5000;

export function chunk<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
