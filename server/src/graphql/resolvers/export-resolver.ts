import { Arg, ID, Query, Resolver } from "type-graphql";
import type { Flag, NodeKind } from "@chokepoint/graph-schema";
import type { ExportService } from "../../services/export-service";
import { FlagEnum, NodeKindEnum } from "../enums";
import { ExportFormatEnum, exportFormat } from "../types/import-export-enums";

/** Largest export the API returns in one response; bigger graphs are exported with the CLI. */
export const MAX_EXPORT_CHARS = 16 * 1024 * 1024;

@Resolver()
export class ExportResolver {
  constructor(private readonly exports: ExportService) {}

  @Query(() => String, {
    description: `The stored graph, or the part the filters select, as a file's content (at most ${MAX_EXPORT_CHARS} characters; EXPORT_TOO_LARGE beyond)`,
  })
  exportGraph(
    @Arg("format", () => ExportFormatEnum) format: ExportFormatEnum,
    @Arg("kind", () => NodeKindEnum, { nullable: true }) kind?: NodeKind,
    @Arg("category", () => String, { nullable: true }) category?: string,
    @Arg("flag", () => FlagEnum, { nullable: true }) flag?: Flag,
    @Arg("region", () => ID, { nullable: true, description: "Regions within it, suppliers located there, items sourced from them" }) region?: string,
    @Arg("focus", () => ID, { nullable: true, description: "This node and everything it depends on" }) focus?: string,
  ): Promise<string> {
    return this.exports.text(exportFormat(format), { kind, category, flag, region, focus }, MAX_EXPORT_CHARS);
  }
}
