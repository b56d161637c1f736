import type { Concentration, CriticalityEntry } from "../../model/analysis";
import type { GraphIndex } from "../../model/graph-index";
import { kindName, t } from "../../model/i18n";
import { nameIn } from "../../model/labels";
import type { Lang, NodeKind } from "../../model/types";
import type { Column } from "../SortableTable";

/** One row per (product, SPOF) pair, from the criticality ranking inverted. */
export interface SpofRow {
  readonly product: string;
  readonly spof: string;
  readonly kind: NodeKind;
  readonly count: number;
}

export interface GapRow {
  readonly id: string;
}

export function spofRows(entries: readonly CriticalityEntry[]): SpofRow[] {
  return entries.flatMap((e) => e.products.map((p) => ({ product: p, spof: e.id, kind: e.kind, count: e.count })));
}

const nameOf = (index: GraphIndex, lang: Lang) => (id: string) => {
  const n = index.byId.get(id);
  return n ? nameIn(n.name, lang, id) : id;
};
const riskOf = (index: GraphIndex) => (id: string) => index.byId.get(id)?.risk ?? null;
const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

export function spofColumns(index: GraphIndex, lang: Lang): Column<SpofRow>[] {
  const name = nameOf(index, lang);
  return [
    { key: "product", header: t(lang, "product"), value: (r) => name(r.product) },
    { key: "spof", header: t(lang, "spof"), value: (r) => name(r.spof) },
    { key: "kind", header: t(lang, "kind"), value: (r) => kindName(lang, r.kind) },
    { key: "count", header: t(lang, "products"), value: (r) => r.count, numeric: true },
    { key: "risk", header: t(lang, "risk"), value: (r) => round(riskOf(index)(r.spof)), numeric: true },
  ];
}

export function criticalityColumns(index: GraphIndex, lang: Lang): Column<CriticalityEntry>[] {
  const name = nameOf(index, lang);
  return [
    { key: "node", header: t(lang, "node"), value: (r) => name(r.id) },
    { key: "kind", header: t(lang, "kind"), value: (r) => kindName(lang, r.kind) },
    { key: "count", header: t(lang, "products"), value: (r) => r.count, numeric: true },
    { key: "value", header: t(lang, "annualValue"), value: (r) => r.value, numeric: true },
    { key: "inferred", header: t(lang, "inferredCount"), value: (r) => r.inferredCount, numeric: true },
    { key: "risk", header: t(lang, "risk"), value: (r) => round(riskOf(index)(r.id)), numeric: true },
  ];
}

export function concentrationColumns(index: GraphIndex, lang: Lang): Column<Concentration>[] {
  const name = nameOf(index, lang);
  return [
    { key: "node", header: t(lang, "node"), value: (r) => name(r.id) },
    { key: "kind", header: t(lang, "kind"), value: (r) => kindName(lang, r.kind) },
    { key: "hhi", header: t(lang, "hhi"), value: (r) => round(r.hhi), numeric: true },
    { key: "sources", header: t(lang, "sourceCount"), value: (r) => r.sourceCount, numeric: true },
    { key: "known", header: t(lang, "sharesKnown"), value: (r) => t(lang, r.sharesKnown ? "yes" : "no") },
    {
      key: "regions",
      header: t(lang, "regions"),
      value: (r) => r.regions.map((s) => `${name(s.region ?? s.supplier ?? "?")} ${Math.round(s.share * 100)}%`).join("; "),
    },
  ];
}

export function gapColumns(index: GraphIndex, lang: Lang): Column<GapRow>[] {
  const name = nameOf(index, lang);
  const kind = (id: string) => index.byId.get(id)?.kind;
  return [
    { key: "node", header: t(lang, "node"), value: (r) => name(r.id) },
    { key: "kind", header: t(lang, "kind"), value: (r) => (kind(r.id) ? kindName(lang, kind(r.id)!) : null) },
    { key: "dependents", header: t(lang, "dependents"), value: (r) => index.in.get(r.id)?.length ?? 0, numeric: true },
    { key: "risk", header: t(lang, "risk"), value: (r) => round(riskOf(index)(r.id)), numeric: true },
  ];
}
