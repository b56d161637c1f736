import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Core } from "cytoscape";
import { fetchScenario, fetchSpofs } from "./api/analysis";
import { loadGraph } from "./api/load-graph";
import { GRAPH_MAX_NODES } from "./api/queries";
import { useAsync, useStore } from "./app/hooks";
import type { Store } from "./app/store";
import * as A from "./model/actions";
import { toElements, type MapScene } from "./model/elements";
import { indexGraph } from "./model/graph-index";
import { t } from "./model/i18n";
import { nameIn } from "./model/labels";
import { buildOverlay, NO_OVERLAY, stepCount } from "./model/overlay";
import type { GraphData } from "./model/types";
import type { ViewState } from "./model/view-state";
import { CytoscapeMap } from "./map/CytoscapeMap";
import { mapPng, mapSvg } from "./map/export";
import { FORCE_LIMIT } from "./map/layout";
import { download } from "./ui/download";
import { FilterPanel } from "./ui/FilterPanel";
import { Header } from "./ui/Header";
import { Legend } from "./ui/Legend";
import { MapToolbar } from "./ui/MapToolbar";
import { NodePanel } from "./ui/NodePanel";
import { PresentationBar } from "./ui/PresentationBar";
import { ScenarioPanel } from "./ui/ScenarioPanel";
import { TablesDrawer } from "./ui/TablesDrawer";

const EMPTY_SCENE: MapScene = { elements: [], nodeCount: 0, refused: null };

