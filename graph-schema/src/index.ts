export * from "./kinds";
export * from "./types";
export * from "./ids";
export * from "./errors";
export * from "./validate";
