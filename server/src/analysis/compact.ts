/**
 * `compact`: a snapshot becomes integers. Node ids are renumbered 0..n-1 in snapshot order, every
 * edge kind gets a CSR adjacency in both directions, REQUIRES alternatives groups get global
 * integer ids, REQUIRES/WITHIN cycles are broken by a deterministic rule (see `order.ts`), and
 * nodes get a topological rank (every node after everything it depends on). Built once per data
 * version; every algorithm loops over these arrays and maps back to ids only when it returns.
 * Idea: graphology `src/indices/neighborhood.js` (index once, loop over integers).
 */
import {
  longLivedInt32,
  longLivedUint8,
  EDGE_FROM_KIND_BITS,
  EDGE_TO_KIND_BITS,
  edgeKindIndex,
  FLAG_BITS,
  nodeKindIndex,
  type GraphColumns,
  type GraphEdge,
  type KnownAttr,
  IdTable,
  type GraphNode,
} from "@chokepoint/graph-schema";
import { buildOutCsrs, endsToOffsets, fillInCsrs, NO_KIND, type Csr, type Csr4, type InCsr4 } from "./csr";
import { LOCATED_IN, PRODUCT, REQUIRES, SOURCED_FROM } from "./kind-codes";
import type { Finding } from "./findings";
import { breakCycles, topologicalOrder } from "./order";
import { scratchInt32, scratchUint8 } from "./scratch";

/** The input of the engine: a store snapshot, or a validated interchange document (edges as
 *  objects, or only as the columns validation made of them). */
export type GraphInput = GraphObjectsInput | GraphColumnsInput;

interface GraphObjectsInput {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** The graph as columns, when the caller has them (validation makes them): `compact` then
   *  hashes no ids, reads no edge objects and reads only the node objects that have flags or
   *  attributes. Ignored unless its sizes match. */
  readonly columns?: GraphColumns;
  /** The store's data version (an interchange file's `version` is its format version: leave it out). */
  readonly version?: number;
}

/** A validated file read without edge objects (`readGraphColumns`): its checked columns are the edges. */
interface GraphColumnsInput {
  readonly nodes: readonly GraphNode[];
  readonly edges?: undefined;
  readonly columns: GraphColumns & { readonly checked: true };
  readonly version?: undefined;
}

/** Number of edges of the input. */
function edgeCountOf(input: GraphInput): number {
  return input.edges === undefined ? input.columns.from.length : input.edges.length;
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
  /** Per group: 0 when it has no name, else 1 + the index of its name in `nameList`. */
  readonly nameCode: Int32Array;
  readonly nameList: readonly string[];
}

export interface CompactGraph {
  readonly nodeCount: number;
  /** Number of snapshot edges (including any skipped or dropped ones). */
  readonly edgeCount: number;
  readonly version: number | undefined;
  readonly ids: readonly string[];
  readonly nodes: readonly GraphNode[];
  /** Node index by id. */
  readonly index: IdTable;
  readonly kind: Uint8Array;
  readonly flags: Uint8Array;
  /** Known numeric attributes (`get` gives NaN where a node has none). */
  readonly inventoryDays: NodeNumbers;
  readonly recoveryDays: NodeNumbers;
  readonly annualValue: NodeNumbers;
  /** Per snapshot edge: 1 when its confidence is `stated`. */
  readonly stated: Uint8Array;
  /** SOURCED_FROM `share` by snapshot edge index, for the edges that carry one. */
  readonly shares: ReadonlyMap<number, number>;
  /** True when at least one analysed edge is not `stated`. */
  readonly anyUnstated: boolean;
  /** Out- and in-adjacency per edge kind (indexed by REQUIRES, SOURCED_FROM, LOCATED_IN, WITHIN). */
  readonly out: Readonly<Csr4>;
  /** The in-CSRs of REQUIRES and SOURCED_FROM have no `edges` (nothing reads them). */
  readonly in: Readonly<InCsr4>;
  readonly groups: Groups;
  /** Topological order, dependencies first: every edge goes from a higher rank to a lower one. */
  readonly order: Int32Array;
  readonly rank: Int32Array;
  /** Data findings: broken cycles, and edges the engine could not use. */
  readonly findings: readonly Finding[];
}

