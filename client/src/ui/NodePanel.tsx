import { Fragment } from "react";
import { fetchNode } from "../api/analysis";
import { useAsync } from "../app/hooks";
import type { GraphIndex } from "../model/graph-index";
import { categoryName, confidenceName, flagName, kindName, t } from "../model/i18n";
import { nameIn } from "../model/labels";
import { riskColor } from "../model/risk-color";
import type { Lang } from "../model/types";
import { EvidenceList } from "./EvidenceList";
import { KindShape } from "./KindShape";
import { Neighbours } from "./Neighbours";
import { RiskBreakdown } from "./RiskBreakdown";
import { SpofSection } from "./SpofSection";

export interface NodePanelActions {
  readonly onClose: () => void;
  readonly onSelect: (id: string) => void;
  readonly onFocus: (id: string) => void;
  readonly onFail: (id: string) => void;
  readonly onRestore: (id: string) => void;
  readonly onExpand: (id: string) => void;
  readonly onCollapse: (id: string) => void;
  readonly onShowPath: (path: readonly string[]) => void;
}

interface Props extends NodePanelActions {
  readonly id: string;
  readonly lang: Lang;
  readonly index: GraphIndex;
  readonly failing: boolean;
  readonly expanded: boolean;
  readonly collapsed: boolean;
}

/** Everything known about one node: names, flags, evidence, links, SPOF verdicts, risk breakdown. */
export function NodePanel(props: Props) {
  const { id, lang, index } = props;
  const detail = useAsync(`node:${id}`, () => fetchNode(id));
  if (detail.status === "loading" || detail.status === "idle") return <aside className="node-panel" aria-busy="true">{t(lang, "loading")}</aside>;
  if (detail.status === "error") return <aside className="node-panel" role="alert">{detail.message}</aside>;
  const node = detail.data;
  if (node === null) return <aside className="node-panel">{t(lang, "noMatches")}</aside>;
  const title = nameIn(node.name, lang, node.id);
  return (
    <section className="node-panel" aria-labelledby="node-panel-title" data-testid="node-panel">
      <div className="panel-head">
        <KindShape kind={node.kind} size={18} fill={riskColor(node.risk)} />
        <h2 id="node-panel-title" data-testid="node-panel-title">
          {title}
        </h2>
        <button type="button" className="icon-button" onClick={props.onClose} aria-label={t(lang, "close")} title={t(lang, "close")}>
          ×
        </button>
      </div>
      <dl className="facts">
        <dt>{t(lang, "nameZh")}</dt>
        <dd lang="zh" data-testid="name-zh">
          {node.name.zh ?? "—"}
        </dd>
        <dt>{t(lang, "nameEn")}</dt>
        <dd lang="en" data-testid="name-en">
          {node.name.en ?? "—"}
        </dd>
        <dt>{t(lang, "kind")}</dt>
        <dd>{kindName(lang, node.kind)}</dd>
        {node.category !== null && (
          <>
            <dt>{t(lang, "category")}</dt>
            <dd>{categoryName(lang, node.category)}</dd>
          </>
        )}
        <dt>{t(lang, "id")}</dt>
        <dd>
          <code>{node.id}</code>
        </dd>
        <dt>{t(lang, "confidence")}</dt>
        <dd>{confidenceName(lang, node.confidence)}</dd>
        {node.aliases.length > 0 && (
          <>
            <dt>{t(lang, "aliases")}</dt>
            <dd>{node.aliases.join(" · ")}</dd>
          </>
        )}
        {node.attrs.map((a) => (
          <Fragment key={a.key}>
            <dt>{a.key}</dt>
            <dd>{a.value}</dd>
          </Fragment>
        ))}
      </dl>
      {node.mappingGap && <p className="warning">{t(lang, "ghost")}</p>}
      <div className="panel-actions">
        <button type="button" onClick={() => props.onFocus(node.id)}>
          {t(lang, "focusHere")}
        </button>
        {props.failing ? (
          <button type="button" onClick={() => props.onRestore(node.id)}>
            {t(lang, "restoreThis")}
          </button>
        ) : (
          <button type="button" className="danger" onClick={() => props.onFail(node.id)} data-testid="fail-this">
            {t(lang, "failThis")}
          </button>
        )}
        <button type="button" onClick={() => props.onExpand(node.id)} aria-pressed={props.expanded}>
          {t(lang, props.expanded ? "unexpand" : "expand")}
        </button>
        <button type="button" onClick={() => props.onCollapse(node.id)} aria-pressed={props.collapsed}>
          {t(lang, props.collapsed ? "uncollapse" : "collapse")}
        </button>
      </div>
      {node.flags.length > 0 && (
        <section className="panel-section">
          <h3>{t(lang, "flag")}</h3>
          {node.flags.map((f) => (
            <div key={f.flag} className="flag-entry">
              <span className={`tag flag-${f.flag.toLowerCase()}`}>{flagName(lang, f.flag)}</span> <span className="muted small">{confidenceName(lang, f.confidence)}</span>
              <EvidenceList evidence={f.evidence} lang={lang} />
            </div>
          ))}
        </section>
      )}
      <section className="panel-section" data-testid="panel-evidence">
        <h3>{t(lang, "evidence")}</h3>
        <EvidenceList evidence={node.evidence} lang={lang} />
      </section>
      <Neighbours node={node} lang={lang} onSelect={props.onSelect} />
      {node.kind !== "Region" || node.spofOf > 0 ? (
        <section className="panel-section">
          <h3>{t(lang, "spofVerdicts")}</h3>
          <SpofSection id={node.id} kind={node.kind} lang={lang} index={index} onSelect={props.onSelect} onShowPath={props.onShowPath} />
        </section>
      ) : null}
      <section className="panel-section">
        <h3>{t(lang, "riskBreakdown")}</h3>
        <RiskBreakdown id={node.id} lang={lang} />
      </section>
    </section>
  );
}
