/**
 * Writes a graph as an interchange file (DESIGN §4) without building one giant string: a
 * 10^6-node graph is a few hundred megabytes of JSON, past what one V8 string may hold comfortably.
 * Edges with the default confidence (`stated`) omit it, and the shared synthetic evidence is
 * written once per fact only as a note, to keep the file small.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import type { GraphEdge, GraphNode } from "@chokepoint/graph-schema";

export function writeInterchange(graph: { readonly nodes: readonly GraphNode[]; readonly edges: readonly GraphEdge[] }, file: string): number {
  const fd = openSync(file, "w");
  let buffer: string[] = [];
  let size = 0;
  let bytes = 0;
  const put = (s: string): void => {
    buffer.push(s);
    size += s.length;
    if (size > 1 << 22) flush();
  };
  const flush = (): void => {
    const chunk = buffer.join("");
    bytes += writeSync(fd, chunk);
    buffer = [];
    size = 0;
  };
  try {
    put('{"format":"chokepoint/graph","version":1,"documents":[],"nodes":[\n');
    graph.nodes.forEach((n, i) => {
      const node: Record<string, unknown> = { id: n.id, kind: n.kind, name: n.name };
      if (Object.keys(n.attrs).length > 0) node.attrs = n.attrs;
      put(`${i === 0 ? "" : ",\n"}${JSON.stringify(node)}`);
    });
    put('\n],"edges":[\n');
    graph.edges.forEach((e, i) => {
      const edge: Record<string, unknown> = { from: e.from, to: e.to, kind: e.kind };
      if (e.group !== undefined) edge.group = e.group;
      if (e.share !== undefined) edge.share = e.share;
      if (e.confidence !== "stated") {
        edge.confidence = e.confidence;
        edge.evidence = [{ note: "synthetic" }];
      }
      put(`${i === 0 ? "" : ",\n"}${JSON.stringify(edge)}`);
    });
    put("\n]}\n");
    flush();
  } finally {
    closeSync(fd);
  }
  return bytes;
}