/**
 * The typed-array part of a compact graph: everything the passes that may run on a worker thread
 * read (dominance, articulation points). Posted to a worker it costs almost nothing, because
 * long-lived arrays are shared memory.
 */
export type GraphArrays = Pick<CompactGraph, "nodeCount" | "kind" | "stated" | "out" | "in" | "groups" | "order" | "rank">;

export function graphArrays(g: CompactGraph): GraphArrays {
  return { nodeCount: g.nodeCount, kind: g.kind, stated: g.stated, out: g.out, in: g.in, groups: g.groups, order: g.order, rank: g.rank };
}

// Package exports read per node or edge, as constants of this module (a package export is a
// getter: a call per read).
const FLAG_BIT_OF = FLAG_BITS;
const nodeKindOf = nodeKindIndex;
const edgeKindOf = edgeKindIndex;
const FROM_KIND_BITS = EDGE_FROM_KIND_BITS;
const TO_KIND_BITS = EDGE_TO_KIND_BITS;

/**
 * A numeric attribute of some nodes. Kept sparse because analysts supply these for few nodes, and
 * three dense Float64Arrays would add 24 MB of fresh memory to every rebuild at 10^6 nodes.
 */
export class NodeNumbers {
  constructor(private readonly values: ReadonlyMap<number, number>) {}

  /** The value of node v, or NaN when it has none. */
  get(v: number): number {
    return this.values.get(v) ?? NaN;
  }
}

/** Builds the compact graph. Linear in nodes + edges; throws nothing on bad data (bad edges become
 *  findings), so a store snapshot that slipped past validation still yields an analysis. */
export function compact(input: GraphInput): CompactGraph {
  return buildCompact(resolve(input));
}

/**
 * The snapshot with node ids resolved to indices (the part of `compact` that hashes strings, or
 * reads them from graph columns). `from`, `to`, `ekind`, `stated` and `groupCode` are the columns'
 * own when they serve as they are, and otherwise scratch buffers, valid until the next `resolve`.
 */
export interface Resolved {
  readonly input: GraphInput;
  readonly nodes: readonly GraphNode[];
  readonly ids: string[];
  readonly index: IdTable;
  readonly kind: Uint8Array;
  readonly flags: Uint8Array;
  readonly inventoryDays: NodeNumbers;
  readonly recoveryDays: NodeNumbers;
  readonly annualValue: NodeNumbers;
  /** Per snapshot edge: endpoints and kind code (NO_KIND for an edge that cannot be used). */
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly ekind: Uint8Array;
  readonly stated: Uint8Array;
  readonly anyUnstated: boolean;
  /** Per snapshot edge: 0, or 1 + the index of its group name in `groupNames` (read for REQUIRES
   *  edges only). */
  readonly groupCode: Int32Array;
  readonly groupNames: readonly string[];
  readonly shares: ReadonlyMap<number, number>;
  readonly findings: Finding[];
}

/** Step 1 of `compact`: node attributes, and every edge's endpoints as indices. */
export function resolve(input: GraphInput): Resolved {
  const findings: Finding[] = [];
  const columns = input.columns;
  const m = edgeCountOf(input);
  const fits =
    columns !== undefined &&
    columns.from.length === m &&
    columns.to.length === m &&
    columns.kind.length === m &&
    columns.ids.size === input.nodes.length &&
    columns.nodeKind.length === input.nodes.length &&
    columns.flags.length === input.nodes.length;
  const { nodes, ids, index } = fits ? { nodes: input.nodes, ids: columns.ids.ids, index: columns.ids } : indexNodes(input.nodes, findings);
  const n = nodes.length;
  const kind = longLivedUint8(n);
  const flags = longLivedUint8(n);
  let attrs: Readonly<Record<KnownAttr, ReadonlyMap<number, number>>>;
  if (fits) {
    kind.set(columns.nodeKind);
    flags.set(columns.flags);
    attrs = columns.attrs;
  } else {
    const numbers = { inventoryDays: new Map<number, number>(), recoveryDays: new Map<number, number>(), annualValue: new Map<number, number>() };
    for (let v = 0; v < n; v++) {
      const node = nodes[v]!;
      kind[v] = nodeKindOf(node.kind) ?? PRODUCT;
      for (const entry of node.flags) flags[v] |= FLAG_BIT_OF[entry.flag] ?? 0;
      const a = node.attrs;
      if (a.inventoryDays !== undefined) numbers.inventoryDays.set(v, a.inventoryDays);
      if (a.recoveryDays !== undefined) numbers.recoveryDays.set(v, a.recoveryDays);
      if (a.annualValue !== undefined) numbers.annualValue.set(v, a.annualValue);
    }
    attrs = numbers;
  }
  let edgeParts: EdgeParts;
  if (fits) edgeParts = edgesFromColumns(columns, n, kind, findings, input.edges);
  else if (input.edges !== undefined) edgeParts = edgesFromObjects(input.edges, ids, index, kind, findings);
  else throw new Error("invariant: columns given without edge objects must describe the nodes given");
  return {
    input,
    nodes,
    ids,
    index,
    kind,
    flags,
    inventoryDays: new NodeNumbers(attrs.inventoryDays),
    recoveryDays: new NodeNumbers(attrs.recoveryDays),
    annualValue: new NodeNumbers(attrs.annualValue),
    ...edgeParts,
    findings,
  };
}

