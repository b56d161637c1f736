import type { Core } from "cytoscape";

/**
 * Test hooks (read by tests/e2e): the page's Cytoscape instance and the first-paint figure. They
 * expose nothing the page's own scripts could not already reach.
 */
declare global {
  interface Window {
    __cy?: Core;
    /** The graph request index.html starts before the bundle runs (not a test hook). */
    __chokepointGraph?: Promise<Response>;
    __chokepoint?: {
      /** ms from navigation start until the first graph was laid out and drawn. */
      firstPaintMs?: number;
      renderer?: "canvas" | "webgl";
      /** The WebGL renderer string (tells a GPU from a CPU rasteriser). */
      gl?: string;
      /** ms spent in the last layout and the last patch. */
      layoutMs?: number;
      patchMs?: number;
    };
  }
}
