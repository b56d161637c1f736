import { useState, type FormEvent } from "react";
import { fetchSandbox } from "../api/analysis";
import type { AlternateSource, SandboxResult, ScenarioResult } from "../model/analysis";
import type { GraphIndex } from "../model/graph-index";
import { t } from "../model/i18n";
import { nameIn } from "../model/labels";
import { ITEM_KINDS, type Lang, type MapNode } from "../model/types";

interface Props {
  readonly lang: Lang;
  readonly index: GraphIndex;
  readonly fail: readonly string[];
  readonly scenario: ScenarioResult | null;
}

const MAX_OPTIONS = 400;

/**
 * The API's mitigation sandbox: "what if this item had another source?" — answered on a private
 * copy (removed and added SPOFs, and the scenario re-run), never written to the store.
 */
export function SandboxForm(props: Props) {
  const [open, setOpen] = useState(false);
  // The form lists hundreds of options; it is built only once the analyst opens it.
  return (
    <details className="sandbox" data-testid="sandbox" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t(props.lang, "sandbox")}</summary>
      {open && <SandboxBody {...props} />}
    </details>
  );
}

function SandboxBody({ lang, index, fail, scenario }: Props) {
  const [alternates, setAlternates] = useState<readonly AlternateSource[]>([]);
  const [item, setItem] = useState("");
  const [source, setSource] = useState("");
  const [region, setRegion] = useState("");
  const [share, setShare] = useState("");
  const [result, setResult] = useState<SandboxResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const label = (n: MapNode) => nameIn(n.name, lang, n.id);
  const byName = (a: MapNode, b: MapNode) => label(a).localeCompare(label(b), lang);
  const onPath = new Set(scenario?.disabled.flatMap((d) => d.explanation) ?? []);
  const items = index.data.nodes
    .filter((n) => ITEM_KINDS.includes(n.kind) && (onPath.size > 0 ? onPath.has(n.id) : n.spofOf > 0 || n.risk >= 0.3))
    .sort(byName)
    .slice(0, MAX_OPTIONS);
  const sources = index.data.nodes.filter((n) => n.kind === "Supplier" || n.kind === "Region").sort(byName).slice(0, MAX_OPTIONS);
  const regions = index.data.nodes.filter((n) => n.kind === "Region").sort(byName);
  const name = (id: string) => {
    const n = index.byId.get(id);
    return n ? label(n) : id;
  };

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (item === "" || (source === "" && region === "")) return;
    const s = Number(share);
    const alt: AlternateSource = { item, ...(source !== "" ? { source } : { region }), ...(share !== "" && Number.isFinite(s) && s > 0 && s <= 1 && { share: s }) };
    setAlternates([...alternates, alt]);
    setSource("");
    setRegion("");
    setShare("");
  };
  const run = () => {
    setBusy(true);
    setError(null);
    fetchSandbox(fail, alternates).then(
      (r) => {
        setResult(r);
        setBusy(false);
      },
      (e: unknown) => {
        setError(e instanceof Error ? e.message : String(e));
        setBusy(false);
      },
    );
  };

  return (
    <>
      <p className="muted small">{t(lang, "sandboxNote")}</p>
      <form onSubmit={add} className="sandbox-form">
        <NodeSelect caption={t(lang, "sandboxItem")} choose={t(lang, "choose")} options={items} label={label} value={item} onChange={setItem} required />
        <NodeSelect
          caption={t(lang, "sandboxSource")}
          choose={t(lang, "choose")}
          options={sources}
          label={label}
          value={source}
          onChange={(v) => {
            setSource(v);
            if (v !== "") setRegion("");
          }}
        />
        <NodeSelect
          caption={t(lang, "sandboxNewIn")}
          choose={t(lang, "choose")}
          options={regions}
          label={label}
          value={region}
          onChange={(v) => {
            setRegion(v);
            if (v !== "") setSource("");
          }}
        />
        <label>
          <span>{t(lang, "sandboxShare")}</span>
          <input type="number" min={0} max={1} step={0.05} value={share} onChange={(e) => setShare(e.target.value)} />
        </label>
        <button type="submit" disabled={item === "" || (source === "" && region === "")}>
          +
        </button>
      </form>
      {alternates.length > 0 && (
        <ul className="chips">
          {alternates.map((a, i) => (
            <li key={i} className="chip">
              {name(a.item)} ← {a.source !== undefined ? name(a.source) : `+ ${name(a.region ?? "")}`}
              <button type="button" onClick={() => setAlternates(alternates.filter((_, j) => j !== i))} aria-label={t(lang, "sandboxReset")}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="panel-actions">
        <button type="button" onClick={run} disabled={alternates.length === 0 || busy}>
          {busy ? t(lang, "running") : t(lang, "sandboxRun")}
        </button>
        <button
          type="button"
          onClick={() => {
            setAlternates([]);
            setResult(null);
          }}
          disabled={alternates.length === 0 && result === null}
        >
          {t(lang, "sandboxReset")}
        </button>
      </div>
      {error !== null && <p role="alert">{error}</p>}
      {result && (
        <div className="sandbox-result" data-testid="sandbox-result">
          <h4>{t(lang, "sandboxRemoved")}</h4>
          <ul>{result.removedSpofs.length === 0 ? <li className="muted">{t(lang, "none")}</li> : result.removedSpofs.map((c) => <li key={`${c.product}>${c.spof}`}>{`${name(c.product)}: ${name(c.spof)}`}</li>)}</ul>
          <h4>{t(lang, "sandboxAdded")}</h4>
          <ul>{result.addedSpofs.length === 0 ? <li className="muted">{t(lang, "none")}</li> : result.addedSpofs.map((c) => <li key={`${c.product}>${c.spof}`}>{`${name(c.product)}: ${name(c.spof)}`}</li>)}</ul>
          {result.scenario && (
            <>
              <h4>{t(lang, "sandboxStill")}</h4>
              <ul>{result.scenario.disabled.length === 0 ? <li className="muted">{t(lang, "none")}</li> : result.scenario.disabled.map((d) => <li key={d.id}>{name(d.id)}</li>)}</ul>
            </>
          )}
        </div>
      )}
    </>
  );
}

/** A labelled drop-down of nodes, with an empty "choose" entry first. */
function NodeSelect(props: {
  readonly caption: string;
  readonly choose: string;
  readonly options: readonly MapNode[];
  readonly label: (n: MapNode) => string;
  readonly value: string;
  readonly onChange: (id: string) => void;
  readonly required?: boolean;
}) {
  return (
    <label>
      <span>{props.caption}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)} required={props.required}>
        <option value="">{props.choose}</option>
        {props.options.map((n) => (
          <option key={n.id} value={n.id}>
            {props.label(n)}
          </option>
        ))}
      </select>
    </label>
  );
}