type EdgeParts = Pick<Resolved, "from" | "to" | "ekind" | "stated" | "anyUnstated" | "groupCode" | "groupNames" | "shares">;

/** The engine's checks of one edge (a store snapshot may hold what validation would reject). */
function fitsEndpoints(f: number, t: number, k: number, n: number, kind: Uint8Array): boolean {
  return f >= 0 && t >= 0 && f < n && t < n && k < 4 && f !== t && ((FROM_KIND_BITS[k] >> kind[f]) & 1) === 1 && ((TO_KIND_BITS[k] >> kind[t]) & 1) === 1;
}

/** The finding for an edge that failed `fitsEndpoints`: the only time its object is read. */
function unusableEdge(f: number, t: number, k: number, n: number, e: GraphEdge): Finding {
  if (f < 0 || t < 0 || f >= n || t >= n || k >= 4) {
    return { code: "DANGLING_EDGE", message: `edge ${e.from} -${e.kind}-> ${e.to} refers to a node that does not exist`, edge: edgeRef(e) };
  }
  const why = f === t ? "is a self-loop" : "connects kinds it may not connect";
  return { code: "EDGE_ENDPOINT_KIND", message: `edge ${e.from} -${e.kind}-> ${e.to} ${why}`, edge: edgeRef(e) };
}

/** The edges from columns: the columns serve as they are (endpoints, kinds, stated flags, group
 *  codes), except that unchecked columns get their unusable edges' kinds marked, in a copy. */
function edgesFromColumns(c: GraphColumns, n: number, kind: Uint8Array, findings: Finding[], edges: readonly GraphEdge[] | undefined): EdgeParts {
  const { from, to, stated } = c;
  const m = from.length;
  let ekind = c.kind;
  if (!c.checked) {
    for (let i = 0; i < m; i++) {
      if (fitsEndpoints(from[i], to[i], c.kind[i], n, kind)) continue;
      if (ekind === c.kind) {
        ekind = scratchUint8("compact.ekind", m);
        ekind.set(c.kind);
      }
      ekind[i] = NO_KIND;
      // Unchecked columns come with their edge objects (GraphInput).
      findings.push(unusableEdge(from[i], to[i], c.kind[i], n, edges![i]!));
    }
  }
  return { from, to, ekind, stated, anyUnstated: anyUsableUnstated(stated, ekind, ekind === c.kind), groupCode: c.group, groupNames: c.groupNames, shares: c.shares };
}

/** Whether an edge the engine uses is not `stated` (`allUsable`: no edge is NO_KIND). */
function anyUsableUnstated(stated: Uint8Array, ekind: Uint8Array, allUsable: boolean): boolean {
  if (allUsable) return stated.includes(0);
  for (let i = 0; i < stated.length; i++) if (stated[i] === 0 && ekind[i] !== NO_KIND) return true;
  return false;
}

