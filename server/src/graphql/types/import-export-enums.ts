import { registerEnumType } from "type-graphql";
import type { ImportFormat } from "../../import/read-import";
import type { ExportFormat } from "../../services/export-service";

/** GraphQL enum values are upper case; the services use the CLI's lower-case names. */
export enum ImportFormatEnum {
  JSON = "json",
  CSV_NODES = "csv-nodes",
  CSV_EDGES = "csv-edges",
}

export enum ExportFormatEnum {
  JSON = "json",
  CSV_NODES = "csv-nodes",
  CSV_EDGES = "csv-edges",
  GRAPHML = "graphml",
}

registerEnumType(ImportFormatEnum, {
  name: "ImportFormat",
  description: "JSON: a chokepoint/graph interchange document; CSV_NODES / CSV_EDGES: nodes.csv or edges.csv with the documented columns",
});
registerEnumType(ExportFormatEnum, {
  name: "ExportFormat",
  description: "JSON: interchange document; CSV_NODES / CSV_EDGES: the import columns, formula-safe; GRAPHML: for Gephi and yEd",
});

/** Compile-time proof that the enums name exactly the services' formats. */
export const importFormat = (f: ImportFormatEnum): ImportFormat => f;
export const exportFormat = (f: ExportFormatEnum): ExportFormat => f;
