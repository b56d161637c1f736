import { Arg, Mutation, Resolver, UseMiddleware } from "type-graphql";
import type { ImportService } from "../../services/import-service";
import { EditorOnly } from "../editor-only";
import { WriteResult } from "../types/graph-types";
import { ImportFormatEnum, importFormat } from "../types/import-export-enums";

@Resolver()
export class ImportResolver {
  constructor(private readonly imports: ImportService) {}

  @Mutation(() => WriteResult, {
    description:
      "Import a file's content (editor token required): validated in full against the stored graph, then merged all-or-nothing. Row-level problems are in errors[].extensions.problems as {row, column, code, message}.",
  })
  @UseMiddleware(EditorOnly)
  async importGraph(
    @Arg("content", () => String) content: string,
    @Arg("format", () => ImportFormatEnum) format: ImportFormatEnum,
    @Arg("fileName", () => String, { nullable: true, description: "Recorded in evidence as the file; default upload.json / upload.csv" }) fileName?: string,
  ): Promise<WriteResult> {
    const r = await this.imports.importFile({ format: importFormat(format), content, fileName: uploadName(fileName, format) });
    return { version: r.version, nodesUpserted: r.nodesUpserted, edgesUpserted: r.edgesUpserted, nodesDeleted: 0, edgesDeleted: 0, unchanged: r.unchanged };
  }
}

/** A base name only (no directories), short, so evidence and messages never carry a path. */
function uploadName(given: string | undefined | null, format: ImportFormatEnum): string {
  const base = (given ?? "").split(/[\\/]/).pop()?.trim().slice(0, 200) ?? "";
  return base !== "" ? base : format === ImportFormatEnum.JSON ? "upload.json" : "upload.csv";
}
