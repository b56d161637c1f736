import { badgeDataUri, badgeKey, BADGE_ORDER } from "../model/badges";
import { confidenceName, edgeName, flagName, kindName, t } from "../model/i18n";
import { RISK_STOPS } from "../model/risk-color";
import { CONFIDENCES, EDGE_KINDS, NODE_KINDS, type Lang } from "../model/types";
import { EDGE_COLOR, SCENARIO_COLOR } from "../map/stylesheet";
import { KindShape } from "./KindShape";

const gradient = `linear-gradient(to right, ${RISK_STOPS.map(([x, c]) => `${c} ${x * 100}%`).join(", ")})`;

function Line({ color, dash, width = 2 }: { readonly color: string; readonly dash?: string; readonly width?: number }) {
  return (
    <svg width="34" height="10" aria-hidden="true" focusable="false">
      <line x1="1" y1="5" x2="33" y2="5" stroke={color} strokeWidth={width} {...(dash && { strokeDasharray: dash })} />
    </svg>
  );
}

/** Explains every colour, shape, badge and line style the map uses, from the same constants. */
export function Legend({ lang }: { readonly lang: Lang }) {
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t(lang, "legend")}</h2>
      <h3>{t(lang, "riskColour")}</h3>
      <div className="risk-scale" style={{ background: gradient }} role="img" aria-label={`${t(lang, "riskColour")}: 0 ${t(lang, "low")} → 1 ${t(lang, "high")}`} />
      <div className="risk-scale-labels">
        <span>0 · {t(lang, "low")}</span>
        <span>0.5</span>
        <span>{t(lang, "high")} · 1</span>
      </div>
      <h3>{t(lang, "shapes")}</h3>
      <ul className="legend-list">
        {NODE_KINDS.map((k) => (
          <li key={k}>
            <KindShape kind={k} size={13} /> {kindName(lang, k)}
          </li>
        ))}
        <li>
          <KindShape kind="Component" size={13} fill="#e8edf3" dashed /> {t(lang, "ghost")}
        </li>
      </ul>
      <h3>{t(lang, "badges")}</h3>
      <ul className="legend-list">
        {BADGE_ORDER.map((f) => (
          <li key={f}>
            <img src={badgeDataUri(badgeKey([f]))} alt="" width={16} height={16} /> {flagName(lang, f)}
          </li>
        ))}
      </ul>
      <h3>{t(lang, "edges")}</h3>
      <ul className="legend-list">
        {EDGE_KINDS.map((k) => (
          <li key={k}>
            <Line color={EDGE_COLOR[k]} /> {edgeName(lang, k)}
          </li>
        ))}
        {CONFIDENCES.map((c) => (
          <li key={c}>
            <Line color="#4a5563" {...(c === "inferred" && { dash: "6 4" })} {...(c === "imported" && { dash: "1.5 3" })} /> {confidenceName(lang, c)}
          </li>
        ))}
      </ul>
      <h3>{t(lang, "scenarioColours")}</h3>
      <ul className="legend-list">
        <li>
          <KindShape kind="Component" size={13} fill={SCENARIO_COLOR.failed} stroke="#000" /> {t(lang, "failedNode")}
        </li>
        <li>
          <KindShape kind="Product" size={13} fill={SCENARIO_COLOR.disabled} stroke="#67000d" /> {t(lang, "disabledProduct")}
        </li>
        <li>
          <Line color={SCENARIO_COLOR.path} width={3.5} /> {t(lang, "explanationPath")}
        </li>
        <li>
          <Line color={SCENARIO_COLOR.proof} width={3.5} /> {t(lang, "proofPath")}
        </li>
      </ul>
    </section>
  );
}
