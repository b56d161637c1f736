import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { EDITOR_TOKEN, launchBrowser, newPage, REPO, requirePrerequisites, startServer, waitForMap, type E2eServer, type Hooks } from "./harness";
import { XSS_PAYLOADS } from "./xss-payloads";

/**
 * RELIABILITY.md "Browser": names, quotes, notes and file references imported through the API
 * render as text; no script runs, no dialog opens, and only https: references become links.
 */
let server: E2eServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];
const dialogs: string[] = [];
const ids = XSS_PAYLOADS.map((_, i) => `xss-${i}`);
/** The names as the store keeps them (it may normalise, e.g. drop bidi controls): the page must
 *  show exactly these. */
let stored: string[] = [];

const UPSERT_NODE = `mutation($n: NodeInput!) { upsertNode(node: $n) { version } }`;
const UPSERT_EDGE = `mutation($e: EdgeInput!) { upsertEdge(edge: $e) { version } }`;

beforeAll(async () => {
  requirePrerequisites();
  server = await startServer({ CHOKEPOINT_SEED_FILE: path.join(REPO, "seeds", "sample", "sample-graph.json") });
  for (const [i, payload] of XSS_PAYLOADS.entries()) {
    const evidence = [{ quote: payload, note: payload, file: i % 2 === 0 ? `javascript:window.__xss=1//${i}` : payload, row: i + 1 }];
    await server.gql(UPSERT_NODE, { n: { id: ids[i], kind: "Component", name: { zh: payload, en: payload }, aliases: [payload], evidence, flags: [{ flag: "POLICY_BOTTLENECK", evidence }] } }, EDITOR_TOKEN);
    await server.gql(UPSERT_EDGE, { e: { from: "invasive-ventilator", to: ids[i], kind: "REQUIRES", evidence } }, EDITOR_TOKEN);
  }
  await server.gql(UPSERT_NODE, { n: { id: "safe-link", kind: "Component", name: { en: "Safe link" }, evidence: [{ file: "https://example.org/supplier-list.csv", row: 3 }, { file: "http://example.org/plain.csv" }] } }, EDITOR_TOKEN);
  const names = await server.gql<{ nodes: { items: { id: string; name: { en: string } }[] } }>(`{ nodes(kind: Component, first: 500) { items { id name { en } } } }`);
  const byId = new Map(names.nodes.items.map((n) => [n.id, n.name.en]));
  stored = ids.map((id) => byId.get(id)!);
  browser = await launchBrowser();
  page = await newPage(browser, errors);
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const xssRan = (p: Page) => p.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss === 1);

async function injectedElements(p: Page): Promise<number> {
  return p.evaluate(() => {
    const d = (globalThis as unknown as { document: { querySelectorAll(q: string): { length: number } } }).document;
    return d.querySelectorAll("img[src='x'], iframe, object, embed, marquee, video, audio, x, isindex, keygen, [onerror], [onload], [onclick], [onfocus], [ontoggle], [onbegin], [onstart], body script:not([type=module]), a[href^='javascript'], a[href^='data'], a[href^='http:']").length;
  });
}

describe(`${XSS_PAYLOADS.length} XSS payloads in names, aliases, quotes, notes and file references`, () => {
  it("the map draws them as canvas labels without running anything", async () => {
    await page.goto(`${server.url}/?lang=en`);
    await waitForMap(page);
    const labels = await page.evaluate((list) => list.map((id) => String((globalThis as unknown as Hooks).__cy!.getElementById(id).data("full"))), ids);
    expect(labels).toEqual(stored);
    expect(stored.filter((s, i) => s !== XSS_PAYLOADS[i]).length).toBeLessThanOrEqual(1);
    expect(await xssRan(page)).toBe(false);
    expect(await injectedElements(page)).toBe(0);
  });

  it("every node panel shows the payloads as text", async () => {
    for (const [i, payload] of stored.entries()) {
      await page.evaluate((id) => {
        const g = globalThis as unknown as { history: { replaceState(a: null, b: string, c: string): void }; dispatchEvent(e: unknown): void; PopStateEvent: new (t: string) => unknown };
        g.history.replaceState(null, "", `?lang=en&sel=${encodeURIComponent(id)}`);
        g.dispatchEvent(new g.PopStateEvent("popstate"));
      }, ids[i]!);
      const panel = page.locator("[data-testid=node-panel]");
      await page.waitForFunction((text) => {
        const d = (globalThis as unknown as { document: { querySelector(q: string): { textContent: string | null } | null } }).document;
        return d.querySelector("[data-testid=node-panel-title]")?.textContent === text && d.querySelector("[data-testid=panel-evidence] blockquote") !== null;
      }, payload);
      expect(await panel.locator("[data-testid=name-en]").textContent()).toBe(payload);
      expect(await panel.locator("[data-testid=panel-evidence] blockquote").first().textContent()).toContain(payload.slice(0, 20));
      expect(await panel.locator("a").count()).toBe(0);
    }
    expect(await xssRan(page)).toBe(false);
    expect(await injectedElements(page)).toBe(0);
  }, 90_000);

  it("search results, tables and the product's panel render them as text", async () => {
    await page.locator("[data-testid=search] input").fill("onerror");
    await page.locator("[data-testid=search] [role=option]").first().waitFor();
    expect(await page.locator("[data-testid=search] [role=option] .hit-name").first().textContent()).toContain("onerror");
    await page.locator("[data-testid=search] input").fill("");
    await page.locator("[data-testid=toggle-tables]").click();
    await page.locator("[data-testid=tab-gaps]").click();
    await page.locator("[data-testid=table-gaps] tbody tr.clickable").first().waitFor();
    const cells = await page.locator("[data-testid=table-gaps] tbody tr .row-button").allTextContents();
    expect(cells).toEqual(expect.arrayContaining([stored[0], stored[1]]));
    await page.goto(`${server.url}/?lang=en&sel=invasive-ventilator`);
    await page.locator("[data-testid=panel-requires] ul.neighbours > li").nth(XSS_PAYLOADS.length).waitFor();
    expect(await xssRan(page)).toBe(false);
    expect(await injectedElements(page)).toBe(0);
  });

  it("only https: file references become links", async () => {
    await page.goto(`${server.url}/?lang=en&sel=safe-link`);
    await page.locator("[data-testid=node-panel] .evidence-file").nth(1).waitFor();
    const links = await page.locator("[data-testid=node-panel] a").evaluateAll((as) => as.map((a) => (a as unknown as { href: string; rel: string }).href + " " + (a as unknown as { rel: string }).rel));
    expect(links).toEqual(["https://example.org/supplier-list.csv noopener noreferrer nofollow"]);
  });

  it("no dialog opened and no script ran", async () => {
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(await xssRan(page)).toBe(false);
  });
});
