import { ChokepointError, isCategory, type Flag, type InterchangeGraph, type NodeKind } from "@chokepoint/graph-schema";
import type { GraphStore } from "../domain/graph-store";
import { edgesCsvChunks, nodesCsvChunks } from "../export/csv-export";
import { graphmlChunks } from "../export/graphml";
import { interchangeJsonChunks } from "../export/interchange-json";
import { selectView, type ExportFilter } from "../export/select-view";

export type ExportFormat = "json" | "csv-nodes" | "csv-edges" | "graphml";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["json", "csv-nodes", "csv-edges", "graphml"];

/** A filter as callers give it: category is free text (GraphQL cannot spell it as an enum). */
export interface ExportRequestFilter {
  readonly kind?: NodeKind;
  readonly category?: string;
  readonly flag?: Flag;
  readonly region?: string;
  readonly focus?: string;
}

function checkFilter(f: ExportRequestFilter): ExportFilter {
  if (f.category !== undefined && f.category !== null && !isCategory(f.category)) {
    throw new ChokepointError("INVALID_ARGUMENT", `unknown category "${f.category.slice(0, 40)}"`);
  }
  const { kind, category, flag, region, focus } = f;
  return {
    ...(kind != null && { kind }),
    ...(category != null && isCategory(category) && { category }),
    ...(flag != null && { flag }),
    ...(region != null && { region }),
    ...(focus != null && { focus }),
  };
}

function chunks(format: ExportFormat, graph: InterchangeGraph): Iterable<string> {
  switch (format) {
    case "json":
      return interchangeJsonChunks(graph);
    case "csv-nodes":
      return nodesCsvChunks(graph.nodes);
    case "csv-edges":
      return edgesCsvChunks(graph.edges);
    case "graphml":
      return graphmlChunks(graph);
  }
}

/** Exports of the stored graph (or a filtered view of it) as interchange JSON, CSV or GraphML. */
export class ExportService {
  constructor(private readonly store: GraphStore) {}

  /** The export in pieces, for writers that stream (the CLI writes huge graphs this way). */
  async chunks(format: ExportFormat, filter: ExportRequestFilter = {}): Promise<Iterable<string>> {
    const view = selectView(await this.store.exportGraph(), checkFilter(filter));
    return chunks(format, view);
  }

  /** The export as one string, refused with EXPORT_TOO_LARGE (before it is all built) when it
   *  would exceed `maxChars`. */
  async text(format: ExportFormat, filter: ExportRequestFilter = {}, maxChars = Number.MAX_SAFE_INTEGER): Promise<string> {
    const parts: string[] = [];
    let length = 0;
    for (const part of await this.chunks(format, filter)) {
      length += part.length;
      if (length > maxChars) {
        throw new ChokepointError("EXPORT_TOO_LARGE", `the export is larger than ${maxChars} characters; narrow it with kind, category, flag, region or focus, or use the CLI`);
      }
      parts.push(part);
    }
    return parts.join("");
  }
}
