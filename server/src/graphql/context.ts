/** What every resolver may know about the request. */
export type Role = "anonymous" | "reader" | "editor";

export interface RequestContext {
  readonly role: Role;
  /** Correlation id: in logs, and in masked error responses, so a user's report can be traced. */
  readonly requestId: string;
}
