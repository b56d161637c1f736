import type { Evidence } from "../api/types";
import { t } from "../model/i18n";
import { nameIn } from "../model/labels";
import type { Lang } from "../model/types";
import { SafeLink } from "./SafeLink";
import { Truncated } from "./Truncated";

const QUOTE_MAX = 280;
/** Characters of surrounding text shown on each side of a quote. */
const CONTEXT_SIDE = 160;

/**
 * Each piece of evidence as the analyst needs it to find the text again: the quote (in the
 * document's language, Chinese), the document's title and date, the line it starts on; or the
 * analyst's file and row; or the note explaining an inference.
 */
export function EvidenceList({ evidence, lang }: { readonly evidence: readonly Evidence[]; readonly lang: Lang }) {
  if (evidence.length === 0) return <p className="muted">{t(lang, "noEvidence")}</p>;
  return (
    <ul className="evidence">
      {evidence.map((e, i) => (
        <li key={i}>
          {e.quote !== null && (
            <figure className="quote" data-testid="evidence-quote">
              <blockquote lang="zh">
                <Truncated text={e.quote} max={QUOTE_MAX} more={t(lang, "showFull")} less={t(lang, "showLess")} />
              </blockquote>
              {e.context && (e.context.before !== "" || e.context.after !== "") && (
                <details className="quote-context" data-testid="evidence-context">
                  <summary>{t(lang, "inContext")}</summary>
                  <p lang="zh">
                    <span className="muted">…{e.context.before.slice(-CONTEXT_SIDE)}</span>
                    <mark>{e.quote}</mark>
                    <span className="muted">{e.context.after.slice(0, CONTEXT_SIDE)}…</span>
                  </p>
                </details>
              )}
              <figcaption>
                {e.document ? <cite data-testid="evidence-document">{nameIn(e.document.title, lang, e.document.id)}</cite> : e.doc !== null && <cite>{`${t(lang, "document")} ${e.doc}`}</cite>}
                {e.document?.date && <span className="muted"> · {e.document.date}</span>}
                {e.doc !== null && <span className="muted"> · {e.doc}</span>}
                {e.line !== null && <span className="muted"> · {t(lang, "line", { n: e.line })}</span>}
              </figcaption>
            </figure>
          )}
          {e.quote === null && e.doc !== null && (
            <p className="muted">
              {t(lang, "document")} {e.doc}
              {e.line !== null && ` · ${t(lang, "line", { n: e.line })}`}
            </p>
          )}
          {e.file !== null && (
            <p className="evidence-file">
              <SafeLink text={e.file} />
              {e.row !== null && <span className="muted"> · {t(lang, "row", { n: e.row })}</span>}
            </p>
          )}
          {e.note !== null && (
            <p className="evidence-note">
              <span className="muted">{t(lang, "note")}: </span>
              <Truncated text={e.note} max={QUOTE_MAX} more={t(lang, "showFull")} less={t(lang, "showLess")} />
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
