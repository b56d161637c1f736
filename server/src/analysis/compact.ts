/**
 * `compact`: a snapshot becomes integers. Node ids are renumbered 0..n-1 in snapshot order, every
 * edge kind gets a CSR adjacency in both directions, REQUIRES alternatives groups get global
 * integer ids, REQUIRES/WITHIN cycles are broken by a deterministic rule (see `order.ts`), and
 * nodes get a topological rank (every node after everything it depends on). Built once per data
 * version; every algorithm loops over these arrays and maps back to ids only when it returns.
 * Idea: graphology `src/indices/neighborhood.js` (index once, loop over integers).
 */
import {
  EDGE_ENDPOINTS,
  type Flag,
  type GraphEdge,
  type GraphNode,
  type NodeKind,
} from "@chokepoint/graph-schema";
import { buildCsr, reverseCsr, type Csr } from "./csr";
import type { Finding } from "./findings";
import { breakCycles, topologicalOrder } from "./order";

/** Node kinds as small integers; items (Product, Component, Material) are the codes below SUPPLIER. */
export const PRODUCT = 0;
export const COMPONENT = 1;
export const MATERIAL = 2;
export const SUPPLIER = 3;
export const REGION = 4;
export const KIND_NAMES: readonly NodeKind[] = ["Product", "Component", "Material", "Supplier", "Region"];

/** Edge kinds as small integers, indexes into `out` and `in`. */
export const REQUIRES = 0;
export const SOURCED_FROM = 1;
export const LOCATED_IN = 2;
export const WITHIN = 3;
export const EDGE_KIND_NAMES = ["REQUIRES", "SOURCED_FROM", "LOCATED_IN", "WITHIN"] as const;

/** Node flags as bits. */
export const FLAG_BITS: Readonly<Record<Flag, number>> = { POLICY_BOTTLENECK: 1, IMPORT_DEPENDENT: 2, DOMESTIC_BREAKTHROUGH: 4 };

/** The input of the engine: a store snapshot or a validated interchange document has this shape. */
export interface GraphInput {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** The store's data version (an interchange file's `version` is its format version: leave it out). */
  readonly version?: number;
}

/**
 * REQUIRES alternatives groups. The out-REQUIRES slots of a parent are ordered so that each group
 * is a contiguous run: group g is slots `start[g] .. start[g+1]` of `out[REQUIRES]`, its parent is
 * `parent[g]`, and the groups of node v are `ofNode[v] .. ofNode[v+1]`. An edge without a group
 * name is a group of its own.
 */
export interface Groups {
  readonly count: number;
  readonly start: Int32Array;
  readonly parent: Int32Array;
  readonly ofNode: Int32Array;
  /** Group id of each slot of `out[REQUIRES]`. */
  readonly ofOutSlot: Int32Array;
  /** Group id of each slot of `in[REQUIRES]`. */
  readonly ofInSlot: Int32Array;
  /** Group names, only for groups that have one. */
  readonly names: ReadonlyMap<number, string>;
}

export interface CompactGraph {
  readonly nodeCount: number;
  /** Number of snapshot edges (including any skipped or dropped ones). */
  readonly edgeCount: number;
  readonly version: number | undefined;
  readonly ids: readonly string[];
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly index: ReadonlyMap<string, number>;
  readonly kind: Uint8Array;
  readonly flags: Uint8Array;
  /** Known numeric attributes; NaN where a node has none. */
  readonly inventoryDays: Float64Array;
  readonly recoveryDays: Float64Array;
  readonly annualValue: Float64Array;
  /** Per snapshot edge: 1 when its confidence is `stated`. */
  readonly stated: Uint8Array;
  /** True when at least one analysed edge is not `stated`. */
  readonly anyUnstated: boolean;
  /** Out- and in-adjacency per edge kind (indexed by REQUIRES, SOURCED_FROM, LOCATED_IN, WITHIN). */
  readonly out: readonly [Csr, Csr, Csr, Csr];
  readonly in: readonly [Csr, Csr, Csr, Csr];
  readonly groups: Groups;
  /** Topological order, dependencies first: every edge goes from a higher rank to a lower one. */
  readonly order: Int32Array;
  readonly rank: Int32Array;
  /** Data findings: broken cycles, and edges the engine could not use. */
  readonly findings: readonly Finding[];
}

