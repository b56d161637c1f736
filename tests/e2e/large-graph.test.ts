import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage, requirePrerequisites, startServer, waitForMap, type E2eServer, type Hooks } from "./harness";
import { writeSyntheticGraph } from "./synthetic-graph";

/**
 * DESIGN §7: above ~1,000 nodes the map switches to Cytoscape's WebGL renderer (on a GPU; see
 * client/src/map/create-cy.ts for CPU rasterisers). A 5,000-node synthetic graph is drawn whole,
 * then panned and zoomed for 2 s while requestAnimationFrame intervals are recorded; the figures
 * are printed (a report, not a timed assertion: the machines are shared and their timings drift).
 */
const N = 5000;
let dir: string;
let server: E2eServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  requirePrerequisites();
  dir = mkdtempSync(path.join(os.tmpdir(), "chokepoint-e2e-5k-"));
  const file = path.join(dir, "synthetic.json");
  writeSyntheticGraph(file, N);
  server = await startServer({ CHOKEPOINT_SEED_FILE: file });
  browser = await launchBrowser();
  page = await newPage(browser, errors);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface FrameWindow {
  __frames?: number[];
  __recording?: boolean;
  requestAnimationFrame(cb: (t: number) => void): number;
}

describe(`${N.toLocaleString("en")}-node synthetic graph`, () => {
  it("is drawn whole, with the renderer chosen for the machine's GL", async () => {
    await page.goto(`${server.url}/?lang=en`);
    const firstPaint = await waitForMap(page, 150_000);
    const { count, renderer, gl, layoutMs, patchMs } = await page.evaluate(() => {
      const h = globalThis as unknown as Hooks;
      return { count: h.__cy!.nodes().length, renderer: h.__chokepoint!.renderer, gl: h.__chokepoint!.gl ?? "", layoutMs: h.__chokepoint!.layoutMs, patchMs: h.__chokepoint!.patchMs };
    });
    console.log(`first paint, ${count} nodes (${renderer} renderer; GL: ${gl || "none"}): ${Math.round(firstPaint)} ms; patch ${Math.round(patchMs ?? 0)} ms, layout ${Math.round(layoutMs ?? 0)} ms`);
    expect(count).toBe(N);
    // WebGL on a real GPU; Chromium's CPU rasteriser (--disable-gpu, headless CI) stays on canvas.
    const software = /swiftshader|llvmpipe|softpipe|software/i.test(gl);
    expect(renderer).toBe(gl !== "" && !software ? "webgl" : "canvas");
  }, 180_000);

  it("pans and zooms; frame times are reported", async () => {
    // Start from a quiet page: the first frames after a big draw still fill texture caches.
    await page.waitForFunction(
      () =>
        new Promise<boolean>((resolve) => {
          const w = globalThis as unknown as FrameWindow;
          const times: number[] = [];
          const tick = (t: number) => {
            times.push(t);
            if (times.length < 6) w.requestAnimationFrame(tick);
            else resolve(times.slice(1).every((x, i) => x - times[i]! < 60));
          };
          w.requestAnimationFrame(tick);
        }),
      undefined,
      { timeout: 60_000, polling: 500 },
    );
    const map = page.locator("[data-testid=map]");
    const box = (await map.boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const zoomBefore = await page.evaluate(() => (globalThis as unknown as Hooks).__cy!.zoom());
    await page.evaluate(() => {
      const w = globalThis as unknown as FrameWindow;
      w.__frames = [];
      w.__recording = true;
      const tick = (t: number) => {
        w.__frames!.push(t);
        if (w.__recording) w.requestAnimationFrame(tick);
      };
      w.requestAnimationFrame(tick);
    });
    const started = Date.now();
    await page.mouse.move(cx, cy);
    let gestures = 0;
    // Gestures for 2 s, but at least a fixed few, so a slow machine still gets measured.
    while (Date.now() - started < 2000 || gestures < 6) {
      if (gestures % 3 !== 2) {
        await page.mouse.wheel(0, gestures % 6 < 3 ? -150 : 120);
      } else {
        await page.mouse.down();
        await page.mouse.move(cx + 90 * Math.sin(gestures), cy + 60 * Math.cos(gestures), { steps: 5 });
        await page.mouse.up();
        await page.mouse.move(cx, cy);
      }
      gestures++;
    }
    const elapsed = Date.now() - started;
    const frames = await page.evaluate(() => {
      const w = globalThis as unknown as FrameWindow;
      w.__recording = false;
      return w.__frames!;
    });
    const intervals = frames
      .slice(1)
      .map((t, i) => t - frames[i]!)
      .sort((a, b) => a - b);
    const q = (p: number) => intervals[Math.min(intervals.length - 1, Math.floor(p * intervals.length))] ?? NaN;
    const zoomAfter = await page.evaluate(() => (globalThis as unknown as Hooks).__cy!.zoom());
    console.log(
      `frames while panning/zooming ${N} nodes (${gestures} gestures in ${elapsed} ms): ${intervals.length} frames, median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, longest ${q(1).toFixed(1)} ms`,
    );
    expect(intervals.length).toBeGreaterThan(1);
    expect(zoomAfter).not.toBe(zoomBefore);
    expect(errors).toEqual([]);
  }, 120_000);
});
