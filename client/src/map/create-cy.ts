import cytoscape, { type Core } from "cytoscape";
import { buildStylesheet } from "./stylesheet";

/** Above this many drawn nodes Cytoscape's WebGL renderer takes over (DESIGN §7). */
export const WEBGL_THRESHOLD = 1000;

export type RendererMode = "canvas" | "webgl";

let webglSupport: boolean | null = null;

/** Cytoscape throws if it cannot get a WebGL2 context, so check before asking for one. */
export function webglAvailable(): boolean {
  if (webglSupport === null) {
    try {
      webglSupport = document.createElement("canvas").getContext("webgl2") !== null;
    } catch {
      webglSupport = false;
    }
  }
  return webglSupport;
}

export function rendererFor(drawnNodes: number): RendererMode {
  if (new URLSearchParams(location.search).get("renderer") === "canvas") return "canvas";
  return drawnNodes > WEBGL_THRESHOLD && webglAvailable() ? "webgl" : "canvas";
}

export function createCy(container: HTMLElement, mode: RendererMode, present: boolean, large: boolean): Core {
  return cytoscape({
    container,
    style: buildStylesheet(present, large),
    minZoom: 0.02,
    maxZoom: 3,
    boxSelectionEnabled: false,
    autoungrabify: false,
    pixelRatio: 1,
    // The canvas renderer's WebGL mode (Cytoscape ≥ 3.31) for large views; top-level renderer
    // options are passed through to the renderer.
    webgl: mode === "webgl",
    webglTexSize: 2048,
    webglBatchSize: 2048,
  });
}
