import "reflect-metadata";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Download, type Page } from "playwright-core";
import { openStore, readConfig, startApp } from "../../server/src/main";

/**
 * Browser tests drive Debian's chromium (no browser download) against the real server: embedded
 * store in a temp directory, the built client at `/`. Flags as in shared/STACK.md: without the
 * networking ones Chromium floods a closed network with refused connections.
 */
export const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];
export const REPO = path.resolve(__dirname, "..", "..");
export const EDITOR_TOKEN = "e2e-editor-token-0123456789";

export function requirePrerequisites(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`e2e: ${CHROMIUM} is missing. Install it with \`apt-get install -y chromium\` (CI does this before npm test).`);
  if (!existsSync(path.join(REPO, "client", "dist", "index.html"))) throw new Error("e2e: client/dist is missing. Run `npm run build` (npm test does) before the browser tests.");
}

export interface E2eServer {
  readonly url: string;
  gql<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  stop(): Promise<void>;
}

/** The real app in-process on a free port; `env` can point CHOKEPOINT_SEED_FILE elsewhere. */
export async function startServer(env: Record<string, string> = {}): Promise<E2eServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chokepoint-e2e-"));
  const config = readConfig({ PORT: "0", CHOKEPOINT_DATA_DIR: dir, CHOKEPOINT_EDITOR_TOKENS: EDITOR_TOKEN, ...env });
  const store = await openStore(config);
  const app = await startApp(config, store);
  return {
    url: app.url,
    async gql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
      const res = await fetch(`${app.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token !== undefined && { authorization: `Bearer ${token}` }) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
      if (body.errors?.length) throw new Error(`GraphQL: ${body.errors[0]!.message}`);
      return body.data as T;
    },
    async stop() {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export async function newPage(browser: Browser, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, locale: "en-US" });
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  return page;
}

/** Waits until the map has drawn its first graph, and returns the first-paint mark (ms). */
export async function waitForMap(page: Page, timeout = 30_000): Promise<number> {
  await page.waitForFunction(() => (globalThis as unknown as Hooks).__chokepoint?.firstPaintMs !== undefined, undefined, { timeout });
  return page.evaluate(() => (globalThis as unknown as Hooks).__chokepoint!.firstPaintMs!);
}

/** What the page exposes for tests (client/src/types/test-hooks.d.ts), typed without the DOM lib. */
export interface CyElement {
  id(): string;
  data(key: string): unknown;
  hasClass(c: string): boolean;
}
export interface CyCollection {
  length: number;
  map<T>(f: (e: CyElement) => T): T[];
  filter(f: (e: CyElement) => boolean): CyCollection;
}
export interface Hooks {
  __cy?: { nodes(sel?: string): CyCollection; edges(sel?: string): CyCollection; getElementById(id: string): CyElement & { length: number }; zoom(): number };
  __chokepoint?: { firstPaintMs?: number; renderer?: string; gl?: string; layoutMs?: number; patchMs?: number };
}

export async function nodeIds(page: Page, selector = "node"): Promise<string[]> {
  return page.evaluate((sel) => (globalThis as unknown as Hooks).__cy!.nodes(sel).map((n) => n.id()).sort(), selector);
}

export async function downloadText(download: Download): Promise<Buffer> {
  const file = await download.path();
  return readFileSync(file);
}
