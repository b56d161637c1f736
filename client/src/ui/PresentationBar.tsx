import { useEffect } from "react";
import type { ScenarioResult } from "../model/analysis";
import type { GraphIndex } from "../model/graph-index";
import { t } from "../model/i18n";
import { nameIn } from "../model/labels";
import type { Lang } from "../model/types";

interface Props {
  readonly lang: Lang;
  readonly index: GraphIndex;
  readonly scenario: ScenarioResult | null;
  readonly step: number;
  readonly steps: number;
  readonly onStep: (delta: number) => void;
  readonly onExit: () => void;
}

/** Presentation mode's caption and controls: ←/→ step through the scenario, Esc leaves. */
export function PresentationBar({ lang, index, scenario, step, steps, onStep, onExit }: Props) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement | null)?.tagName === "INPUT") return;
      if (e.key === "ArrowRight" || e.key === "PageDown" || e.key === " ") onStep(1);
      else if (e.key === "ArrowLeft" || e.key === "PageUp") onStep(-1);
      else if (e.key === "Escape") onExit();
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onStep, onExit]);

  const name = (id: string) => {
    const n = index.byId.get(id);
    return n ? nameIn(n.name, lang, id) : id;
  };
  let caption: string;
  let detail: readonly string[] = [];
  if (scenario === null || scenario.failed.length === 0) caption = t(lang, "noScenario");
  else if (step === 0) caption = t(lang, "baseline");
  else if (step === 1) caption = t(lang, "stepFailed", { names: scenario.failed.map(name).join("、") });
  else {
    const d = scenario.disabled[step - 2]!;
    caption = t(lang, "stepDisabled", { name: name(d.id) });
    detail = d.steps.map((s) => s.text);
  }
  return (
    <div className="present-bar" role="region" aria-label={t(lang, "present")} data-testid="present-bar">
      <div className="present-caption" aria-live="polite">
        <strong>{caption}</strong>
        {detail.length > 0 && (
          <ol className="steps">
            {detail.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ol>
        )}
      </div>
      <div className="present-controls">
        <button type="button" onClick={() => onStep(-1)} disabled={step === 0}>
          ← {t(lang, "prev")}
        </button>
        <span>{t(lang, "presentStep", { n: step + 1, total: steps })}</span>
        <button type="button" onClick={() => onStep(1)} disabled={step >= steps - 1} data-testid="present-next">
          {t(lang, "next")} →
        </button>
        <button type="button" onClick={onExit}>
          {t(lang, "exitPresent")}
        </button>
      </div>
    </div>
  );
}
