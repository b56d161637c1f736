import { ChokepointError, isCategory, isEdgeKind, isFlag, isNodeKind, normalizeText } from "@chokepoint/graph-schema";
import type { EdgeQuery, NodeQuery } from "../../domain/graph-store";
import type { EdgeFilter, NodeFilter } from "./cypher/reads";

/** Query arguments checked before anything reaches the database: unknown kinds, categories and
 *  flags are caller errors (and an edge kind becomes a relationship type in the text), and search
 *  text is matched in NFC, lowercased, like the stored names. */

export function invalid(message: string): ChokepointError {
  return new ChokepointError("INVALID_ARGUMENT", message);
}

export function nodeFilter(query: NodeQuery): NodeFilter {
  if (query.kind !== undefined && !isNodeKind(query.kind)) throw invalid("kind must be Product, Component, Material, Supplier or Region");
  if (query.category !== undefined && !isCategory(query.category)) throw invalid("unknown category");
  if (query.flag !== undefined && !isFlag(query.flag)) throw invalid("flag must be POLICY_BOTTLENECK, IMPORT_DEPENDENT or DOMESTIC_BREAKTHROUGH");
  if (query.search !== undefined && typeof query.search !== "string") throw invalid("search must be text");
  const search = query.search === undefined ? "" : normalizeText(query.search).toLowerCase();
  return {
    ...(query.kind !== undefined && { kind: query.kind }),
    ...(query.category !== undefined && { category: query.category }),
    ...(query.flag !== undefined && { flag: query.flag }),
    ...(search !== "" && { search }),
  };
}

export function edgeFilter(query: EdgeQuery): EdgeFilter {
  if (query.kind !== undefined && !isEdgeKind(query.kind)) throw invalid("kind must be REQUIRES, SOURCED_FROM, LOCATED_IN or WITHIN");
  if ((query.from !== undefined && typeof query.from !== "string") || (query.to !== undefined && typeof query.to !== "string")) throw invalid("from and to must be ids");
  return {
    ...(query.kind !== undefined && { kind: query.kind }),
    ...(query.from !== undefined && { from: query.from }),
    ...(query.to !== undefined && { to: query.to }),
  };
}
