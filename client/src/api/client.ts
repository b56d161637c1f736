/** Minimal GraphQL client: POST JSON to /graphql and surface the server's coded errors. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface GraphQLBody<T> {
  readonly data?: T | null;
  readonly errors?: readonly { readonly message: string; readonly extensions?: { readonly code?: string } }[];
}

export async function graphql<T>(query: string, variables: Readonly<Record<string, unknown>> = {}, signal?: AbortSignal): Promise<T> {
  const res = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
    ...(signal && { signal }),
  });
  return readResponse<T>(res);
}

/** The data of a GraphQL response, or its first error as an ApiError. */
export async function readResponse<T>(res: Response): Promise<T> {
  let body: GraphQLBody<T>;
  try {
    body = (await res.json()) as GraphQLBody<T>;
  } catch {
    throw new ApiError("BAD_RESPONSE", `HTTP ${res.status}`);
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.extensions?.code ?? "INTERNAL", first.message);
  if (!body.data) throw new ApiError("INTERNAL", `empty response (HTTP ${res.status})`);
  return body.data;
}

/** Analysis answers are deterministic per data version; the map asks for the same ones often
 *  (panel reopened, table tab switched), so keep the last answers for this page's lifetime. */
const cache = new Map<string, Promise<unknown>>();
const CACHE_MAX = 200;

export function cachedGraphql<T>(query: string, variables: Readonly<Record<string, unknown>> = {}): Promise<T> {
  const key = `${query}\u0000${JSON.stringify(variables)}`;
  const hit = cache.get(key);
  if (hit) return hit as Promise<T>;
  const p = graphql<T>(query, variables);
  cache.set(key, p);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  p.catch(() => cache.delete(key));
  return p;
}
