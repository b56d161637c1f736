import { fetchRisk } from "../api/analysis";
import { useAsync } from "../app/hooks";
import { t } from "../model/i18n";
import { riskColor } from "../model/risk-color";
import type { Lang } from "../model/types";

/** The risk score with every term that makes it up, never a bare number (DESIGN §2). */
export function RiskBreakdown({ id, lang }: { readonly id: string; readonly lang: Lang }) {
  const risk = useAsync(`risk:${id}`, () => fetchRisk(id));
  if (risk.status === "loading" || risk.status === "idle") return <p className="muted">{t(lang, "loading")}</p>;
  if (risk.status === "error") return <p role="alert">{risk.message}</p>;
  const { score, terms } = risk.data;
  return (
    <div className="risk-breakdown" data-testid="risk-breakdown">
      <p>
        <span className="risk-chip" style={{ background: riskColor(score) }} aria-hidden="true" /> {t(lang, "score")}: <strong>{score.toFixed(2)}</strong>
      </p>
      <table className="compact">
        <thead>
          <tr>
            <th scope="col">{t(lang, "term")}</th>
            <th scope="col" className="num">
              {t(lang, "value")}
            </th>
            <th scope="col" className="num">
              {t(lang, "weight")}
            </th>
            <th scope="col">{t(lang, "contribution")}</th>
          </tr>
        </thead>
        <tbody>
          {terms.map((term) => (
            <tr key={term.name}>
              <th scope="row" title={term.detail}>
                {term.name}
                <div className="muted small">{term.detail}</div>
              </th>
              <td className="num">{term.value.toFixed(2)}</td>
              <td className="num">{term.weight.toFixed(2)}</td>
              <td>
                <span className="bar" style={{ width: `${Math.round(Math.min(1, term.contribution) * 100)}%` }} />
                <span className="small">{term.contribution.toFixed(3)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
