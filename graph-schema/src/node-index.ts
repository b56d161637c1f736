import { NODE_KINDS, type NodeKind } from "./kinds";
import type { GraphNode } from "./types";

/**
 * Nodes in order with each id's position, and each position's id and kind in flat arrays: the
 * reference checks resolve millions of edge endpoints against it, and touching only dense arrays
 * (not the node objects scattered over the heap) is what keeps that fast.
 */
export class NodeIndex {
  readonly nodes: GraphNode[] = [];
  private readonly ids: string[] = [];
  private kindCodes = new Uint8Array(1024);
  /** A prototype-less object rather than a Map: with a million ids its lookups measured about
   *  1.7 times faster. Having no prototype, every key (even `__proto__`) is an own field. */
  private readonly positions: Record<string, number> = Object.create(null) as Record<string, number>;

  get size(): number {
    return this.nodes.length;
  }

  /** Appends a node under an id not yet indexed (its own, unless the caller keys nodes otherwise). */
  add(id: string, node: GraphNode): void {
    const p = this.nodes.length;
    if (p === this.kindCodes.length) {
      const grown = new Uint8Array(p * 2);
      grown.set(this.kindCodes);
      this.kindCodes = grown;
    }
    this.kindCodes[p] = NODE_KINDS.indexOf(node.kind);
    this.nodes.push(node);
    this.ids.push(id);
    this.positions[id] = p;
  }

  /** Puts `node` (same id) in the place of the node at `position`. */
  replace(position: number, node: GraphNode): void {
    this.nodes[position] = node;
  }

  positionOf(id: string): number | undefined {
    return this.positions[id];
  }

  /**
   * positionOf, trying `hint` and the position after it first. Files list a node's edges together
   * and nodes in the order their edges come, so an edge's source is usually the previous edge's
   * source or the next node; comparing ids (same strings, as JSON.parse shares them) is far
   * cheaper than a hash lookup over a million ids.
   */
  positionNear(id: string, hint: number): number | undefined {
    if (hint >= 0 && hint < this.ids.length) {
      if (this.ids[hint] === id) return hint;
      if (this.ids[hint + 1] === id) return hint + 1;
    }
    return this.positions[id];
  }

  idAt(position: number): string {
    return this.ids[position]!;
  }

  /** Index of the node's kind in NODE_KINDS. */
  kindCodeAt(position: number): number {
    return this.kindCodes[position]!;
  }

  kindAt(position: number): NodeKind {
    return NODE_KINDS[this.kindCodes[position]!]!;
  }
}
