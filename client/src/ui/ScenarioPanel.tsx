import type { Async } from "../app/hooks";
import type { ScenarioResult } from "../model/analysis";
import type { GraphIndex } from "../model/graph-index";
import { kindName, t } from "../model/i18n";
import { nameIn } from "../model/labels";
import type { Lang } from "../model/types";
import { NodeButton } from "./NodeButton";
import { SandboxForm } from "./SandboxForm";
import { SearchBox } from "./SearchBox";
import { TimeBar } from "./TimeBar";

interface Props {
  readonly lang: Lang;
  readonly index: GraphIndex;
  readonly fail: readonly string[];
  readonly scenario: Async<ScenarioResult>;
  readonly onFail: (id: string) => void;
  readonly onRestore: (id: string) => void;
  readonly onClear: () => void;
  readonly onSelect: (id: string) => void;
}

/** What-if: fail nodes or regions, see every disabled product with its explanation and time. */
export function ScenarioPanel({ lang, index, fail, scenario, onFail, onRestore, onClear, onSelect }: Props) {
  const regions = index.data.nodes.filter((n) => n.kind === "Region").sort((a, b) => nameIn(a.name, lang, a.id).localeCompare(nameIn(b.name, lang, b.id), lang));
  const name = (id: string) => {
    const n = index.byId.get(id);
    return n ? nameIn(n.name, lang, id) : id;
  };
  return (
    <section className="scenario" aria-labelledby="scenario-title" data-testid="scenario-panel">
      <div className="section-head">
        <h2 id="scenario-title">{t(lang, "whatIf")}</h2>
        <button type="button" className="link-button" onClick={onClear} disabled={fail.length === 0} data-testid="clear-scenario">
          {t(lang, "clearScenario")}
        </button>
      </div>
      <SearchBox lang={lang} label={t(lang, "failPicker")} placeholder={t(lang, "failPicker")} onPick={(h) => onFail(h.id)} testId="fail-picker" />
      <label className="inline-select">
        <span>{t(lang, "failRegion")}</span>
        <select
          value=""
          onChange={(e) => {
            if (e.target.value !== "") onFail(e.target.value);
          }}
          data-testid="fail-region"
        >
          <option value="">{t(lang, "chooseRegion")}</option>
          {regions.map((r) => (
            <option key={r.id} value={r.id} disabled={fail.includes(r.id)}>
              {nameIn(r.name, lang, r.id)}
            </option>
          ))}
        </select>
      </label>
      {fail.length > 0 && (
        <>
          <h3>{t(lang, "failed")}</h3>
          <ul className="chips">
            {fail.map((id) => (
              <li key={id} className="chip chip-failed">
                {name(id)}
                <button type="button" onClick={() => onRestore(id)} aria-label={`${t(lang, "restoreThis")}: ${name(id)}`}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {fail.length > 0 && scenario.status === "loading" && <p className="muted">{t(lang, "running")}</p>}
      {fail.length > 0 && scenario.status === "error" && <p role="alert">{scenario.message}</p>}
      {fail.length > 0 && scenario.status === "ok" && (
        <>
          <h3>{t(lang, "disabledProducts", { n: scenario.data.disabled.length })}</h3>
          {scenario.data.disabled.length === 0 && <p className="muted">{t(lang, "noDisabled")}</p>}
          <ul className="disabled-list" data-testid="disabled-products">
            {scenario.data.disabled.map((d) => (
              <li key={d.id} data-product={d.id}>
                <div className="verdict-head">
                  <NodeButton id={d.id} kind="Product" name={index.byId.get(d.id)?.name ?? null} lang={lang} onSelect={onSelect} />
                  {d.inferred && <span className="tag tag-inferred">{t(lang, "inferred")}</span>}
                </div>
                <p className="chain">{d.explanation.map(name).join(" ← ")}</p>
                <TimeBar time={d.time} lang={lang} />
              </li>
            ))}
          </ul>
          <p className="muted small">
            {t(lang, "unavailable")}: {scenario.data.unavailable.map((u) => `${kindName(lang, u.kind)} ${u.count}`).join(" · ")}
          </p>
        </>
      )}
      <SandboxForm lang={lang} index={index} fail={fail} scenario={scenario.status === "ok" ? scenario.data : null} />
    </section>
  );
}
