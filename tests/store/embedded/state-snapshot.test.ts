import fc from "fast-check";
import { graphColumns, type EdgeKind, type NodeKind } from "@chokepoint/graph-schema";
import type { ChangeBatch } from "../../../server/src/domain/graph-store";
import { compact, type CompactGraph } from "../../../server/src/analysis";
import { GraphState } from "../../../server/src/store/embedded/graph-state";
import { snapshotOf } from "../../../server/src/store/embedded/state-snapshot";
import { BATCH_PATHS, planWrite } from "../../../server/src/store/embedded/write-plan";
import { edge, node, plainColumns } from "./helpers";

/**
 * The embedded store numbers its nodes (slots, reused after deletes) so that its snapshots carry
 * the graph as columns without hashing endpoint ids. Whatever the history of writes, those columns
 * must be exactly the ones made by hashing every endpoint id of the snapshot's edges.
 */

const KINDS: NodeKind[] = ["Product", "Component", "Material", "Supplier", "Region"];
/** Edge kinds by (from kind, to kind), as the schema allows them. */
function edgeKind(from: NodeKind, to: NodeKind): EdgeKind | undefined {
  const item = (k: NodeKind) => k === "Product" || k === "Component" || k === "Material";
  if (item(from) && (to === "Component" || to === "Material")) return "REQUIRES";
  if (item(from) && (to === "Supplier" || to === "Region")) return "SOURCED_FROM";
  if (from === "Supplier" && to === "Region") return "LOCATED_IN";
  if (from === "Region" && to === "Region") return "WITHIN";
  return undefined;
}

/** Twelve ids whose kinds are fixed, so that most random edges are valid. */
const IDS = Array.from({ length: 12 }, (_, i) => ({ id: `n${String(i).padStart(2, "0")}`, kind: KINDS[i % KINDS.length]! }));

const arbBatch: fc.Arbitrary<ChangeBatch> = fc.record({
  // Two names per id, so that an upsert of a stored node can change it (and must keep its slot).
  upsertNodes: fc
    .uniqueArray(fc.record({ at: fc.constantFrom(...IDS), renamed: fc.boolean() }), { selector: (x) => x.at.id, maxLength: 4 })
    .map((xs) => xs.map(({ at, renamed }) => node(at.id, at.kind, { name: { en: renamed ? `${at.id} renamed` : at.id } }))),
  upsertEdges: fc.array(fc.tuple(fc.constantFrom(...IDS), fc.constantFrom(...IDS), fc.constantFrom(undefined, "g"), fc.boolean()), { maxLength: 6 }).map((pairs) => {
    const seen = new Set<string>();
    return pairs.flatMap(([a, b, group, stated]) => {
      const kind = edgeKind(a.kind, b.kind);
      if (!kind || a.id === b.id || seen.has(`${a.id} ${b.id}`)) return [];
      seen.add(`${a.id} ${b.id}`);
      return [edge(a.id, b.id, kind, { ...(kind === "REQUIRES" && group && { group }), ...(!stated && { confidence: "inferred" as const }) })];
    });
  }),
  deleteNodes: fc.uniqueArray(fc.constantFrom(...IDS.map((x) => x.id)), { maxLength: 3 }),
});

function adjacency(g: CompactGraph) {
  const csr = (c: CompactGraph["in"][number]) => [Array.from(c.offsets), Array.from(c.targets), "edges" in c ? Array.from(c.edges) : []];
  return { out: g.out.map(csr), in: g.in.map(csr), order: Array.from(g.order), groups: Array.from(g.groups.ofOutSlot), findings: g.findings };
}

describe("embedded store state: snapshot columns from node slots", () => {
  it("equal the columns made by hashing endpoint ids, after any history of upserts and deletes", () => {
    let applied = 0;
    let reused = 0;
    fc.assert(
      fc.property(fc.array(arbBatch, { minLength: 1, maxLength: 25 }), (batches) => {
        const state = new GraphState();
        let deletions = 0;
        for (const raw of batches) {
          // Only edges between nodes that exist after the batch, so that most writes go through.
          const after = new Set(state.sortedNodeIds());
          for (const id of raw.deleteNodes ?? []) after.delete(id);
          for (const n of raw.upsertNodes ?? []) after.add(n.id);
          const batch = { ...raw, upsertEdges: (raw.upsertEdges ?? []).filter((e) => after.has(e.from) && after.has(e.to)) };
          const plan = planWrite(state, batch, BATCH_PATHS);
          if (plan.problems.length > 0) continue;
          const before = new Set(state.sortedNodeIds());
          state.apply(plan.change, plan.upsertEdgeKeys);
          applied++;
          const created = state.sortedNodeIds().filter((id) => !before.has(id)).length;
          if (deletions > 0) reused += created;
          deletions += plan.change.deleteNodes.length;
          const snapshot = snapshotOf(state);
          expect(plainColumns(snapshot.columns!)).toEqual(plainColumns(graphColumns(snapshot.nodes, snapshot.edges)!));
          // The store checked every edge as it was written, so the engine skips its own checks,
          // and builds what it builds from the bare lists, checking every edge.
          expect(snapshot.columns!.checked).toBe(true);
          expect(adjacency(compact(snapshot))).toEqual(adjacency(compact({ nodes: snapshot.nodes, edges: snapshot.edges })));
        }
      }),
      { numRuns: 400, seed: 20261123 },
    );
    // The property ran over real writes, and many nodes were created after others were deleted
    // (taking the slots those freed).
    expect(applied).toBeGreaterThan(2000);
    expect(reused).toBeGreaterThan(200);
  });

  it("resolves an edge that a damaged snapshot file held before its endpoints existed, once they do", () => {
    const state = new GraphState();
    state.load({ version: 1, documents: [], nodes: [node("p", "Product")], edges: [edge("p", "c", "REQUIRES")] });
    const dangling = snapshotOf(state);
    expect(Array.from(dangling.columns!.to)).toEqual([-1]);
    expect(dangling.columns!.checked).toBe(false);
    expect(compact(dangling).findings.map((f) => f.code)).toEqual(["DANGLING_EDGE"]);
    const plan = planWrite(state, { upsertNodes: [node("c", "Component")] }, BATCH_PATHS);
    state.apply(plan.change, plan.upsertEdgeKeys);
    const repaired = snapshotOf(state);
    expect(plainColumns(repaired.columns!)).toEqual(plainColumns(graphColumns(repaired.nodes, repaired.edges)!));
    expect(compact(repaired).findings).toEqual([]);
  });
});
