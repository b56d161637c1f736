import type { InterchangeGraph } from "@chokepoint/graph-schema";

function* list(name: string, items: readonly unknown[], last: boolean): Generator<string> {
  const end = last ? "\n" : ",\n";
  if (items.length === 0) {
    yield `  "${name}": []${end}`;
    return;
  }
  yield `  "${name}": [\n`;
  for (let i = 0; i < items.length; i++) yield `    ${JSON.stringify(items[i])}${i < items.length - 1 ? ",\n" : "\n"}`;
  yield `  ]${end}`;
}

/** The interchange document (DESIGN §4) as the importer reads it back, one node or edge per line
 *  (diffable, greppable), produced in pieces so a large graph never has to be one string. */
export function* interchangeJsonChunks(graph: InterchangeGraph): Generator<string> {
  yield `{\n  "format": ${JSON.stringify(graph.format)},\n  "version": ${graph.version},\n`;
  yield* list("documents", graph.documents, false);
  yield* list("nodes", graph.nodes, false);
  yield* list("edges", graph.edges, true);
  yield "}\n";
}
