/** Minimal GraphQL client: POST JSON to /graphql and surface coded errors. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors && body.errors.length > 0) {
    const first = body.errors[0]!;
    throw new ApiError(first.extensions?.code ?? "INTERNAL", first.message);
  }
  if (!body.data) throw new ApiError("INTERNAL", `empty response (HTTP ${res.status})`);
  return body.data;
}
