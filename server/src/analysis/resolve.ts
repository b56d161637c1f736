/** Mapping user-given ids to node indices, with the coded errors users can act on. */
import { ChokepointError, normalizeId, type Problem } from "@chokepoint/graph-schema";
import type { CompactGraph } from "./compact";
import { PRODUCT } from "./kind-codes";

/** Indices of `ids` (normalised like every id: NFC, trimmed, lowercase); unknown ones → UNKNOWN_NODE. */
export function resolveIds(g: CompactGraph, ids: readonly string[], what = "node"): number[] {
  const out: number[] = [];
  const problems: Problem[] = [];
  ids.forEach((raw, i) => {
    const v = g.index.get(normalizeId(raw));
    if (v === undefined) problems.push({ code: "UNKNOWN_NODE", path: `$[${i}]`, message: `no ${what} with id "${raw.slice(0, 128)}"` });
    else out.push(v);
  });
  if (problems.length > 0) {
    throw new ChokepointError("UNKNOWN_NODE", problems.length === 1 ? problems[0]!.message : `${problems.length} unknown ids: ${problems.map((p) => p.message).join("; ")}`, { problems });
  }
  return out;
}

/** The index of a product id; UNKNOWN_NODE if absent, NOT_A_PRODUCT if it is another kind. */
export function resolveProduct(g: CompactGraph, id: string): number {
  const [v] = resolveIds(g, [id]);
  if (g.kind[v!] !== PRODUCT) throw new ChokepointError("NOT_A_PRODUCT", `"${g.ids[v!]}" is a ${g.nodes[v!]!.kind}, not a Product`);
  return v!;
}
