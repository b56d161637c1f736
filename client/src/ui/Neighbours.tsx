import type { NodeDetail } from "../api/types";
import { confidenceName, t, type MessageKey } from "../model/i18n";
import type { EdgeKind, Lang } from "../model/types";
import { EvidenceList } from "./EvidenceList";
import { NodeButton } from "./NodeButton";

interface Props {
  readonly node: NodeDetail;
  readonly lang: Lang;
  readonly onSelect: (id: string) => void;
}

const OUT_SECTIONS: readonly [EdgeKind, MessageKey][] = [
  ["REQUIRES", "requires"],
  ["SOURCED_FROM", "sources"],
  ["LOCATED_IN", "locatedIn"],
  ["WITHIN", "within"],
];

/** What the node needs (each link with its own evidence) and who depends on it. */
export function Neighbours({ node, lang, onSelect }: Props) {
  return (
    <>
      {OUT_SECTIONS.map(([kind, title]) => {
        const edges = node.outgoing.filter((e) => e.kind === kind);
        if (edges.length === 0 && !(kind === "REQUIRES" && node.kind !== "Supplier" && node.kind !== "Region") && !(kind === "SOURCED_FROM" && node.kind !== "Supplier" && node.kind !== "Region")) return null;
        return (
          <section key={kind} className="panel-section" data-testid={`panel-${kind.toLowerCase()}`}>
            <h3>
              {t(lang, title)} ({edges.length})
            </h3>
            {edges.length === 0 && <p className="muted">{t(lang, "none")}</p>}
            <ul className="neighbours">
              {edges.map((e) => (
                <li key={`${e.kind}>${e.to}`}>
                  <NodeButton id={e.to} kind={e.toNode?.kind ?? null} name={e.toNode?.name ?? null} lang={lang} onSelect={onSelect} />
                  {e.group !== null && <span className="tag">{t(lang, "alternativeGroup", { g: e.group })}</span>}
                  {e.share !== null && <span className="tag">{t(lang, "share", { n: Math.round(e.share * 100) })}</span>}
                  <span className={`tag tag-${e.confidence}`}>{confidenceName(lang, e.confidence)}</span>
                  {e.evidence.length > 0 && (
                    <details>
                      <summary>
                        {t(lang, "evidence")} ({e.evidence.length})
                      </summary>
                      <EvidenceList evidence={e.evidence} lang={lang} />
                    </details>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <section className="panel-section" data-testid="panel-dependents">
        <h3>
          {t(lang, node.kind === "Region" ? "hosts" : node.kind === "Supplier" ? "suppliesTo" : "dependents")} ({node.incoming.length})
        </h3>
        {node.incoming.length === 0 && <p className="muted">{t(lang, "none")}</p>}
        <ul className="neighbours">
          {node.incoming.map((e) => (
            <li key={`${e.from}>${e.kind}`}>
              <NodeButton id={e.from} kind={e.fromNode?.kind ?? null} name={e.fromNode?.name ?? null} lang={lang} onSelect={onSelect} />
              <span className={`tag tag-${e.confidence}`}>{confidenceName(lang, e.confidence)}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
