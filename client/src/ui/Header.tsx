import type { SearchHit } from "../api/types";
import { t } from "../model/i18n";
import type { Lang } from "../model/types";
import type { LayoutName } from "../model/view-state";
import { FORCE_LIMIT } from "../map/layout";
import { SearchBox } from "./SearchBox";

interface Props {
  readonly lang: Lang;
  readonly layout: LayoutName;
  readonly forceAllowed: boolean;
  readonly tablesOpen: boolean;
  readonly canExport: boolean;
  readonly onSearch: (hit: SearchHit) => void;
  readonly onLang: (lang: Lang) => void;
  readonly onLayout: (layout: LayoutName) => void;
  readonly onTables: () => void;
  readonly onPresent: () => void;
  readonly onExportPng: () => void;
  readonly onExportSvg: () => void;
}

export function Header(p: Props) {
  const { lang } = p;
  return (
    <header className="app-header">
      <h1 className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◆
        </span>{" "}
        {t(lang, "appTitle")}
      </h1>
      <SearchBox lang={lang} label={t(lang, "searchLabel")} placeholder={`${t(lang, "searchPlaceholder")}  ( / )`} onPick={p.onSearch} testId="search" globalShortcut />
      <div className="header-tools">
        <div role="group" aria-label={t(lang, "layout")} className="segmented">
          <button type="button" aria-pressed={p.layout === "layered"} onClick={() => p.onLayout("layered")}>
            {t(lang, "layered")}
          </button>
          <button
            type="button"
            aria-pressed={p.layout === "force"}
            onClick={() => p.onLayout("force")}
            disabled={!p.forceAllowed}
            title={p.forceAllowed ? t(lang, "force") : t(lang, "forceTooMany", { n: FORCE_LIMIT })}
          >
            {t(lang, "force")}
          </button>
        </div>
        <div role="group" aria-label={t(lang, "language")} className="segmented">
          <button type="button" aria-pressed={lang === "zh"} onClick={() => p.onLang("zh")} lang="zh" data-testid="lang-zh">
            中文
          </button>
          <button type="button" aria-pressed={lang === "en"} onClick={() => p.onLang("en")} lang="en" data-testid="lang-en">
            English
          </button>
        </div>
        <button type="button" onClick={p.onExportPng} disabled={!p.canExport} data-testid="export-png">
          {t(lang, "exportPng")}
        </button>
        <button type="button" onClick={p.onExportSvg} disabled={!p.canExport} data-testid="export-svg">
          {t(lang, "exportSvg")}
        </button>
        <button type="button" aria-pressed={p.tablesOpen} onClick={p.onTables} data-testid="toggle-tables">
          {t(lang, "tables")}
        </button>
        <button type="button" onClick={p.onPresent} data-testid="present">
          {t(lang, "present")}
        </button>
      </div>
    </header>
  );
}
