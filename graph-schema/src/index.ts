export * from "./kinds";
export * from "./types";
export * from "./ids";
export * from "./errors";
export { IdTable } from "./id-table";
export { MAX_NAME_LENGTH, MAX_QUOTE_LENGTH, ProblemReader } from "./problem-reader";
export { isCalendarDate, readEdge, readNode } from "./read-items";
export { checkReferences, findRequiresCycle } from "./references";
export * from "./validate";
