import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import type { Core } from "cytoscape";
import type { MapElement, MapScene } from "../model/elements";
import type { LayoutName } from "../model/view-state";
import { createCy, rendererFor, webglInfo, WEBGL_THRESHOLD, type RendererMode } from "./create-cy";
import { effectiveLayout, runLayout } from "./layout";
import { patchElements } from "./patch";
import { buildStylesheet } from "./stylesheet";

export interface MapLabels {
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly fit: string;
  readonly map: string;
}

interface Props {
  readonly scene: MapScene;
  readonly layout: LayoutName;
  readonly present: boolean;
  readonly labels: MapLabels;
  readonly onTapNode: (id: string | null) => void;
  readonly onDoubleTapNode: (id: string) => void;
  readonly onReady: (cy: Core | null) => void;
}

interface Hover {
  readonly text: string;
  readonly x: number;
  readonly y: number;
}

/**
 * The one imperative island (kiali's CytoscapeReactWrapper, react-cytoscapejs): Cytoscape is created
 * once and patched by diff; the layout reruns only when the set of elements or the layout choice
 * changes. The instance is recreated only to switch to the WebGL renderer when a view grows past
 * the threshold — never back, because Cytoscape's WebGL mode changes the canvas renderer's
 * prototype (CANVAS_LAYERS) for every later instance on the page.
 */
export function CytoscapeMap({ scene, layout, present, labels, onTapNode, onDoubleTapNode, onReady }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const mode = useRef<RendererMode>("canvas");
  const drawn = useRef<readonly MapElement[]>([]);
  const laidOut = useRef<string>("");
  const firstPaint = useRef(false);
  const presentRef = useRef(present);
  const largeRef = useRef(false);
  const callbacks = useRef({ onTapNode, onDoubleTapNode, onReady });
  const [hover, setHover] = useState<Hover | null>(null);

  useEffect(() => {
    callbacks.current = { onTapNode, onDoubleTapNode, onReady };
  }, [onTapNode, onDoubleTapNode, onReady]);

  useEffect(
    () => () => {
      cyRef.current?.destroy();
      cyRef.current = null;
      drawn.current = [];
      laidOut.current = "";
      callbacks.current.onReady(null);
    },
    [],
  );

  useLayoutEffect(() => {
    const el = container.current;
    if (!el) return;
    const drawnNodes = scene.elements.reduce((n, e) => n + (e.group === "nodes" ? 1 : 0), 0);
    const wanted = mode.current === "webgl" ? "webgl" : rendererFor(drawnNodes);
    const large = drawnNodes > WEBGL_THRESHOLD;
    let cy = cyRef.current;
    if (!cy || wanted !== mode.current) {
      cy?.destroy();
      mode.current = wanted;
      largeRef.current = large;
      cy = createCy(el, wanted, presentRef.current, large);
      bindEvents(cy, callbacks, setHover);
      cyRef.current = cy;
      drawn.current = [];
      laidOut.current = "";
      window.__cy = cy;
      window.__chokepoint = { ...window.__chokepoint, renderer: wanted, gl: webglInfo().renderer };
      callbacks.current.onReady(cy);
    }
    if (large !== largeRef.current) {
      largeRef.current = large;
      cy.style(buildStylesheet(presentRef.current, large));
    }
    performance.mark("chokepoint:patch");
    const patchStart = performance.now();
    const stats = patchElements(cy, drawn.current, scene.elements);
    window.__chokepoint = { ...window.__chokepoint, patchMs: performance.now() - patchStart };
    drawn.current = scene.elements;
    const layoutKey = effectiveLayout(layout, scene.nodeCount);
    if (stats.structureChanged || laidOut.current !== layoutKey) {
      laidOut.current = layoutKey;
      const target = cy;
      void runLayout(target, scene, layout).then(() => {
        if (!firstPaint.current && scene.nodeCount > 0 && !target.destroyed()) {
          firstPaint.current = true;
          markFirstPaint(target);
        }
      });
    }
  }, [scene, layout]);

  useEffect(() => {
    presentRef.current = present;
    const cy = cyRef.current;
    if (cy) cy.style(buildStylesheet(present, largeRef.current));
  }, [present]);

  useEffect(() => {
    const el = container.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => cyRef.current?.resize());
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const zoom = (factor: number) => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const cy = cyRef.current;
    if (!cy || e.target !== e.currentTarget) return;
    const pan: Record<string, [number, number]> = { ArrowLeft: [60, 0], ArrowRight: [-60, 0], ArrowUp: [0, 60], ArrowDown: [0, -60] };
    if (e.key in pan) cy.panBy({ x: pan[e.key]![0], y: pan[e.key]![1] });
    else if (e.key === "+" || e.key === "=") zoom(1.25);
    else if (e.key === "-") zoom(0.8);
    else if (e.key === "0") cy.fit(undefined, 40);
    else return;
    e.preventDefault();
  };

  return (
    <div className="map-wrap">
      <div ref={container} className="map" role="application" aria-label={labels.map} tabIndex={0} onKeyDown={onKeyDown} data-testid="map" />
      {hover && (
        <div className="map-tooltip" style={{ left: hover.x, top: hover.y }} role="tooltip">
          {hover.text}
        </div>
      )}
      <div className="zoom-controls">
        <button type="button" onClick={() => zoom(1.25)} aria-label={labels.zoomIn} title={labels.zoomIn}>
          +
        </button>
        <button type="button" onClick={() => zoom(0.8)} aria-label={labels.zoomOut} title={labels.zoomOut}>
          −
        </button>
        <button type="button" onClick={() => cyRef.current?.fit(undefined, 40)} aria-label={labels.fit} title={labels.fit}>
          ⤢
        </button>
      </div>
    </div>
  );
}

function bindEvents(cy: Core, callbacks: { readonly current: Pick<Props, "onTapNode" | "onDoubleTapNode"> }, setHover: (h: Hover | null) => void): void {
  cy.on("tap", "node", (e) => callbacks.current.onTapNode(e.target.id()));
  cy.on("tap", (e) => {
    if (e.target === cy) callbacks.current.onTapNode(null);
  });
  cy.on("dbltap", "node", (e) => callbacks.current.onDoubleTapNode(e.target.id()));
  cy.on("mouseover", "node", (e) => {
    const p = e.target.renderedPosition();
    setHover({ text: String(e.target.data("full")), x: p.x, y: p.y - e.target.renderedHeight() / 2 - 8 });
  });
  cy.on("mouseout", "node", () => setHover(null));
  cy.on("viewport", () => setHover(null));
}

/** First paint: Cytoscape draws in its own requestAnimationFrame callback, so the frame after the
 *  next one starts once the first laid-out graph has been drawn. (The WebGL mode emits no
 *  `render` event, so that cannot be used.) */
function markFirstPaint(cy: Core): void {
  cy.forceRender();
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      performance.mark("chokepoint:first-paint");
      window.__chokepoint = { ...window.__chokepoint, firstPaintMs: performance.now() };
    }),
  );
}
