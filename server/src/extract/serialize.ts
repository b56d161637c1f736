import type { InterchangeGraph } from "@chokepoint/graph-schema";

/** The committed seed graph's bytes: 2-space JSON with a trailing newline. Key order is the order
 *  in which assembly builds each object, and every list is sorted there, so equal graphs give
 *  identical files. */
export function serializeGraph(graph: InterchangeGraph): string {
  return `${JSON.stringify(graph, null, 2)}\n`;
}
