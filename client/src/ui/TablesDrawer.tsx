import type { KeyboardEvent, ReactNode } from "react";
import { fetchConcentration, fetchCriticality, fetchGaps } from "../api/analysis";
import { TABLE_LIMIT } from "../api/queries";
import { useAsync, type Async } from "../app/hooks";
import type { GraphIndex } from "../model/graph-index";
import { t } from "../model/i18n";
import type { Lang } from "../model/types";
import { TABLES, type TableName } from "../model/view-state";
import { SortableTable } from "./SortableTable";
import { concentrationColumns, criticalityColumns, gapColumns, spofColumns, spofRows } from "./tables/columns";

interface Props {
  readonly lang: Lang;
  readonly index: GraphIndex;
  readonly table: TableName;
  readonly onTable: (t: TableName | null) => void;
  readonly onFocus: (id: string) => void;
  readonly onSpof: (product: string, spof: string) => void;
}

/** The analysis tables in a bottom drawer; each row focuses the map. */
export function TablesDrawer({ lang, index, table, onTable, onFocus, onSpof }: Props) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = TABLES.indexOf(table);
    if (e.key === "ArrowRight") onTable(TABLES[(i + 1) % TABLES.length]!);
    else if (e.key === "ArrowLeft") onTable(TABLES[(i + TABLES.length - 1) % TABLES.length]!);
    else return;
    e.preventDefault();
  };
  return (
    <section className="drawer" aria-label={t(lang, "tables")} data-testid="tables-drawer">
      <div className="drawer-head">
        <div role="tablist" aria-label={t(lang, "tables")} onKeyDown={onKeyDown}>
          {TABLES.map((name) => (
            <button key={name} type="button" role="tab" id={`tab-${name}`} aria-selected={table === name} aria-controls="table-panel" tabIndex={table === name ? 0 : -1} onClick={() => onTable(name)} data-testid={`tab-${name}`}>
              {t(lang, name)}
            </button>
          ))}
        </div>
        <button type="button" className="icon-button" onClick={() => onTable(null)} aria-label={t(lang, "close")} title={t(lang, "close")}>
          ×
        </button>
      </div>
      <div id="table-panel" role="tabpanel" aria-labelledby={`tab-${table}`} className="drawer-body">
        {table === "spofs" && <SpofTable lang={lang} index={index} onSpof={onSpof} />}
        {table === "criticality" && <CriticalityTable lang={lang} index={index} onFocus={onFocus} />}
        {table === "concentration" && <ConcentrationTable lang={lang} index={index} onFocus={onFocus} />}
        {table === "gaps" && <GapsTable lang={lang} index={index} onFocus={onFocus} />}
      </div>
    </section>
  );
}

function Loading<T>({ state, lang, children }: { readonly state: Async<T>; readonly lang: Lang; readonly children: (data: T) => ReactNode }) {
  if (state.status === "ok") return <>{children(state.data)}</>;
  if (state.status === "error") return <p role="alert">{state.message}</p>;
  return <p className="muted">{t(lang, "loading")}</p>;
}

const common = (lang: Lang) => ({ exportLabel: t(lang, "exportCsv"), emptyLabel: t(lang, "noRows"), sortLabel: (col: string) => t(lang, "sortBy", { col }) });

function SpofTable({ lang, index, onSpof }: { readonly lang: Lang; readonly index: GraphIndex; readonly onSpof: Props["onSpof"] }) {
  const crit = useAsync("criticality", fetchCriticality);
  return (
    <Loading state={crit} lang={lang}>
      {(d) => (
        <SortableTable
          caption={t(lang, "spofs")}
          columns={spofColumns(index, lang)}
          rows={spofRows(d.entries)}
          rowKey={(r) => `${r.product}>${r.spof}`}
          onRowClick={(r) => onSpof(r.product, r.spof)}
          initialSort={{ key: "product", desc: false }}
          csvName="chokepoint-spofs.csv"
          testId="table-spofs"
          {...common(lang)}
        />
      )}
    </Loading>
  );
}

function CriticalityTable({ lang, index, onFocus }: { readonly lang: Lang; readonly index: GraphIndex; readonly onFocus: (id: string) => void }) {
  const crit = useAsync("criticality", fetchCriticality);
  return (
    <Loading state={crit} lang={lang}>
      {(d) => (
        <>
          {d.entries.length >= TABLE_LIMIT && <p className="muted small">{t(lang, "tableLimited", { n: TABLE_LIMIT })}</p>}
          <SortableTable
            caption={t(lang, "criticality")}
            columns={criticalityColumns(index, lang)}
            rows={d.entries}
            rowKey={(r) => r.id}
            onRowClick={(r) => onFocus(r.id)}
            initialSort={{ key: d.weighted ? "value" : "count", desc: true }}
            csvName="chokepoint-criticality.csv"
            testId="table-criticality"
            {...common(lang)}
          />
        </>
      )}
    </Loading>
  );
}

function ConcentrationTable({ lang, index, onFocus }: { readonly lang: Lang; readonly index: GraphIndex; readonly onFocus: (id: string) => void }) {
  const conc = useAsync("concentration", fetchConcentration);
  return (
    <Loading state={conc} lang={lang}>
      {(rows) => (
        <SortableTable
          caption={t(lang, "concentration")}
          columns={concentrationColumns(index, lang)}
          rows={rows}
          rowKey={(r) => r.id}
          onRowClick={(r) => onFocus(r.id)}
          initialSort={{ key: "hhi", desc: true }}
          csvName="chokepoint-concentration.csv"
          testId="table-concentration"
          {...common(lang)}
        />
      )}
    </Loading>
  );
}

function GapsTable({ lang, index, onFocus }: { readonly lang: Lang; readonly index: GraphIndex; readonly onFocus: (id: string) => void }) {
  const gaps = useAsync("gaps", fetchGaps);
  return (
    <Loading state={gaps} lang={lang}>
      {(ids) => (
        <SortableTable
          caption={t(lang, "gaps")}
          columns={gapColumns(index, lang)}
          rows={ids.map((id) => ({ id }))}
          rowKey={(r) => r.id}
          onRowClick={(r) => onFocus(r.id)}
          initialSort={{ key: "dependents", desc: true }}
          csvName="chokepoint-mapping-gaps.csv"
          testId="table-gaps"
          {...common(lang)}
        />
      )}
    </Loading>
  );
}