/** The edges from their objects, hashing endpoint ids (a snapshot without columns). */
function edgesFromObjects(edges: readonly GraphEdge[], ids: readonly string[], index: IdTable, kind: Uint8Array, findings: Finding[]): EdgeParts {
  const n = ids.length;
  const m = edges.length;
  const from = scratchInt32("compact.from", m);
  const to = scratchInt32("compact.to", m);
  const ekind = scratchUint8("compact.ekind", m);
  // Group names as small numbers, so that regrouping slots compares integers in typed arrays
  // instead of reading strings from edge objects scattered over the heap.
  const groupCode = scratchInt32("compact.groupCode", m, true);
  const groupNames: string[] = [];
  const groupNumbers = new Map<string, number>();
  const stated = longLivedUint8(m);
  const shares = new Map<number, number>();
  let anyUnstated = false;
  // Store snapshots list nodes by id and edges by `from`: the next `from` is usually the current
  // one or a node a few places further on, so a short look-ahead saves most hash lookups.
  let cursor = 0;
  for (let i = 0; i < m; i++) {
    const e = edges[i]!;
    ekind[i] = NO_KIND;
    let f = -1;
    const ef = e.from;
    for (let ahead = cursor; ahead < cursor + 4 && ahead < n; ahead++) {
      if (ids[ahead] === ef) {
        f = ahead;
        break;
      }
    }
    if (f < 0) f = index.get(ef) ?? -1;
    if (f >= 0) cursor = f;
    const t = index.get(e.to) ?? -1;
    const k = edgeKindOf(e.kind) ?? NO_KIND;
    const isStated = e.confidence === "stated";
    if (isStated) stated[i] = 1;
    if (!fitsEndpoints(f, t, k, n, kind)) {
      findings.push(unusableEdge(f, t, k, n, e));
      continue;
    }
    from[i] = f;
    to[i] = t;
    ekind[i] = k;
    if (!isStated) anyUnstated = true;
    const group = e.group;
    if (group !== undefined && k === REQUIRES) {
      let code = groupNumbers.get(group);
      if (code === undefined) {
        groupNames.push(group);
        code = groupNames.length;
        groupNumbers.set(group, code);
      }
      groupCode[i] = code;
    }
    if (e.share !== undefined && k === SOURCED_FROM) shares.set(i, e.share);
  }
  return { from, to, ekind, stated, anyUnstated, groupCode, groupNames, shares };
}

/** Step 2 of `compact`: CSR adjacency, groups, cycle breaking and topological order. */
export function buildCompact(r: Resolved): CompactGraph {
  const { input, nodes, ids, index, kind, flags, inventoryDays, recoveryDays, annualValue, stated, anyUnstated, shares } = r;
  const findings = [...r.findings];
  const n = nodes.length;
  // The engine keeps no edge objects (the typed arrays have all it reads), so that they can be
  // collected once the caller drops them: at 10^6 nodes they are millions of objects that every
  // full collection would otherwise have to mark.
  const m = edgeCountOf(input);
  let adjacency = buildAdjacency(n, r, undefined);
  let ordered = topologicalOrder(n, kind, adjacency.out, adjacency.in);
  if (ordered.count < n) {
    const dropped = new Uint8Array(m);
    findings.push(...breakCycles(n, nodes, adjacency.out, ordered.remaining, dropped));
    adjacency = buildAdjacency(n, r, dropped);
    ordered = topologicalOrder(n, kind, adjacency.out, adjacency.in);
    if (ordered.count < n) throw new Error("invariant: no cycle survives breakCycles");
  }
  const { order, rank } = ordered;

  return {
    nodeCount: n,
    edgeCount: m,
    version: input.version,
    ids,
    nodes,
    index,
    kind,
    flags,
    inventoryDays,
    recoveryDays,
    annualValue,
    stated,
    shares,
    anyUnstated,
    out: adjacency.out,
    in: adjacency.in,
    groups: adjacency.groups,
    order,
    rank,
    findings,
  };
}

/** Node index by id; the first of duplicate ids wins (and the others become findings). */
function indexNodes(input: readonly GraphNode[], findings: Finding[]): { nodes: readonly GraphNode[]; ids: string[]; index: IdTable } {
  const index = new IdTable(input.length);
  let kept: GraphNode[] | undefined; // only when there are duplicates
  for (let i = 0; i < input.length; i++) {
    const node = input[i]!;
    if (index.add(node.id) === -1) {
      kept?.push(node);
      continue;
    }
    kept ??= input.slice(0, i);
    findings.push({ code: "DUPLICATE_NODE", message: `node "${node.id}" appears more than once; the first is analysed` });
  }
  return { nodes: kept ?? input, ids: index.ids, index };
}