export function App({ store, firstGraph }: { readonly store: Store<ViewState>; readonly firstGraph: Promise<GraphData> }) {
  const view = useStore(store);
  const act = useCallback((a: A.ViewAction) => store.update(a), [store]);
  const [attempt, setAttempt] = useState(0);
  const graph = useAsync(`graph:${attempt}`, () => (attempt === 0 ? firstGraph : loadGraph()));
  const index = useMemo(() => {
    if (graph.status !== "ok") return null;
    performance.mark("chokepoint:graph-loaded");
    return indexGraph(graph.data);
  }, [graph]);
  const scenario = useAsync(view.fail.length > 0 ? `scenario:${view.fail.join("\n")}` : null, () => fetchScenario(view.fail));
  const scenarioData = scenario.status === "ok" ? scenario.data : null;
  const steps = stepCount(scenarioData);
  const cy = useRef<Core | null>(null);
  const { lang } = view;

  const overlay = useMemo(() => (index ? buildOverlay(index, scenarioData, view.path, view.present ? view.step : null) : NO_OVERLAY), [index, scenarioData, view.path, view.present, view.step]);
  const scene = useMemo(
    () => (index ? toElements(index, view, overlay) : EMPTY_SCENE),
    // The scene depends on these fields of the view only; tables or presentation flags do not redraw it.
    [index, view.lang, view.focus, view.selected, view.filters, view.expanded, view.collapsed, overlay],
  );

  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.title = t(lang, "appTitle");
  }, [lang]);

  const onTapNode = useCallback((id: string | null) => act(A.selectNode(id)), [act]);
  const onDoubleTapNode = useCallback((id: string) => act(A.toggleExpand(id)), [act]);
  const onReady = useCallback((c: Core | null) => {
    cy.current = c;
  }, []);
  const onStep = useCallback((d: number) => act(A.stepBy(d, steps)), [act, steps]);
  const onExitPresent = useCallback(() => act(A.setPresent(false)), [act]);
  const onSpof = useCallback(
    (product: string, spof: string) => {
      act(A.focusNode(product));
      act(A.selectNode(spof));
      fetchSpofs(product).then(
        (s) => {
          const v = s.spofs.find((x) => x.id === spof);
          if (v) act(A.showPath(v.path));
        },
        () => undefined,
      );
    },
    [act],
  );

  if (graph.status === "error") {
    return (
      <div className="fatal" role="alert">
        <p>{t(lang, "loadFailed", { msg: graph.message })}</p>
        <button type="button" onClick={() => setAttempt(attempt + 1)}>
          {t(lang, "retry")}
        </button>
      </div>
    );
  }
  if (!index) return <div className="fatal" aria-busy="true">{t(lang, "loading")}</div>;

  const focusNode = view.focus !== null ? index.byId.get(view.focus) : undefined;
  const title = t(lang, "appTitle");
  return (
    <div className={view.present ? "app present" : "app"}>
      <a className="skip-link" href="#map-main">
        {t(lang, "skipToMap")}
      </a>
      {!view.present && (
        <Header
          lang={lang}
          layout={view.layout}
          forceAllowed={scene.nodeCount <= FORCE_LIMIT}
          tablesOpen={view.table !== null}
          canExport={scene.nodeCount > 0}
          onSearch={(hit) => act(A.focusNode(hit.id))}
          onLang={(l) => act(A.setLang(l))}
          onLayout={(l) => act(A.setLayout(l))}
          onTables={() => act(A.setTable(view.table === null ? "spofs" : null))}
          onPresent={() => act(A.setPresent(true))}
          onExportPng={() => cy.current && void mapPng(cy.current).then((b) => download(b, "chokepoint-risk-map.png"))}
          onExportSvg={() => cy.current && download(mapSvg(cy.current, title), "chokepoint-risk-map.svg")}
        />
      )}
      <div className="body">
        {!view.present && (
          <aside className="sidebar" aria-label={t(lang, "filters")}>
            <FilterPanel lang={lang} index={index} filters={view.filters} onChange={(f) => act(A.setFilters(f))} onReset={() => act(A.resetFilters)} />
            <Legend lang={lang} />
          </aside>
        )}
        <main className="center" id="map-main">
          {!view.present && (
            <MapToolbar
              lang={lang}
              shown={scene.nodeCount}
              total={index.data.nodes.length}
              focusName={focusNode ? nameIn(focusNode.name, lang, focusNode.id) : null}
              anyCollapsed={view.collapsed.length > 0}
              onClearFocus={() => act(A.clearFocus)}
              onCollapseAll={() => act(A.setCollapsed(index.data.nodes.filter((n) => n.kind === "Product").map((n) => n.id)))}
              onExpandAll={() => act(A.setCollapsed([]))}
            />
          )}
          {graph.status === "ok" && graph.data.truncated && <p className="banner">{t(lang, "truncatedGraph", { n: GRAPH_MAX_NODES })}</p>}
          <CytoscapeMap
            scene={scene}
            layout={view.layout}
            present={view.present}
            labels={{ zoomIn: "+", zoomOut: "−", fit: "⤢", map: title }}
            onTapNode={onTapNode}
            onDoubleTapNode={onDoubleTapNode}
            onReady={onReady}
          />
          {scene.refused && (
            <div className="refused" role="alert" data-testid="refused">
              {t(lang, "tooLarge", { n: scene.refused.count.toLocaleString(), limit: scene.refused.limit.toLocaleString() })}
            </div>
          )}
          {view.present && <PresentationBar lang={lang} index={index} scenario={scenarioData} step={view.step} steps={steps} onStep={onStep} onExit={onExitPresent} />}
        </main>
        {!view.present && (
          <aside className="panel" aria-label={t(lang, "whatIf")}>
            {view.selected !== null && (
              <NodePanel
                key={view.selected}
                id={view.selected}
                lang={lang}
                index={index}
                failing={view.fail.includes(view.selected)}
                expanded={view.expanded.includes(view.selected)}
                collapsed={view.collapsed.includes(view.selected)}
                onClose={() => act(A.selectNode(null))}
                onSelect={(id) => act(A.selectNode(id))}
                onFocus={(id) => act(A.focusNode(id))}
                onFail={(id) => act(A.failNode(id))}
                onRestore={(id) => act(A.restoreNode(id))}
                onExpand={(id) => act(A.toggleExpand(id))}
                onCollapse={(id) => act(A.toggleCollapse(id))}
                onShowPath={(p) => act(A.showPath(p))}
              />
            )}
            <ScenarioPanel
              lang={lang}
              index={index}
              fail={view.fail}
              scenario={scenario}
              onFail={(id) => act(A.failNode(id))}
              onRestore={(id) => act(A.restoreNode(id))}
              onClear={() => act(A.clearScenario)}
              onSelect={(id) => act(A.selectNode(id))}
            />
          </aside>
        )}
      </div>
      {!view.present && view.table !== null && (
        <TablesDrawer lang={lang} index={index} table={view.table} onTable={(tb) => act(A.setTable(tb))} onFocus={(id) => act(A.focusNode(id))} onSpof={onSpof} />
      )}
    </div>
  );
}
