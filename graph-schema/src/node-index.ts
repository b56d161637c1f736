import { FLAG_BITS, KNOWN_ATTRS, NODE_KINDS, nodeKindIndex, type KnownAttr, type NodeKind } from "./kinds";
import { IdTable } from "./id-table";
import { longLivedUint8 } from "./long-lived-arrays";
import type { GraphNode } from "./types";
import type { GraphColumns } from "./vertex-graph";

/**
 * Nodes in order with each id's position, and each position's id and kind in flat arrays: the
 * reference checks resolve millions of edge endpoints against it, and touching only dense arrays
 * (not the node objects scattered over the heap) is what keeps that fast. Positions are the
 * numbers of an `IdTable`.
 */
export class NodeIndex {
  readonly nodes: GraphNode[] = [];
  private readonly table: IdTable;
  private readonly kindCodes: Uint8Array;
  private readonly flagBits: Uint8Array;
  /** The known numeric attributes, by position (sparse: analysts give them for few nodes). */
  private readonly numbers: Record<KnownAttr, Map<number, number>> = { inventoryDays: new Map(), recoveryDays: new Map(), annualValue: new Map() };

  constructor(capacity: number) {
    this.table = new IdTable(capacity);
    this.kindCodes = longLivedUint8(capacity);
    this.flagBits = longLivedUint8(capacity);
  }

  get size(): number {
    return this.nodes.length;
  }

  /** Appends the node under `id` (its own id, unless the caller keys nodes otherwise) and returns
   *  -1; or, when `id` is already indexed, changes nothing and returns that node's position. */
  add(id: string, node: GraphNode): number {
    const existing = this.table.add(id);
    if (existing !== -1) return existing;
    const position = this.nodes.length;
    this.kindCodes[position] = nodeKindIndex(node.kind)!;
    // Flags and attributes are recorded while the node object is at hand (the analysis reads these
    // columns instead of revisiting node objects scattered over the heap).
    const flags = node.flags;
    for (let i = 0; i < flags.length; i++) this.flagBits[position] |= FLAG_BITS[flags[i]!.flag];
    const attrs = node.attrs;
    if (hasFields(attrs)) {
      for (const name of KNOWN_ATTRS) {
        const x = attrs[name];
        if (x !== undefined) this.numbers[name].set(position, x);
      }
    }
    this.nodes.push(node);
    return -1;
  }

  /** Puts `node` (same id, same content: a repeated item) in the place of the node at `position`. */
  replace(position: number, node: GraphNode): void {
    this.nodes[position] = node;
  }

  /** Per position: the kind's index in NODE_KINDS and the flags as FLAG_BITS; the known numeric
   *  attributes by position. */
  nodeColumns(): Pick<GraphColumns, "nodeKind" | "flags" | "attrs"> {
    return { nodeKind: this.kindCodes.subarray(0, this.size), flags: this.flagBits.subarray(0, this.size), attrs: this.numbers };
  }

  /** The id table behind the positions (ids by position, and position by id). */
  get idTable(): IdTable {
    return this.table;
  }

  positionOf(id: string): number | undefined {
    return this.table.get(id);
  }

  /**
   * positionOf, trying `hint` and the position after it first. Files list a node's edges together
   * and nodes in the order their edges come, so an edge's source is usually the previous edge's
   * source or the next node, and comparing two ids is far cheaper than hashing one.
   */
  positionNear(id: string, hint: number): number | undefined {
    const ids = this.table.ids;
    if (hint >= 0 && hint < ids.length) {
      if (ids[hint] === id) return hint;
      if (ids[hint + 1] === id) return hint + 1;
    }
    return this.table.get(id);
  }

  idAt(position: number): string {
    return this.table.ids[position]!;
  }

  /** Index of the node's kind in NODE_KINDS. */
  kindCodeAt(position: number): number {
    return this.kindCodes[position]!;
  }

  kindAt(position: number): NodeKind {
    return NODE_KINDS[this.kindCodes[position]!]!;
  }
}

function hasFields(o: object): boolean {
  for (const _ in o) return true;
  return false;
}
