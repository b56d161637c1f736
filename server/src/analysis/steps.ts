/**
 * Human-readable reasons for one step of an explanation or proof path: why the failure of `to`
 * carries over to `from`. Looked up from the edge between them, so the text always states the
 * rule of DESIGN §2 that applies (no alternative, all alternatives gone, every source gone, …).
 */
import type { EdgeKind } from "@chokepoint/graph-schema";
import { groupName, type CompactGraph } from "./compact";
import { EDGE_KIND_NAMES, LOCATED_IN, REQUIRES, SOURCED_FROM, WITHIN } from "./kind-codes";

export type StepRule =
  /** `from` requires `to`, which has no alternative. */
  | "requires"
  /** `from` requires one of a group of alternatives, and every member is unavailable. */
  | "requires-one-of"
  /** `to` is the only source of `from`. */
  | "sole-source"
  /** `from` has several sources and every one is unavailable. */
  | "all-sources"
  /** supplier `from` is located in region `to`. */
  | "located-in"
  /** region `from` lies within region `to`. */
  | "within";

export interface Step {
  readonly from: string;
  readonly to: string;
  readonly edge: EdgeKind;
  readonly rule: StepRule;
  /** For groups and source sets: every member (the alternatives that are all gone). */
  readonly members?: readonly string[];
  /** The alternatives group name, when it has one. */
  readonly group?: string;
  /** Whether the edge from → to is `stated` (false: inferred or imported). */
  readonly stated: boolean;
  readonly text: string;
}

/** Describes the step from → to; `from` must depend on `to` directly. */
export function describeStep(g: CompactGraph, from: number, to: number): Step {
  const ids = g.ids;
  const a = ids[from]!;
  const b = ids[to]!;
  const req = g.out[REQUIRES]!;
  for (let s = req.offsets[from]; s < req.offsets[from + 1]; s++) {
    if (req.targets[s] !== to) continue;
    const gi = g.groups.ofOutSlot[s];
    const lo = g.groups.start[gi];
    const hi = g.groups.start[gi + 1];
    const stated = g.stated[req.edges[s]] === 1;
    const group = groupName(g, gi);
    if (hi - lo === 1) return { from: a, to: b, edge: "REQUIRES", rule: "requires", stated, text: `${a} requires ${b}, which has no alternative` };
    const members = Array.from(req.targets.subarray(lo, hi), (v) => ids[v]!);
    return {
      from: a,
      to: b,
      edge: "REQUIRES",
      rule: "requires-one-of",
      members,
      ...(group !== undefined && { group }),
      stated,
      text: `${a} requires one of ${members.join(", ")}${group !== undefined ? ` (alternatives "${group}")` : ""}, and none is available`,
    };
  }
  const src = g.out[SOURCED_FROM]!;
  for (let s = src.offsets[from]; s < src.offsets[from + 1]; s++) {
    if (src.targets[s] !== to) continue;
    const stated = g.stated[src.edges[s]] === 1;
    const count = src.offsets[from + 1] - src.offsets[from];
    if (count === 1) return { from: a, to: b, edge: "SOURCED_FROM", rule: "sole-source", stated, text: `${b} is the only source of ${a}` };
    const members = Array.from(src.targets.subarray(src.offsets[from], src.offsets[from + 1]), (v) => ids[v]!);
    return { from: a, to: b, edge: "SOURCED_FROM", rule: "all-sources", members, stated, text: `every source of ${a} (${members.join(", ")}) is unavailable` };
  }
  for (const k of [LOCATED_IN, WITHIN]) {
    const csr = g.out[k]!;
    for (let s = csr.offsets[from]; s < csr.offsets[from + 1]; s++) {
      if (csr.targets[s] !== to) continue;
      const stated = g.stated[csr.edges[s]] === 1;
      return k === LOCATED_IN
        ? { from: a, to: b, edge: EDGE_KIND_NAMES[k], rule: "located-in", stated, text: `${a} is located in ${b}` }
        : { from: a, to: b, edge: EDGE_KIND_NAMES[k], rule: "within", stated, text: `${a} lies within ${b}` };
    }
  }
  throw new Error(`invariant: ${a} depends on ${b} directly`);
}

/** Describes every step of a path of node indices. */
export function describePath(g: CompactGraph, path: ArrayLike<number>): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i + 1 < path.length; i++) steps.push(describeStep(g, path[i]!, path[i + 1]!));
  return steps;
}