const KIND_CODE: Readonly<Record<string, number>> = { Product: 0, Component: 1, Material: 2, Supplier: 3, Region: 4 };
const EDGE_CODE: Readonly<Record<string, number>> = { REQUIRES: 0, SOURCED_FROM: 1, LOCATED_IN: 2, WITHIN: 3 };

export function isItem(kindCode: number): boolean {
  return kindCode < SUPPLIER;
}

/** Builds the compact graph. Linear in nodes + edges; throws nothing on bad data (bad edges become
 *  findings), so a store snapshot that slipped past validation still yields an analysis. */
export function compact(input: GraphInput): CompactGraph {
  const nodes: GraphNode[] = [];
  const index = new Map<string, number>();
  const findings: Finding[] = [];
  for (const node of input.nodes) {
    if (index.has(node.id)) {
      findings.push({ code: "DUPLICATE_NODE", message: `node "${node.id}" appears more than once; the first is analysed` });
      continue;
    }
    index.set(node.id, nodes.length);
    nodes.push(node);
  }
  const n = nodes.length;
  const kind = new Uint8Array(n);
  const flags = new Uint8Array(n);
  const inventoryDays = new Float64Array(n).fill(NaN);
  const recoveryDays = new Float64Array(n).fill(NaN);
  const annualValue = new Float64Array(n).fill(NaN);
  for (let v = 0; v < n; v++) {
    const node = nodes[v];
    kind[v] = KIND_CODE[node.kind] ?? PRODUCT;
    for (const f of node.flags) flags[v] |= FLAG_BITS[f.flag] ?? 0;
    const a = node.attrs;
    if (a.inventoryDays !== undefined) inventoryDays[v] = a.inventoryDays;
    if (a.recoveryDays !== undefined) recoveryDays[v] = a.recoveryDays;
    if (a.annualValue !== undefined) annualValue[v] = a.annualValue;
  }

  const edges = input.edges;
  const m = edges.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const ekind = new Uint8Array(m).fill(255);
  const stated = new Uint8Array(m);
  let anyUnstated = false;
  let namedGroups = false;
  // Store snapshots list edges by `from`, so the previous lookup usually answers the next one.
  let lastFrom = "";
  let lastFromIndex = -1;
  for (let i = 0; i < m; i++) {
    const e = edges[i];
    let f: number;
    if (e.from === lastFrom) f = lastFromIndex;
    else {
      f = index.get(e.from) ?? -1;
      lastFrom = e.from;
      lastFromIndex = f;
    }
    const t = index.get(e.to) ?? -1;
    const k = EDGE_CODE[e.kind];
    if (f < 0 || t < 0 || k === undefined) {
      findings.push({ code: "DANGLING_EDGE", message: `edge ${e.from} -${e.kind}-> ${e.to} refers to a node that does not exist`, edge: edgeRef(e) });
      continue;
    }
    const [fromKinds, toKinds] = EDGE_ENDPOINTS[e.kind];
    if (f === t || !fromKinds.includes(nodes[f].kind) || !toKinds.includes(nodes[t].kind)) {
      findings.push({ code: "EDGE_ENDPOINT_KIND", message: `edge ${e.from} -${e.kind}-> ${e.to} connects kinds it may not connect`, edge: edgeRef(e) });
      continue;
    }
    from[i] = f;
    to[i] = t;
    ekind[i] = k;
    if (e.confidence === "stated") stated[i] = 1;
    else anyUnstated = true;
    if (e.group !== undefined) namedGroups = true;
  }

  const build = (dropped: Uint8Array | undefined): [Csr, Csr, Csr, Csr] => [
    buildCsr(n, from, to, ekind, REQUIRES, dropped),
    buildCsr(n, from, to, ekind, SOURCED_FROM, dropped),
    buildCsr(n, from, to, ekind, LOCATED_IN, dropped),
    buildCsr(n, from, to, ekind, WITHIN, dropped),
  ];
  const reverse = (out: readonly Csr[]): [Csr, Csr, Csr, Csr] => [
    reverseCsr(n, out[0]),
    reverseCsr(n, out[1]),
    reverseCsr(n, out[2]),
    reverseCsr(n, out[3]),
  ];

  let out = build(undefined);
  let inn = reverse(out);
  let ordered = topologicalOrder(n, out, inn);
  if (ordered.count < n) {
    const dropped = new Uint8Array(m);
    findings.push(...breakCycles(n, nodes, out, ordered.remaining, dropped));
    out = build(dropped);
    inn = reverse(out);
    ordered = topologicalOrder(n, out, inn);
    if (ordered.count < n) throw new Error("invariant: no cycle survives breakCycles");
  }
  const order = ordered.order;
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) rank[order[i]] = i;

  const groupIndex = buildGroups(n, edges, out[REQUIRES], namedGroups);
  // Grouping may have reordered out-slots; the reverse adjacency is rebuilt to carry group ids.
  const requiresIn = reverseCsr(n, out[REQUIRES]);
  const ofInSlot = new Int32Array(requiresIn.targets.length);
  for (let s = 0; s < ofInSlot.length; s++) ofInSlot[s] = groupIndex.ofSlot[requiresIn.forwardSlot[s]];
  inn[REQUIRES] = requiresIn;

  return {
    nodeCount: n,
    edgeCount: m,
    version: input.version,
    ids: nodes.map((x) => x.id),
    nodes,
    edges,
    index,
    kind,
    flags,
    inventoryDays,
    recoveryDays,
    annualValue,
    stated,
    anyUnstated,
    out,
    in: inn,
    groups: { count: groupIndex.count, start: groupIndex.start, parent: groupIndex.parent, ofNode: groupIndex.ofNode, ofOutSlot: groupIndex.ofSlot, ofInSlot, names: groupIndex.names },
    order,
    rank,
    findings,
  };
}