/** CSR per kind and direction, and the alternatives groups (which reorder out-REQUIRES slots). */
function buildAdjacency(n: number, r: Resolved, dropped: Uint8Array | undefined): { out: Csr4; in: InCsr4; groups: Groups } {
  const half = buildOutCsrs(n, r.from, r.to, r.ekind, dropped);
  const groupOfEdge = scratchInt32("compact.groupOfEdge", r.from.length);
  const groups = buildGroups(n, r, half.out[REQUIRES], groupOfEdge);
  // An in-REQUIRES slot is in the group of the out slot of the same edge.
  const { in: inn, labels: ofInSlot } = fillInCsrs(half, { kind: REQUIRES, ofEdge: groupOfEdge }, LOCATED_IN);
  return { out: half.out, in: inn, groups: { ...groups, ofInSlot: ofInSlot! } };
}

function edgeRef(e: GraphEdge): { from: string; to: string; kind: string } {
  return { from: e.from, to: e.to, kind: e.kind };
}

/**
 * Numbers the alternatives groups, and records each REQUIRES edge's group in `groupOfEdge`. Parents
 * whose edges carry group names get their out-REQUIRES slots reordered (stably: a group sits where
 * its first member was, singletons keep their place) so every group is contiguous; `csr` is
 * modified in place for those parents only.
 */
function buildGroups(n: number, r: Resolved, csr: Csr, groupOfEdge: Int32Array): Omit<Groups, "ofInSlot"> {
  const { groupNames } = r;
  const { offsets, targets, edges } = csr;
  const slots = targets.length;
  const w = GROUP_WORK;
  w.groupCode = r.groupCode;
  w.groupOfEdge = groupOfEdge;
  // At most one group per slot, and nearly as many groups as slots: sized for that and viewed at
  // the used length, rather than copied out.
  const ofNode = longLivedInt32(n + 1);
  const ofOutSlot = (w.ofOutSlot = longLivedInt32(slots));
  const start = (w.start = longLivedInt32(slots + 1));
  const parent = (w.parent = longLivedInt32(slots));
  const nameCode = (w.nameCode = longLivedInt32(slots));
  // A grouped parent's slots are regrouped through these (indexed by slot, or by group name), not
  // through JS arrays: 10^5 parents resetting array lengths measured more than the regrouping.
  w.slotGroup = scratchInt32("compact.slotGroup", slots);
  w.newTarget = scratchInt32("compact.slotTarget", slots);
  w.newEdge = scratchInt32("compact.slotEdge", slots);
  // Per group name: the last parent that used it, and its group there.
  w.nameParent = scratchInt32("compact.nameParent", groupNames.length + 1).fill(-1);
  w.nameGroup = scratchInt32("compact.nameGroup", groupNames.length + 1);
  // Per group: where its next slot goes (group ids are global, so this is indexed by group).
  w.cursor = scratchInt32("compact.groupCursor", slots + 1);
  const g = numberGroups(offsets, edges, r.from, targets, ofNode, w);
  w.release();
  if (g > 0) endsToOffsets(ofNode, parent[0], parent[g - 1]);
  start[g] = slots;
  return { count: g, start: start.subarray(0, g + 1), parent: parent.subarray(0, g), ofNode, ofOutSlot, nameCode: nameCode.subarray(0, g), nameList: groupNames };
}

const NONE: Int32Array = new Int32Array(0);

/**
 * What the group loops read and write besides the CSR. One per thread, reused by every build,
 * rather than a bundle made per build: optimized code depends on the hidden class of the objects it
 * reads, and a per-build bundle took that class with it when collected, so V8 discarded the
 * compiled loops and the next rebuild ran in the interpreter until they were compiled again.
 */
class GroupWork {
  groupCode: Int32Array = NONE;
  groupOfEdge: Int32Array = NONE;
  ofOutSlot: Int32Array = NONE;
  start: Int32Array = NONE;
  parent: Int32Array = NONE;
  nameCode: Int32Array = NONE;
  slotGroup: Int32Array = NONE;
  newTarget: Int32Array = NONE;
  newEdge: Int32Array = NONE;
  nameParent: Int32Array = NONE;
  nameGroup: Int32Array = NONE;
  cursor: Int32Array = NONE;

