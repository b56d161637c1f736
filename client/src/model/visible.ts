import { inEdges, outEdges, reach, type GraphIndex } from "./graph-index";
import { baseIds, filterPredicate } from "./filters";
import type { ViewState } from "./view-state";

/** Above this many nodes the map refuses to draw and asks for a narrower filter: layout, style
 *  and the WebGL atlas all grow with the node count, and a frozen tab helps nobody. */
export const MAX_DRAW_NODES = 8000;

export interface VisibleSet {
  readonly ids: ReadonlySet<string>;
  /** For each collapsed node on the map, how many nodes its collapse hides. */
  readonly hiddenBelow: ReadonlyMap<string, number>;
  /** Set when the view is too large to draw. */
  readonly refused: { readonly count: number; readonly limit: number } | null;
}

/**
 * Which nodes the map draws: the focus cone (or everything), filtered; plus the neighbourhoods the
 * analyst expanded and the nodes a scenario or proof path must show ("pinned"); minus what
 * collapsed nodes hide.
 */
export function visibleSet(index: GraphIndex, view: ViewState, pinned: Iterable<string> = [], limit = MAX_DRAW_NODES): VisibleSet {
  const keep = filterPredicate(index, view.filters);
  const ids = new Set<string>();
  for (const id of baseIds(index, view.focus)) {
    const n = index.byId.get(id);
    if (n && (id === view.focus || keep(n))) ids.add(id);
  }
  const pins = new Set<string>();
  for (const id of pinned) if (index.byId.has(id)) pins.add(id);
  for (const id of [view.focus, view.selected]) if (id !== null && index.byId.has(id)) pins.add(id);
  for (const id of view.expanded) {
    if (!index.byId.has(id)) continue;
    pins.add(id);
    for (const e of outEdges(index, id)) pins.add(e.to);
    for (const e of inEdges(index, id)) pins.add(e.from);
  }
  for (const id of pins) ids.add(id);

  const hiddenBelow = new Map<string, number>();
  const collapsed = view.collapsed.filter((c) => ids.has(c));
  if (collapsed.length > 0) hideBelowCollapsed(index, ids, new Set(collapsed), pins, hiddenBelow);

  if (ids.size > limit) return { ids: new Set(), hiddenBelow: new Map(), refused: { count: ids.size, limit } };
  return { ids, hiddenBelow, refused: null };
}

/** Hides nodes reachable only through collapsed nodes: a walk from the view's roots and pinned
 *  nodes that does not pass a collapsed node finds everything that stays. Mutates `ids`. */
function hideBelowCollapsed(index: GraphIndex, ids: Set<string>, collapsed: ReadonlySet<string>, pins: ReadonlySet<string>, hiddenBelow: Map<string, number>): void {
  const below = new Set<string>();
  for (const c of collapsed) for (const id of reach(index, [c], "out")) if (id !== c && ids.has(id)) below.add(id);
  if (below.size === 0) return;

  const starts: string[] = [];
  for (const id of ids) {
    if (pins.has(id) || collapsed.has(id)) {
      starts.push(id);
      continue;
    }
    if (!inEdges(index, id).some((e) => ids.has(e.from))) starts.push(id);
  }
  const stays = new Set<string>(starts);
  const stack = starts.filter((s) => !collapsed.has(s));
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const e of outEdges(index, id)) {
      if (!ids.has(e.to) || stays.has(e.to)) continue;
      stays.add(e.to);
      if (!collapsed.has(e.to)) stack.push(e.to);
    }
  }
  const hidden = new Set<string>();
  for (const id of below) if (!stays.has(id)) hidden.add(id);
  for (const c of collapsed) {
    let n = 0;
    for (const id of reach(index, [c], "out")) if (hidden.has(id)) n++;
    hiddenBelow.set(c, n);
  }
  for (const id of hidden) ids.delete(id);
}
