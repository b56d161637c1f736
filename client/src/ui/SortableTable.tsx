import { useMemo, useState, type ReactNode } from "react";
import { toCsv, type Cell } from "../model/csv";
import { download } from "./download";

export interface Column<R> {
  readonly key: string;
  readonly header: string;
  /** The sort key and the CSV cell. */
  readonly value: (row: R) => string | number | boolean | null;
  readonly render?: (row: R) => ReactNode;
  readonly numeric?: boolean;
}

interface Props<R> {
  readonly caption: string;
  readonly columns: readonly Column<R>[];
  readonly rows: readonly R[];
  readonly rowKey: (row: R) => string;
  readonly onRowClick: (row: R) => void;
  readonly initialSort: { readonly key: string; readonly desc: boolean };
  readonly csvName: string;
  readonly exportLabel: string;
  readonly emptyLabel: string;
  readonly sortLabel: (col: string) => string;
  readonly testId: string;
}

function compare(a: string | number | boolean | null, b: string | number | boolean | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}

/** A table whose headers sort (aria-sort), whose rows focus the map, exportable as CSV. */
export function SortableTable<R>({ caption, columns, rows, rowKey, onRowClick, initialSort, csvName, exportLabel, emptyLabel, sortLabel, testId }: Props<R>) {
  const [sort, setSort] = useState(initialSort);
  const sorted = useMemo(() => {
    const col = columns.find((c) => c.key === sort.key) ?? columns[0]!;
    const out = [...rows].sort((a, b) => compare(col.value(a), col.value(b)));
    return sort.desc ? out.reverse() : out;
  }, [rows, columns, sort]);
  const exportCsv = () => {
    const csv = toCsv(
      columns.map((c) => c.header),
      sorted.map((r) => columns.map((c): Cell => c.value(r))),
    );
    download(new Blob([csv], { type: "text/csv;charset=utf-8" }), csvName);
  };
  return (
    <div className="table-wrap" data-testid={testId}>
      <div className="table-tools">
        <button type="button" onClick={exportCsv} data-testid={`${testId}-csv`}>
          {exportLabel}
        </button>
      </div>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.desc ? "descending" : "ascending") : "none"} className={c.numeric ? "num" : undefined}>
                <button type="button" className="sort-button" onClick={() => setSort({ key: c.key, desc: sort.key === c.key ? !sort.desc : !!c.numeric })} title={sortLabel(c.header)}>
                  {c.header}
                  <span aria-hidden="true">{sort.key === c.key ? (sort.desc ? " ▼" : " ▲") : ""}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="muted">
                {emptyLabel}
              </td>
            </tr>
          )}
          {sorted.map((r) => (
            <tr key={rowKey(r)} onClick={() => onRowClick(r)} className="clickable" data-row={rowKey(r)}>
              {columns.map((c, i) => (
                <td key={c.key} className={c.numeric ? "num" : undefined}>
                  {i === 0 ? (
                    <button
                      type="button"
                      className="row-button"
                      onClick={(e) => {
                        e.stopPropagation();
                        onRowClick(r);
                      }}
                    >
                      {c.render ? c.render(r) : String(c.value(r) ?? "")}
                    </button>
                  ) : c.render ? (
                    c.render(r)
                  ) : (
                    String(c.value(r) ?? "")
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