  /** Lets go of the arrays of the last build. */
  release(): void {
    this.groupCode = this.groupOfEdge = this.ofOutSlot = this.start = this.parent = this.nameCode = NONE;
    this.slotGroup = this.newTarget = this.newEdge = this.nameParent = this.nameGroup = this.cursor = NONE;
  }
}

const GROUP_WORK = new GroupWork();

/**
 * The loop of `buildGroups`, over the out-REQUIRES slots; returns the number of groups. Each slot
 * is a group of its own until a slot with a group name: then its parent's groups are numbered again
 * from the parent's first, by `regroupParent`, and the loop goes on after the parent's slots. Each
 * parent's groups end at `ofNode[parent + 1]`, and `endsToOffsets` carries the ends over to the
 * nodes without slots. Over slots rather than nodes, because a loop per node over its few slots
 * mispredicted the end of most of them. Only the loop (and the rare parent with named groups in a
 * function of its own): a loop inside a larger function was compiled mid-loop and deoptimized after
 * it on every rebuild (see csr.ts).
 */
function numberGroups(offsets: Int32Array, slotEdge: Int32Array, edgeFrom: Int32Array, targets: Int32Array, ofNode: Int32Array, w: GroupWork): number {
  const { groupCode, groupOfEdge, ofOutSlot, start, parent } = w;
  const slots = slotEdge.length;
  let g = 0;
  for (let s = 0; s < slots; ) {
    const e = slotEdge[s];
    const v = edgeFrom[e];
    if (groupCode[e] !== 0) {
      const first = offsets[v];
      const end = offsets[v + 1];
      // The parent's slots before s are singletons, numbered from g - (s - first).
      g = regroupParent(v, first, end, g - (s - first), targets, slotEdge, w);
      ofNode[v + 1] = g;
      s = end;
      continue;
    }
    start[g] = s;
    parent[g] = v;
    groupOfEdge[e] = g;
    ofOutSlot[s] = g++;
    ofNode[v + 1] = g;
    s++;
  }
  return g;
}

/** Groups of a parent whose slots `from .. to` carry group names, numbered from `g`: in the order
 *  of their first slots, each group's slots in slot order. Returns the next group number. Files
 *  list a group's members together as a rule, and then the slots stay where they are: the first
 *  loop numbers them as if so, and only a group met again after another is moved together. */
function regroupParent(v: number, from: number, to: number, g: number, targets: Int32Array, slotEdge: Int32Array, w: GroupWork): number {
  const { groupCode, groupOfEdge, ofOutSlot, start, parent, nameCode, slotGroup, newTarget, newEdge, nameParent, nameGroup, cursor } = w;
  const first = g;
  let contiguous = true;
  for (let s = from; s < to; s++) {
    const e = slotEdge[s];
    const c = groupCode[e];
    let gs: number;
    if (c !== 0 && nameParent[c] === v) {
      gs = nameGroup[c];
      if (gs !== slotGroup[s - 1]) contiguous = false;
    } else {
      gs = g++;
      start[gs] = s;
      parent[gs] = v;
      cursor[gs] = 0;
      if (c !== 0) {
        nameCode[gs] = c;
        nameParent[c] = v;
        nameGroup[c] = gs;
      }
    }
    slotGroup[s] = gs;
    cursor[gs]++;
    ofOutSlot[s] = gs;
    groupOfEdge[e] = gs;
  }
  if (contiguous) return g;
  let put = from;
  for (let gs = first; gs < g; gs++) {
    start[gs] = put;
    put += cursor[gs];
    cursor[gs] = start[gs];
  }
  for (let s = from; s < to; s++) {
    const gs = slotGroup[s];
    const at = cursor[gs]++;
    ofOutSlot[at] = gs;
    newTarget[at] = targets[s];
    newEdge[at] = slotEdge[s];
  }
  for (let s = from; s < to; s++) {
    targets[s] = newTarget[s];
    slotEdge[s] = newEdge[s];
  }
  return g;
}

/** The name of alternatives group `gi`, when it has one. */
export function groupName(g: CompactGraph, gi: number): string | undefined {
  const code = g.groups.nameCode[gi];
  return code === 0 ? undefined : g.groups.nameList[code - 1];
}

/** The index of an id, or -1. */
export function indexOf(g: CompactGraph, id: string): number {
  return g.index.get(id) ?? -1;
}
