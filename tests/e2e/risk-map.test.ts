import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { downloadText, launchBrowser, newPage, nodeIds, REPO, requirePrerequisites, startServer, waitForMap, type E2eServer, type Hooks } from "./harness";

/**
 * The risk map in a real browser against the real server and the seed graph (embedded store):
 * first paint, search, panel, what-if, tables, language, shareable URLs, exports.
 */
let server: E2eServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];
let regionId: string;
let nodeCount: number;

beforeAll(async () => {
  requirePrerequisites();
  server = await startServer();
  browser = await launchBrowser();
  page = await newPage(browser, errors);
  const stats = await server.gql<{ stats: { nodeCount: number } }>("{ stats { nodeCount } }");
  nodeCount = stats.stats.nodeCount;
  const regions = await server.gql<{ nodes: { items: { id: string }[] } }>(`{ nodes(kind: Region, search: "欧美", first: 1) { items { id } } }`);
  regionId = regions.nodes.items[0]!.id;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function search(text: string, expected: string): Promise<void> {
  const input = page.locator("[data-testid=search] input");
  await input.fill(text);
  // An option, or the row that says there is none or why the search failed (reported as such).
  await page.locator("[data-testid=search] [role=option], [data-testid=search-status]").first().waitFor();
  expect(await page.locator("[data-testid=search-status]").allTextContents()).toEqual([]);
  await expect(page.locator("[data-testid=search] [role=option]").first().textContent()).resolves.toContain(expected);
  await input.press("Enter");
}

const focusOf = () => new URL(page.url()).searchParams.get("focus");

describe("risk map (seed graph)", () => {
  it("first load draws the whole graph and reports first paint", async () => {
    await page.goto(`${server.url}/?lang=en`);
    const firstPaint = await waitForMap(page);
    const drawn = await page.evaluate(() => (globalThis as unknown as Hooks).__cy!.nodes().length);
    const renderer = await page.evaluate(() => (globalThis as unknown as Hooks).__chokepoint!.renderer);
    console.log(`first paint, seed graph (${drawn} nodes, ${renderer} renderer): ${Math.round(firstPaint)} ms after navigation start`);
    expect(drawn).toBe(nodeCount);
    expect(await page.locator("[data-testid=showing]").textContent()).toBe(`Showing ${nodeCount} of ${nodeCount} nodes`);
  }, 60_000);

  it("search by Chinese and by English name focuses the node's dependency cone", async () => {
    await search("比例阀", "比例阀");
    await page.waitForFunction(() => (globalThis as unknown as Hooks).__cy!.getElementById("proportional-valve").hasClass("focus"));
    expect(focusOf()).toBe("proportional-valve");
    const cone = await nodeIds(page);
    expect(cone).toEqual(expect.arrayContaining(["proportional-valve", "invasive-ventilator"]));
    expect(cone.length).toBeLessThan(nodeCount);

    await page.locator("[data-testid=focus-chip] button").click();
    await page.waitForFunction((n) => (globalThis as unknown as Hooks).__cy!.nodes().length === n, nodeCount);
    await search("proportional valve", "Proportional valve");
    await page.waitForFunction(() => (globalThis as unknown as Hooks).__cy!.getElementById("proportional-valve").hasClass("focus"));
    expect(focusOf()).toBe("proportional-valve");
  });

  it("the panel shows names in both languages, evidence quotes with their documents", async () => {
    const panel = page.locator("[data-testid=node-panel]");
    await expect(panel.locator("[data-testid=node-panel-title]").textContent()).resolves.toBe("Proportional valve");
    await expect(panel.locator("[data-testid=name-zh]").textContent()).resolves.toBe("比例阀");
    const quote = panel.locator("[data-testid=panel-evidence] [data-testid=evidence-quote]").first();
    await quote.waitFor();
    expect(await quote.locator("blockquote").textContent()).toContain("比例阀");
    expect((await quote.locator("[data-testid=evidence-document]").textContent())?.trim().length).toBeGreaterThan(5);
    expect(await quote.locator("figcaption").textContent()).toMatch(/line \d+/);
    const context = quote.locator("[data-testid=evidence-context]");
    await context.locator("summary").click();
    const inContext = (await context.locator("p").textContent()) ?? "";
    expect(inContext).toContain((await quote.locator("blockquote").textContent())!.replace(/….*$/, "").slice(0, 10));
    expect(inContext.length).toBeGreaterThan(((await quote.locator("blockquote").textContent()) ?? "").length);
    await panel.locator("[data-testid=risk-breakdown]").waitFor();
  });

  it("failing Europe/North America disables the invasive ventilator and draws its path", async () => {
    await page.locator("[data-testid=focus-chip] button").click();
    await page.selectOption("[data-testid=fail-region]", regionId);
    await page.locator(`[data-testid=disabled-products] li[data-product="invasive-ventilator"]`).waitFor();
    await page.waitForFunction(() => (globalThis as unknown as Hooks).__cy!.getElementById("invasive-ventilator").hasClass("disabled"));
    const onPath = await page.evaluate(() => (globalThis as unknown as Hooks).__cy!.edges(".on-path").map((e) => e.id()));
    expect(onPath.some((id) => id.startsWith("invasive-ventilator>"))).toBe(true);
    expect(onPath.some((id) => id.endsWith(`>${regionId}`))).toBe(true);
    expect(await page.evaluate((r) => (globalThis as unknown as Hooks).__cy!.getElementById(r).hasClass("failed"), regionId)).toBe(true);
    expect(new URL(page.url()).searchParams.getAll("fail")).toEqual([regionId]);
    await expect(page.locator(`[data-testid=disabled-products] li[data-product="invasive-ventilator"] [data-testid=time-to-survive]`).count()).resolves.toBe(1);

    // The README screenshot: the ventilator's cone with the scenario drawn on it and its panel open.
    await search("invasive ventilator", "Invasive ventilator");
    await page.waitForFunction(() => (globalThis as unknown as Hooks).__cy!.getElementById("invasive-ventilator").hasClass("focus"));
    await page.locator("[data-testid=node-panel] [data-testid=spof-verdicts]").waitFor();
    await page.waitForTimeout(500);
    mkdirSync(path.join(REPO, "docs"), { recursive: true });
    await page.screenshot({ path: path.join(REPO, "docs", "risk-map.png") });
  });

  it("clear returns to the baseline", async () => {
    await page.locator("[data-testid=clear-scenario]").click();
    await page.waitForFunction(() => (globalThis as unknown as Hooks).__cy!.nodes(".disabled").length === 0 && (globalThis as unknown as Hooks).__cy!.edges(".on-path").length === 0);
    expect(new URL(page.url()).searchParams.getAll("fail")).toEqual([]);
  });

  it("the SPOF table lists entries and a row click focuses the map", async () => {
    await page.locator("[data-testid=toggle-tables]").click();
    await page.locator("[data-testid=tab-spofs]").click();
    const rows = page.locator("[data-testid=table-spofs] tbody tr.clickable");
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    const key = (await rows.first().getAttribute("data-row"))!;
    const [product, spof] = key.split(">") as [string, string];
    await rows.first().locator(".row-button").click();
    await page.waitForFunction((p) => (globalThis as unknown as Hooks).__cy!.getElementById(p).hasClass("focus"), product);
    expect(focusOf()).toBe(product);
    await page.waitForFunction((s) => (globalThis as unknown as Hooks).__cy!.getElementById(s).hasClass("proof"), spof);
  });

  it("CSV export of a table is non-empty, UTF-8 with BOM and formula-safe", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("[data-testid=table-spofs-csv]").click()]);
    expect(download.suggestedFilename()).toBe("chokepoint-spofs.csv");
    const bytes = await downloadText(download);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
    const rows = await page.locator("[data-testid=table-spofs] tbody tr.clickable").count();
    expect(lines[0]).toBe("Product,SPOF,Kind,Products,Risk");
    expect(lines.length).toBe(rows + 1);
    for (const line of lines) expect(line).not.toMatch(/(^|,)[=+\-@]/);
  });

  it("the zh/en toggle changes every label, on the map too", async () => {
    await page.locator("[data-testid=focus-chip] button").click();
    await page.waitForFunction((n) => (globalThis as unknown as Hooks).__cy!.nodes().length === n, nodeCount);
    await page.locator("[data-testid=lang-zh]").click();
    await page.waitForFunction(() => (globalThis as unknown as Hooks).__cy!.getElementById("proportional-valve").data("label") === "比例阀");
    expect(await page.locator("[data-testid=tab-spofs]").textContent()).toBe("单点故障");
    expect(await page.locator("[data-testid=toggle-tables]").textContent()).toBe("表格");
    await page.locator("[data-testid=lang-en]").click();
    await page.waitForFunction(() => (globalThis as unknown as Hooks).__cy!.getElementById("proportional-valve").data("label") === "Proportional valve");
    expect(await page.locator("[data-testid=toggle-tables]").textContent()).toBe("Tables");
  });

  it("a copied URL reopens the same view", async () => {
    await page.locator("[data-testid=lang-zh]").click();
    await page.locator("label.check", { hasText: "部件" }).locator("input").check();
    await page.selectOption("[data-testid=fail-region]", regionId);
    await page.locator(`[data-testid=disabled-products] li[data-product="invasive-ventilator"]`).waitFor();
    await page.waitForFunction(() => (globalThis as unknown as Hooks).__cy!.getElementById("invasive-ventilator").hasClass("disabled"));
    const url = page.url();
    const view = async (p: Page) =>
      p.evaluate(() =>
        (globalThis as unknown as Hooks)
          .__cy!.nodes()
          .map((n) => `${n.id()}|${String(n.data("label"))}|${["focus", "disabled", "failed", "on-path", "proof", "picked", "dim"].filter((c) => n.hasClass(c)).join(",")}`)
          .sort(),
      );
    const before = await view(page);
    const other = await newPage(browser, errors);
    await other.goto(url);
    await waitForMap(other);
    await other.waitForFunction(() => (globalThis as unknown as Hooks).__cy!.getElementById("invasive-ventilator").hasClass("disabled"));
    expect(await view(other)).toEqual(before);
    expect(await other.locator("[data-testid=lang-zh]").getAttribute("aria-pressed")).toBe("true");
    expect(await other.locator("label.check", { hasText: "部件" }).locator("input").isChecked()).toBe(true);
    expect(other.url()).toBe(url);
    await other.context().close();
  });

  it("PNG and SVG exports of the map are valid", async () => {
    const [png] = await Promise.all([page.waitForEvent("download"), page.locator("[data-testid=export-png]").click()]);
    const bytes = await downloadText(png);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.toString("ascii", 12, 16)).toBe("IHDR");
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(100);
    expect(bytes.readUInt32BE(20)).toBeGreaterThan(100);

    const [svg] = await Promise.all([page.waitForEvent("download"), page.locator("[data-testid=export-svg]").click()]);
    const text = (await downloadText(svg)).toString("utf8");
    expect(text.startsWith("<svg xmlns=")).toBe(true);
    const parsed = await page.evaluate((s) => {
      const doc = new (globalThis as unknown as { DOMParser: new () => { parseFromString(s: string, t: string): { querySelectorAll(q: string): { length: number } } } }).DOMParser().parseFromString(s, "image/svg+xml");
      return { errors: doc.querySelectorAll("parsererror").length, shapes: doc.querySelectorAll("g.nodes > g").length, scripts: doc.querySelectorAll("script").length };
    }, text);
    expect(parsed.errors).toBe(0);
    expect(parsed.scripts).toBe(0);
    expect(parsed.shapes).toBe(await page.evaluate(() => (globalThis as unknown as Hooks).__cy!.nodes().length));
  });

  it("a failed search says why, and the list stays open when focus comes back at once", async () => {
    const other = await newPage(browser, errors);
    await other.goto(`${server.url}/?lang=en`);
    await waitForMap(other);
    await other.route("**/graphql", async (route) => {
      const body = route.request().postData() ?? "";
      if (!body.includes("query Search")) return route.continue();
      if (body.includes("dropped")) return route.abort("connectionreset");
      if (body.includes("refused")) {
        const failed = { errors: [{ message: "the store is unavailable", extensions: { code: "STORE_UNAVAILABLE" } }] };
        return route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(failed) });
      }
      return route.continue();
    });
    const input = other.locator("[data-testid=search] input");
    const status = other.locator("[data-testid=search-status]");
    await input.fill("refused");
    await expect(status.textContent()).resolves.toBe("Search failed: the store is unavailable");
    await input.fill("dropped");
    await expect(status.textContent()).resolves.toMatch(/^Search failed: \S/);
    // Blur and refocus within the list's closing delay, then type: the list stays open.
    await input.evaluate((el) => {
      const box = el as unknown as { blur(): void; focus(): void };
      box.blur();
      box.focus();
    });
    await input.fill("比例阀");
    await other.waitForTimeout(400); // past the list's closing delay (150 ms), which used to close it here
    await expect(other.locator("[data-testid=search] [role=option]").first().textContent()).resolves.toContain("比例阀");
    expect(await status.count()).toBe(0);
    await other.context().close();
  });

  it("raised no page errors", () => {
    expect(errors).toEqual([]);
  });
});
