import type { Evidence, GraphEdge, GraphNode, SourceDocument } from "@chokepoint/graph-schema";
import type { Place } from "./problems";

/** Which optional node fields a row states. Absent or empty cells are not statements: an import
 *  never clears a stored field, it only sets the ones it gives. */
export interface NodeFieldsGiven {
  /** A CSV row may leave both names empty to update a stored node; a new node needs one. */
  readonly nameless?: boolean;
  readonly zh: boolean;
  readonly en: boolean;
  readonly category: boolean;
  readonly attrs: readonly string[];
  readonly confidence: boolean;
}

export interface EdgeFieldsGiven {
  readonly group: boolean;
  readonly share: boolean;
  readonly leadTimeDays: boolean;
  readonly qualified: boolean;
  readonly confidence: boolean;
}

/**
 * One validated row (CSV) or list item (JSON). `node.evidence` and each flag's evidence hold only
 * the item's own evidence (JSON documents quoting sources); items without any get `provenance`
 * (`{file, row}`, plus the CSV note) when they create or change a fact.
 */
export interface NodeItem {
  readonly place: Place;
  readonly node: GraphNode;
  readonly given: NodeFieldsGiven;
  readonly provenance: Evidence;
}

export interface EdgeItem {
  readonly place: Place;
  readonly edge: GraphEdge;
  readonly given: EdgeFieldsGiven;
  readonly provenance: Evidence;
}

/** What one file (or a nodes + edges pair) contributes, before it is checked against the store. */
export interface ParsedImport {
  readonly documents: readonly SourceDocument[];
  readonly nodes: readonly NodeItem[];
  readonly edges: readonly EdgeItem[];
  /** Ids of node rows that failed validation: edges to them are not reported again as missing. */
  readonly invalidIds: ReadonlySet<string>;
}
