import { buildSchema } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import type { GraphService } from "../services/graph-service";
import { NodeResolver } from "./resolvers/node-resolver";
import { StatsResolver } from "./resolvers/stats-resolver";

export interface Services {
  readonly graph: GraphService;
}

/** Builds the executable schema. Resolvers get their services by constructor through a tiny
 *  container, so they never see a store adapter. */
export async function buildGraphQLSchema(services: Services): Promise<GraphQLSchema> {
  const instances = new Map<unknown, unknown>([
    [NodeResolver, new NodeResolver(services.graph)],
    [StatsResolver, new StatsResolver(services.graph)],
  ]);
  return buildSchema({
    resolvers: [NodeResolver, StatsResolver],
    container: { get: (cls) => instances.get(cls) },
    validate: false,
  });
}
