import type { TimeToSurvive } from "../model/analysis";
import { t } from "../model/i18n";
import type { Lang } from "../model/types";

/** Time to survive (inventory) against time to recover, where the data gives them. */
export function TimeBar({ time, lang }: { readonly time: TimeToSurvive; readonly lang: Lang }) {
  const { surviveDays, recoverDays, exposed, gapDays } = time;
  const scale = Math.max(surviveDays ?? 0, recoverDays ?? 0, 1);
  const days = (n: number | null) => (n === null ? t(lang, "unknownDays") : String(Math.round(n)));
  return (
    <div className="time" data-testid="time-to-survive">
      <div className="time-row">
        <span className="time-label">{t(lang, "survive", { n: days(surviveDays) })}</span>
        {surviveDays !== null && <span className="time-bar survive" style={{ width: `${(surviveDays / scale) * 100}%` }} />}
      </div>
      <div className="time-row">
        <span className="time-label">{t(lang, "recover", { n: days(recoverDays) })}</span>
        {recoverDays !== null && <span className="time-bar recover" style={{ width: `${(recoverDays / scale) * 100}%` }} />}
      </div>
      {exposed === true && <span className="tag tag-danger">{t(lang, "exposed", { n: Math.round(gapDays ?? 0) })}</span>}
    </div>
  );
}
