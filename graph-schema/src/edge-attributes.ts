import { longLivedInt32, longLivedUint8 } from "./long-lived-arrays";
import { edgeKindIndex } from "./kinds";
import type { GraphEdge } from "./types";
import type { GraphColumns } from "./vertex-graph";

/**
 * The columns of edges besides their endpoints — kind, stated flag, alternatives group, share —
 * filled edge by edge. Both readers of edges use it (vertex-graph.ts from edge objects,
 * scan-edges.ts from a file's bytes), so that both number group names the same way: 1 + their
 * index in `groupNames`, in order of first appearance.
 */
export class EdgeAttributeColumns {
  readonly kind: Uint8Array;
  readonly stated: Uint8Array;
  readonly group: Int32Array;
  private readonly groupNames: string[] = [];
  private readonly groupCodes = new Map<string, number>();
  private readonly shares = new Map<number, number>();

  /** Room for `capacity` edges. */
  constructor(capacity: number) {
    this.kind = longLivedUint8(capacity);
    this.stated = longLivedUint8(capacity);
    this.group = longLivedInt32(capacity);
  }

  /** Records edge i: its kind's index in EDGE_KINDS, whether it is stated, its group code (0 for
   *  none, see `groupCode`) and its share, if any. */
  set(i: number, kind: number, stated: boolean, group: number, share: number | undefined): void {
    this.kind[i] = kind;
    if (stated) this.stated[i] = 1;
    if (group !== 0) this.group[i] = group;
    if (share !== undefined) this.shares.set(i, share);
  }

  /** Records edge i from its object (a checked edge: its kind is one of EDGE_KINDS). */
  setFrom(i: number, edge: GraphEdge): void {
    this.set(i, edgeKindIndex(edge.kind)!, edge.confidence === "stated", edge.group === undefined ? 0 : this.groupCode(edge.group), edge.share);
  }

  /** The code of a group name: 1 + its index in the columns' `groupNames`. */
  groupCode(name: string): number {
    let code = this.groupCodes.get(name);
    if (code === undefined) {
      this.groupNames.push(name);
      code = this.groupNames.length;
      this.groupCodes.set(name, code);
    }
    return code;
  }

  /** The columns of the first `count` edges. */
  columns(count: number): Pick<GraphColumns, "kind" | "stated" | "group" | "groupNames" | "shares"> {
    return { kind: this.kind.subarray(0, count), stated: this.stated.subarray(0, count), group: this.group.subarray(0, count), groupNames: this.groupNames, shares: this.shares };
  }
}
