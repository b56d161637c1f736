export * from "./kinds";
export * from "./types";
export * from "./ids";
export * from "./errors";
export { IdTable } from "./id-table";
export * from "./long-lived-arrays";
export { MAX_NAME_LENGTH, MAX_QUOTE_LENGTH, ProblemReader } from "./problem-reader";
export { isCalendarDate, readEdge, readNode } from "./read-items";
export { checkReferences, findRequiresCycle } from "./references";
// The full-reader variant of validation is a test reference, not part of the package surface.
export { validateEdgeInput, validateInterchange, validateNodeInput, type ValidationResult } from "./validate";
export { graphColumns, resolvedGraphColumns, type GraphColumns } from "./vertex-graph";
export { edgesSpan, joinGraph, readGraphColumns, readGraphHead, scanAndResolveEdges, scanEdges, type EdgesSpan, type GraphFileColumns, type GraphHead } from "./read-graph-bytes";
export { type ScannedEdges } from "./scan-edges";