function edgeRef(e: GraphEdge): { from: string; to: string; kind: string } {
  return { from: e.from, to: e.to, kind: e.kind };
}

/**
 * Numbers the alternatives groups. Parents whose edges carry group names get their out-REQUIRES
 * slots reordered (stably, groups in order of first appearance) so every group is contiguous;
 * `csr` is modified in place for those parents only.
 */
function buildGroups(
  n: number,
  edges: readonly GraphEdge[],
  csr: Csr,
  namedGroups: boolean,
): { count: number; start: Int32Array; parent: Int32Array; ofNode: Int32Array; ofSlot: Int32Array; names: Map<number, string> } {
  const { offsets, targets, edges: slotEdge } = csr;
  const slots = targets.length;
  const ofNode = new Int32Array(n + 1);
  const ofSlot = new Int32Array(slots);
  const names = new Map<number, string>();
  // At most one group per slot; trimmed below.
  const startAll = new Int32Array(slots + 1);
  const parentAll = new Int32Array(slots);
  let g = 0;
  for (let v = 0; v < n; v++) {
    ofNode[v] = g;
    const a = offsets[v];
    const b = offsets[v + 1];
    if (a === b) continue;
    let grouped = false;
    if (namedGroups) {
      for (let s = a; s < b; s++) if (edges[slotEdge[s]].group !== undefined) grouped = true;
    }
    if (!grouped) {
      for (let s = a; s < b; s++) {
        startAll[g] = s;
        parentAll[g] = v;
        ofSlot[s] = g++;
      }
      continue;
    }
    // Named groups: local numbering by first appearance; ungrouped edges are singleton groups.
    const local = new Map<string, number>();
    const keyOf: number[] = [];
    const groupName: (string | undefined)[] = [];
    for (let s = a; s < b; s++) {
      const name = edges[slotEdge[s]].group;
      if (name === undefined) {
        keyOf.push(groupName.length);
        groupName.push(undefined);
      } else {
        let k = local.get(name);
        if (k === undefined) {
          k = groupName.length;
          local.set(name, k);
          groupName.push(name);
        }
        keyOf.push(k);
      }
    }
    const perm = Array.from({ length: b - a }, (_, i) => i).sort((x, y) => keyOf[x] - keyOf[y] || x - y);
    const t = perm.map((i) => targets[a + i]);
    const e = perm.map((i) => slotEdge[a + i]);
    let prevKey = -1;
    for (let i = 0; i < perm.length; i++) {
      const s = a + i;
      targets[s] = t[i];
      slotEdge[s] = e[i];
      const key = keyOf[perm[i]];
      if (key !== prevKey) {
        startAll[g] = s;
        parentAll[g] = v;
        const name = groupName[key];
        if (name !== undefined) names.set(g, name);
        g++;
        prevKey = key;
      }
      ofSlot[s] = g - 1;
    }
  }
  ofNode[n] = g;
  startAll[g] = slots;
  return { count: g, start: startAll.slice(0, g + 1), parent: parentAll.slice(0, g), ofNode, ofSlot, names };
}

/** The index of an id, or -1. */
export function indexOf(g: CompactGraph, id: string): number {
  return g.index.get(id) ?? -1;
}
