import { initialView, NO_FILTERS, TABLES, type Filters, type TableName, type ViewState } from "./view-state";
import { isFlag, isNodeKind, type Lang } from "./types";

/**
 * The view in the URL's query string, so a copied link reopens the same view. Lists use repeated
 * keys (`fail=a&fail=b`), so ids never need a separator. Only non-default values are written;
 * decoding ignores anything it does not understand rather than failing on a hand-edited link.
 */
const MAX_LIST = 200;

export function encodeView(v: ViewState): string {
  const p = new URLSearchParams();
  p.set("lang", v.lang);
  if (v.layout !== "layered") p.set("layout", v.layout);
  if (v.focus !== null) p.set("focus", v.focus);
  if (v.selected !== null) p.set("sel", v.selected);
  const f = v.filters;
  for (const k of f.kinds) p.append("kind", k);
  for (const c of f.categories) p.append("cat", c);
  for (const r of f.regions) p.append("region", r);
  for (const x of f.flags) p.append("flag", x);
  if (f.riskMin > 0 || f.riskMax < 1) p.set("risk", `${round(f.riskMin)}-${round(f.riskMax)}`);
  for (const id of v.expanded) p.append("exp", id);
  for (const id of v.collapsed) p.append("col", id);
  for (const id of v.fail) p.append("fail", id);
  for (const id of v.path) p.append("path", id);
  if (v.present) p.set("present", "1");
  if (v.step > 0) p.set("step", String(v.step));
  if (v.table !== null) p.set("table", v.table);
  return `?${p.toString()}`;
}

export function decodeView(search: string, fallbackLang: Lang): ViewState {
  const p = new URLSearchParams(search);
  const base = initialView(langOf(p.get("lang")) ?? fallbackLang);
  const list = (key: string) => unique(p.getAll(key).filter((s) => s.trim() !== "" && s.length <= 200)).slice(0, MAX_LIST);
  const filters: Filters = {
    kinds: list("kind").filter(isNodeKind),
    categories: list("cat"),
    regions: list("region"),
    flags: list("flag").filter(isFlag),
    ...riskRange(p.get("risk")),
  };
  const table = p.get("table");
  const step = Number(p.get("step") ?? "0");
  return {
    ...base,
    layout: p.get("layout") === "force" ? "force" : "layered",
    focus: id(p.get("focus")),
    selected: id(p.get("sel")),
    filters,
    expanded: list("exp"),
    collapsed: list("col"),
    fail: list("fail"),
    path: list("path"),
    present: p.get("present") === "1",
    step: Number.isInteger(step) && step > 0 && step < 10_000 ? step : 0,
    table: table !== null && (TABLES as readonly string[]).includes(table) ? (table as TableName) : null,
  };
}

function langOf(s: string | null): Lang | null {
  return s === "zh" || s === "en" ? s : null;
}

function id(s: string | null): string | null {
  return s !== null && s.trim() !== "" && s.length <= 200 ? s : null;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function riskRange(s: string | null): Pick<Filters, "riskMin" | "riskMax"> {
  const m = s === null ? null : /^(\d*\.?\d+)-(\d*\.?\d+)$/.exec(s);
  if (!m) return { riskMin: NO_FILTERS.riskMin, riskMax: NO_FILTERS.riskMax };
  const a = Math.max(0, Math.min(1, Number(m[1])));
  const b = Math.max(0, Math.min(1, Number(m[2])));
  return { riskMin: Math.min(a, b), riskMax: Math.max(a, b) };
}
