import { t } from "../model/i18n";
import type { Lang } from "../model/types";

interface Props {
  readonly lang: Lang;
  readonly shown: number;
  readonly total: number;
  readonly focusName: string | null;
  readonly anyCollapsed: boolean;
  readonly onClearFocus: () => void;
  readonly onCollapseAll: () => void;
  readonly onExpandAll: () => void;
}

/** Above the map: how much of the graph is drawn, the focus, and collapse/expand for big views. */
export function MapToolbar({ lang, shown, total, focusName, anyCollapsed, onClearFocus, onCollapseAll, onExpandAll }: Props) {
  return (
    <div className="map-toolbar">
      <span data-testid="showing" aria-live="polite">
        {t(lang, "showing", { n: shown, total })}
      </span>
      {focusName !== null && (
        <span className="chip chip-focus" data-testid="focus-chip">
          {t(lang, "focusOn", { name: focusName })}
          <button type="button" onClick={onClearFocus} aria-label={t(lang, "clearFocus")} title={t(lang, "clearFocus")}>
            ×
          </button>
        </span>
      )}
      <span className="spacer" />
      <button type="button" className="link-button" onClick={onCollapseAll}>
        {t(lang, "collapseAll")}
      </button>
      <button type="button" className="link-button" onClick={onExpandAll} disabled={!anyCollapsed}>
        {t(lang, "expandAll")}
      </button>
      <span className="muted small hint">{t(lang, "selectHint")}</span>
    </div>
  );
}
