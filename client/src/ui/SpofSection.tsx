import { fetchCriticality, fetchSpofs } from "../api/analysis";
import { useAsync } from "../app/hooks";
import type { SpofVerdict } from "../model/analysis";
import type { GraphIndex } from "../model/graph-index";
import { kindName, t } from "../model/i18n";
import type { Lang, NodeKind } from "../model/types";
import { NodeButton } from "./NodeButton";

interface Props {
  readonly id: string;
  readonly kind: NodeKind;
  readonly lang: Lang;
  readonly index: GraphIndex;
  readonly onSelect: (id: string) => void;
  readonly onShowPath: (path: readonly string[]) => void;
}

/** How many products' proofs the panel fetches for one node; the tables list them all. */
const MAX_PRODUCTS = 12;

/** A product's SPOFs with their proofs, or, for any other node, the products it is a SPOF of. */
export function SpofSection(props: Props) {
  return props.kind === "Product" ? <ProductSpofs {...props} /> : <SpofOf {...props} />;
}

function ProductSpofs({ id, lang, index, onSelect, onShowPath }: Props) {
  const spofs = useAsync(`spofs:${id}`, () => fetchSpofs(id));
  if (spofs.status !== "ok") return spofs.status === "error" ? <p role="alert">{spofs.message}</p> : <p className="muted">{t(lang, "loading")}</p>;
  const { spofs: verdicts, coverage } = spofs.data;
  return (
    <div data-testid="spof-verdicts">
      <p>{verdicts.length === 0 ? t(lang, "noSpofs") : t(lang, "spofsOfProduct", { n: verdicts.length })}</p>
      {coverage.gaps.length > 0 && <p className="warning">{t(lang, "coverageGaps", { n: coverage.gaps.length, items: coverage.items })}</p>}
      <ul className="verdicts">
        {verdicts.map((v) => (
          <Verdict key={v.id} verdict={v} subject={v.id} lang={lang} index={index} onSelect={onSelect} onShowPath={onShowPath} />
        ))}
      </ul>
    </div>
  );
}

function SpofOf({ id, lang, index, onSelect, onShowPath }: Props) {
  const crit = useAsync("criticality", fetchCriticality);
  if (crit.status !== "ok") return crit.status === "error" ? <p role="alert">{crit.message}</p> : <p className="muted">{t(lang, "loading")}</p>;
  const entry = crit.data.entries.find((e) => e.id === id);
  if (!entry || entry.products.length === 0) return <p className="muted">{t(lang, "notASpof")}</p>;
  return (
    <div data-testid="spof-verdicts">
      <p>{t(lang, "spofOfProducts", { n: entry.count })}</p>
      <ul className="verdicts">
        {entry.products.slice(0, MAX_PRODUCTS).map((p) => (
          <ProofFor key={p} product={p} spof={id} lang={lang} index={index} onSelect={onSelect} onShowPath={onShowPath} />
        ))}
      </ul>
    </div>
  );
}

function ProofFor({ product, spof, lang, index, onSelect, onShowPath }: { readonly product: string; readonly spof: string } & Omit<Props, "id" | "kind">) {
  const spofs = useAsync(`spofs:${product}`, () => fetchSpofs(product));
  const verdict = spofs.status === "ok" ? spofs.data.spofs.find((v) => v.id === spof) : undefined;
  if (!verdict) {
    const node = index.byId.get(product);
    return (
      <li>
        <NodeButton id={product} kind={node?.kind ?? null} name={node?.name ?? null} lang={lang} onSelect={onSelect} />
      </li>
    );
  }
  return <Verdict verdict={verdict} subject={product} lang={lang} index={index} onSelect={onSelect} onShowPath={onShowPath} />;
}

function Verdict({ verdict, subject, lang, index, onSelect, onShowPath }: { readonly verdict: SpofVerdict; readonly subject: string } & Omit<Props, "id" | "kind">) {
  const node = index.byId.get(subject);
  return (
    <li className="verdict">
      <div className="verdict-head">
        <NodeButton id={subject} kind={node?.kind ?? null} name={node?.name ?? null} lang={lang} onSelect={onSelect} />
        {subject === verdict.id && <span className="muted small">{kindName(lang, verdict.kind)}</span>}
        {verdict.inferred && <span className="tag tag-inferred">{t(lang, "inferred")}</span>}
        <button type="button" className="link-button" onClick={() => onShowPath(verdict.path)}>
          {t(lang, "showPath")}
        </button>
      </div>
      <ol className="steps">
        {verdict.steps.map((s, i) => (
          <li key={i} className={s.stated ? undefined : "inferred-step"}>
            {s.text}
          </li>
        ))}
      </ol>
    </li>
  );
}
