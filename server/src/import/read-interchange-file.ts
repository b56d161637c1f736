import { readFileSync } from "node:fs";
import { ChokepointError, validateInterchange, type InterchangeGraph } from "@chokepoint/graph-schema";

/** Reads and validates an interchange file (the seed graph, or `--graph FILE`). */
export function readInterchangeFile(file: string): InterchangeGraph {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new ChokepointError("NOT_FOUND", `cannot read ${file}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ChokepointError("JSON_INVALID", `${file} is not valid JSON`);
  }
  const { graph, problems } = validateInterchange(json);
  if (!graph) throw new ChokepointError("VALIDATION_FAILED", `${file} is not a valid chokepoint/graph file`, { problems });
  return graph;
}

