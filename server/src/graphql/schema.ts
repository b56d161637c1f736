import { buildSchema, type NonEmptyArray } from "type-graphql";
import { printSchema, type GraphQLSchema } from "graphql";
import type { AnalysisService } from "../services/analysis-service";
import type { DocumentTextService } from "../services/document-text";
import type { EditService } from "../services/edit-service";
import type { ExportService } from "../services/export-service";
import type { GraphService } from "../services/graph-service";
import type { ImportService } from "../services/import-service";
import { CriticalityLinks, DisabledProductLinks, ProductSpofsLinks, SpofVerdictLinks } from "./resolvers/analysis-node-links";
import { AnalysisResolver } from "./resolvers/analysis-resolver";
import { DocumentResolver } from "./resolvers/document-resolver";
import { EdgeResolver } from "./resolvers/edge-resolver";
import { EditResolver } from "./resolvers/edit-resolver";
import { ExportResolver } from "./resolvers/export-resolver";
import { ImportResolver } from "./resolvers/import-resolver";
import { NodeResolver } from "./resolvers/node-resolver";
import { NodeRiskResolver } from "./resolvers/node-risk-resolver";
import { StatsResolver } from "./resolvers/stats-resolver";

export interface Services {
  readonly graph: GraphService;
  readonly edits: EditService;
  readonly analysis: AnalysisService;
  readonly documentTexts: DocumentTextService;
  readonly imports: ImportService;
  readonly exports: ExportService;
}

const RESOLVERS: NonEmptyArray<new (...args: never[]) => unknown> = [
  NodeResolver,
  NodeRiskResolver,
  EdgeResolver,
  DocumentResolver,
  StatsResolver,
  EditResolver,
  ImportResolver,
  ExportResolver,
  AnalysisResolver,
  SpofVerdictLinks,
  ProductSpofsLinks,
  DisabledProductLinks,
  CriticalityLinks,
];

/** Builds the executable schema. Resolvers get their services by constructor through a tiny
 *  container, so they never see a store adapter. */
export async function buildGraphQLSchema(services: Services): Promise<GraphQLSchema> {
  const instances = new Map<unknown, unknown>([
    [NodeResolver, new NodeResolver(services.graph)],
    [NodeRiskResolver, new NodeRiskResolver(services.analysis)],
    [EdgeResolver, new EdgeResolver(services.graph)],
    [DocumentResolver, new DocumentResolver(services.graph, services.documentTexts)],
    [StatsResolver, new StatsResolver(services.graph)],
    [EditResolver, new EditResolver(services.edits)],
    [ImportResolver, new ImportResolver(services.imports)],
    [ExportResolver, new ExportResolver(services.exports)],
    [AnalysisResolver, new AnalysisResolver(services.analysis)],
    [SpofVerdictLinks, new SpofVerdictLinks(services.graph)],
    [ProductSpofsLinks, new ProductSpofsLinks(services.graph)],
    [DisabledProductLinks, new DisabledProductLinks(services.graph)],
    [CriticalityLinks, new CriticalityLinks(services.graph)],
  ]);
  return buildSchema({ resolvers: RESOLVERS, container: { get: (cls) => instances.get(cls) }, validate: false });
}

/** The schema as SDL, for the committed `server/schema.graphql`. Building it runs no resolver. */
export async function schemaSDL(): Promise<string> {
  const schema = await buildSchema({ resolvers: RESOLVERS, validate: false });
  return `${printSchema(schema)}\n`;
}
