import type { MiddlewareFn } from "type-graphql";
import { ChokepointError } from "@chokepoint/graph-schema";
import type { RequestContext } from "./context";

/** Guards every mutation: writes need an editor token. Runs before the resolver, so a refused
 *  call has no side effects. */
export const EditorOnly: MiddlewareFn<RequestContext> = async ({ context }, next) => {
  if (context.role === "anonymous") throw new ChokepointError("UNAUTHENTICATED", "writing needs an editor token (Authorization: Bearer …)");
  if (context.role !== "editor") throw new ChokepointError("FORBIDDEN", "this token may read but not write");
  return next();
};
