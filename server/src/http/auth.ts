import { timingSafeEqual } from "node:crypto";
import { ChokepointError } from "@chokepoint/graph-schema";
import type { Role } from "../graphql/context";

export interface AuthConfig {
  /** When set, reads need this token (or an editor token); when unset, reads are open. */
  readonly readToken?: string;
  /** Bearer tokens allowed to write. Empty: nobody can write through the API. */
  readonly editorTokens: readonly string[];
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Maps an Authorization header to a role. A token that matches nothing is an error, not anonymous,
 *  so a typo in a client's token is noticed instead of silently losing rights. */
export function roleFor(authorization: string | undefined, config: AuthConfig): Role {
  if (authorization === undefined || authorization === "") {
    if (config.readToken !== undefined) throw new ChokepointError("UNAUTHENTICATED", "this server needs a bearer token to read");
    return "anonymous";
  }
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!m) throw new ChokepointError("UNAUTHENTICATED", "the Authorization header must be `Bearer <token>`");
  const token = m[1]!;
  if (config.editorTokens.some((t) => sameSecret(t, token))) return "editor";
  if (config.readToken !== undefined && sameSecret(config.readToken, token)) return "reader";
  throw new ChokepointError("UNAUTHENTICATED", "unknown token");
}
