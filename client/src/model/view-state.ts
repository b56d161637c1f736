import type { Flag, Lang, NodeKind } from "./types";

/** What the analyst is looking at. Plain data: the URL encodes it, actions replace it. */
export interface Filters {
  /** Empty means "all". */
  readonly kinds: readonly NodeKind[];
  readonly categories: readonly string[];
  readonly regions: readonly string[];
  readonly flags: readonly Flag[];
  readonly riskMin: number;
  readonly riskMax: number;
}

export type LayoutName = "layered" | "force";
export const TABLES = ["spofs", "criticality", "concentration", "gaps"] as const;
export type TableName = (typeof TABLES)[number];

export interface ViewState {
  readonly lang: Lang;
  readonly layout: LayoutName;
  /** The map shows this node's dependency cone (what it needs and who needs it). */
  readonly focus: string | null;
  /** The node whose panel is open. */
  readonly selected: string | null;
  readonly filters: Filters;
  /** Nodes whose whole neighbourhood is added to the view. */
  readonly expanded: readonly string[];
  /** Nodes whose dependencies are hidden (unless reachable another way). */
  readonly collapsed: readonly string[];
  /** What-if: the nodes (parts, suppliers, regions) that fail. */
  readonly fail: readonly string[];
  /** A proof path drawn on the map (product → … → SPOF). */
  readonly path: readonly string[];
  readonly present: boolean;
  /** Presentation step through the scenario (0 = baseline). */
  readonly step: number;
  readonly table: TableName | null;
}

export const NO_FILTERS: Filters = { kinds: [], categories: [], regions: [], flags: [], riskMin: 0, riskMax: 1 };

export function initialView(lang: Lang): ViewState {
  return {
    lang,
    layout: "layered",
    focus: null,
    selected: null,
    filters: NO_FILTERS,
    expanded: [],
    collapsed: [],
    fail: [],
    path: [],
    present: false,
    step: 0,
    table: null,
  };
}

export function filtersActive(f: Filters): boolean {
  return f.kinds.length + f.categories.length + f.regions.length + f.flags.length > 0 || f.riskMin > 0 || f.riskMax < 1;
}
