import type { GraphIndex } from "../model/graph-index";
import { categoryName, flagName, kindName, t } from "../model/i18n";
import { nameIn } from "../model/labels";
import { CATEGORIES, FLAGS, NODE_KINDS, type Lang } from "../model/types";
import type { Filters } from "../model/view-state";
import { filtersActive } from "../model/view-state";
import { KindShape } from "./KindShape";

interface Props {
  readonly lang: Lang;
  readonly index: GraphIndex;
  readonly filters: Filters;
  readonly onChange: (patch: Partial<Filters>) => void;
  readonly onReset: () => void;
}

function toggled<T>(list: readonly T[], x: T): T[] {
  return list.includes(x) ? list.filter((y) => y !== x) : [...list, x];
}

/** Filters by kind, category, region, flag and risk range; every control is a native input. */
export function FilterPanel({ lang, index, filters, onChange, onReset }: Props) {
  const present = new Set(index.data.nodes.map((n) => n.category).filter((c): c is string => c !== null));
  const categories = [...CATEGORIES.filter((c) => present.has(c)), ...[...present].filter((c) => !(CATEGORIES as readonly string[]).includes(c)).sort()];
  const regions = index.data.nodes.filter((n) => n.kind === "Region").sort((a, b) => nameIn(a.name, lang, a.id).localeCompare(nameIn(b.name, lang, b.id), lang));

  return (
    <section className="filters" aria-labelledby="filters-title">
      <div className="section-head">
        <h2 id="filters-title">{t(lang, "filters")}</h2>
        <button type="button" className="link-button" onClick={onReset} disabled={!filtersActive(filters)}>
          {t(lang, "resetFilters")}
        </button>
      </div>
      <fieldset>
        <legend>{t(lang, "kind")}</legend>
        {NODE_KINDS.map((k) => (
          <label key={k} className="check">
            <input type="checkbox" checked={filters.kinds.includes(k)} onChange={() => onChange({ kinds: toggled(filters.kinds, k) })} />
            <KindShape kind={k} size={11} /> {kindName(lang, k)}
          </label>
        ))}
      </fieldset>
      {categories.length > 0 && (
        <fieldset>
          <legend>{t(lang, "category")}</legend>
          {categories.map((c) => (
            <label key={c} className="check">
              <input type="checkbox" checked={filters.categories.includes(c)} onChange={() => onChange({ categories: toggled(filters.categories, c) })} />
              {categoryName(lang, c)}
            </label>
          ))}
        </fieldset>
      )}
      {regions.length > 0 && (
        <fieldset>
          <legend>{t(lang, "region")}</legend>
          <div className="scroll-list">
            {regions.map((r) => (
              <label key={r.id} className="check">
                <input type="checkbox" checked={filters.regions.includes(r.id)} onChange={() => onChange({ regions: toggled(filters.regions, r.id) })} />
                {nameIn(r.name, lang, r.id)}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <fieldset>
        <legend>{t(lang, "flag")}</legend>
        {FLAGS.map((f) => (
          <label key={f} className="check">
            <input type="checkbox" checked={filters.flags.includes(f)} onChange={() => onChange({ flags: toggled(filters.flags, f) })} />
            {flagName(lang, f)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>
          {t(lang, "riskRange")}: {filters.riskMin.toFixed(2)} – {filters.riskMax.toFixed(2)}
        </legend>
        <label className="range">
          <span>{t(lang, "riskMin")}</span>
          <input type="range" min={0} max={1} step={0.05} value={filters.riskMin} onChange={(e) => onChange({ riskMin: Number(e.target.value) })} />
        </label>
        <label className="range">
          <span>{t(lang, "riskMax")}</span>
          <input type="range" min={0} max={1} step={0.05} value={filters.riskMax} onChange={(e) => onChange({ riskMax: Number(e.target.value) })} />
        </label>
      </fieldset>
    </section>
  );
}
