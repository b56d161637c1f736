import cytoscape, { type Core } from "cytoscape";
import { buildStylesheet } from "./stylesheet";

/** Above this many drawn nodes Cytoscape's WebGL renderer takes over (DESIGN §7). */
export const WEBGL_THRESHOLD = 1000;

export type RendererMode = "canvas" | "webgl";

export interface WebglInfo {
  readonly available: boolean;
  /** The GL renderer string where the browser tells it (e.g. "ANGLE (…SwiftShader…)"). */
  readonly renderer: string;
  /** A CPU rasteriser (SwiftShader, llvmpipe): measured slower than Cytoscape's canvas renderer. */
  readonly software: boolean;
}

let webgl: WebglInfo | null = null;

/** Cytoscape throws if it cannot get a WebGL2 context, so check before asking for one. */
export function webglInfo(): WebglInfo {
  if (webgl === null) {
    try {
      const gl = document.createElement("canvas").getContext("webgl2");
      const ext = gl?.getExtension("WEBGL_debug_renderer_info");
      const renderer = gl ? String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)) : "";
      webgl = { available: gl !== null, renderer, software: /swiftshader|llvmpipe|softpipe|software/i.test(renderer) };
    } catch {
      webgl = { available: false, renderer: "", software: false };
    }
  }
  return webgl;
}

/**
 * WebGL above the threshold when the GPU is real. On a CPU rasteriser (headless CI, VMs without a
 * GPU) the WebGL mode was slower than the canvas renderer on the 5,000-node test (first paint and
 * every zoom step re-rasterise its texture atlases in software), so it stays on canvas there.
 * `?renderer=webgl|canvas` overrides, for comparisons.
 */
export function rendererFor(drawnNodes: number): RendererMode {
  const forced = new URLSearchParams(location.search).get("renderer");
  const info = webglInfo();
  if (forced === "canvas" || !info.available) return "canvas";
  if (forced === "webgl") return "webgl";
  return drawnNodes > WEBGL_THRESHOLD && !info.software ? "webgl" : "canvas";
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
    // Large views pan and zoom a cached bitmap of the map instead of redrawing thousands of elements.
    textureOnViewport: large,
    // The canvas renderer's WebGL mode (Cytoscape ≥ 3.31) for large views; top-level renderer
    // options are passed through to the renderer.
    webgl: mode === "webgl",
    webglTexSize: 2048,
    webglBatchSize: 2048,
  });
}
