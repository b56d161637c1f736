import type { Filters, LayoutName, TableName, ViewState } from "./view-state";
import { NO_FILTERS } from "./view-state";
import type { Lang } from "./types";

/**
 * Pure view updates (excalidraw-style actions: state in, next state out). Each returns the same
 * object when nothing changes, so subscribers can skip work by identity.
 */
export type ViewAction = (view: ViewState) => ViewState;

function toggle(list: readonly string[], id: string): string[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}

/** Focus the map on a node's dependency cone and open its panel. */
export const focusNode =
  (id: string): ViewAction =>
  (v) =>
    v.focus === id && v.selected === id ? v : { ...v, focus: id, selected: id, expanded: [], collapsed: [] };

export const clearFocus: ViewAction = (v) => (v.focus === null ? v : { ...v, focus: null, expanded: [], collapsed: [] });

export const selectNode =
  (id: string | null): ViewAction =>
  (v) =>
    v.selected === id ? v : { ...v, selected: id };

export const setLang =
  (lang: Lang): ViewAction =>
  (v) =>
    v.lang === lang ? v : { ...v, lang };

export const setLayout =
  (layout: LayoutName): ViewAction =>
  (v) =>
    v.layout === layout ? v : { ...v, layout };

export const setFilters =
  (patch: Partial<Filters>): ViewAction =>
  (v) => {
    const next: Filters = { ...v.filters, ...patch };
    const riskMin = clamp01(Math.min(next.riskMin, next.riskMax));
    const riskMax = clamp01(Math.max(next.riskMin, next.riskMax));
    return { ...v, filters: { ...next, riskMin, riskMax } };
  };

export const resetFilters: ViewAction = (v) => (v.filters === NO_FILTERS ? v : { ...v, filters: NO_FILTERS });

/** Expanding a node adds its neighbourhood; expanding again removes it (and undoes a collapse). */
export const toggleExpand =
  (id: string): ViewAction =>
  (v) => ({ ...v, expanded: toggle(v.expanded, id), collapsed: v.collapsed.filter((x) => x !== id) });

export const toggleCollapse =
  (id: string): ViewAction =>
  (v) => ({ ...v, collapsed: toggle(v.collapsed, id), expanded: v.expanded.filter((x) => x !== id) });

export const setCollapsed =
  (ids: readonly string[]): ViewAction =>
  (v) => ({ ...v, collapsed: [...ids], expanded: [] });

/** Add a node (or region) to the what-if; a new scenario restarts the presentation. */
export const failNode =
  (id: string): ViewAction =>
  (v) =>
    v.fail.includes(id) ? v : { ...v, fail: [...v.fail, id], step: 0 };

export const restoreNode =
  (id: string): ViewAction =>
  (v) =>
    v.fail.includes(id) ? { ...v, fail: v.fail.filter((x) => x !== id), step: 0 } : v;

export const clearScenario: ViewAction = (v) => (v.fail.length === 0 && v.step === 0 ? v : { ...v, fail: [], step: 0 });

export const showPath =
  (path: readonly string[]): ViewAction =>
  (v) => ({ ...v, path: [...path] });

export const clearPath: ViewAction = (v) => (v.path.length === 0 ? v : { ...v, path: [] });

export const setTable =
  (table: TableName | null): ViewAction =>
  (v) =>
    v.table === table ? v : { ...v, table };

export const setPresent =
  (present: boolean): ViewAction =>
  (v) =>
    v.present === present ? v : { ...v, present, step: 0 };

/** Moves through the presentation steps, kept inside [0, stepCount - 1]. */
export const stepBy =
  (delta: number, stepCount: number): ViewAction =>
  (v) => {
    const step = Math.max(0, Math.min(Math.max(0, stepCount - 1), v.step + delta));
    return step === v.step ? v : { ...v, step };
  };

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.max(0, Math.min(1, x)) : 0;
}
