import { RequestReads } from "../services/versioned-cache";

/** What every resolver may know about the request. */
export type Role = "anonymous" | "reader" | "editor";

export interface RequestContext {
  readonly role: Role;
  /** Correlation id: in logs, and in masked error responses, so a user's report can be traced. */
  readonly requestId: string;
  /** The request's reads of per-version data: every field of one answer sees one data version. */
  readonly reads: RequestReads;
}

/** A fresh context for one request (or one `executeOperation` call). */
export function requestContext(role: Role, requestId: string): RequestContext {
  return { role, requestId, reads: new RequestReads() };
}
