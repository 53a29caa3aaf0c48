import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../scripts/browser/chromium.mjs';
import { siteFiles } from '../src/site-files.js';
import { buildSite, repoRoot, SITE_BUILD_TIMEOUT_MS, serveStatic } from './support/site.js';

// The docs site as a reader gets it: built from the repository, served as a static host serves it, and
// read in Chromium from the home page by following links, so a page nobody links to is a failure too.
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

let outDir: string;
let server: Server;
let origin: string;
let browser: Browser;
let context: BrowserContext;
/** Requests the pages made to anywhere but the site itself (the site must work with no third party). */
const offsite: string[] = [];

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'rp-docs-site-'));
  buildSite(outDir);
  ({ server, url: origin } = await serveStatic(outDir));
  browser = await launchChromium();
  context = await browser.newContext();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
    offsite.push(url);
    return route.abort();
  });
}, SITE_BUILD_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Every HTML file of the build, as its site path (`/docs/guides/index.html` is `/docs/guides/`). */
function builtPages(dir: string, folder = ''): string[] {
  return readdirSync(join(dir, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return builtPages(dir, path);
    if (!entry.name.endsWith('.html') || path === '/404.html') return [];
    return [path.replace(/(^|\/)index\.html$/, '$1')];
  });
}

/** The Redoc page renders after load; the other pages are VitePress's, whole once loaded. */
async function settle(page: Page, path: string): Promise<void> {
  if (path === '/api/') await page.locator('#redoc h1').first().waitFor({ timeout: 60_000 });
  // Images a page's script adds after load (Redoc's sidebar logo) are judged once they have finished,
  // loaded or failed: `complete` is true either way, and a failed one still has no natural width.
  await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete), null, {
    timeout: 30_000,
  });
}

interface Visit {
  status: number;
  ids: Set<string>;
  links: string[];
  brokenImages: string[];
  errors: string[];
  violations: { rule: string; impact: string | null | undefined; targets: string[] }[];
}

async function visit(page: Page, path: string): Promise<Visit> {
  const errors: string[] = [];
  const onError = (error: Error) => errors.push(error.message);
  page.on('pageerror', onError);
  const response = await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  await settle(page, path);
  const found = await page.evaluate(() => ({
    ids: Array.from(document.querySelectorAll('[id]'), (e) => e.id),
    links: Array.from(document.querySelectorAll('a[href]'), (a) => (a as HTMLAnchorElement).href),
    brokenImages: Array.from(document.images)
      .filter((i) => !i.complete || i.naturalWidth === 0)
      .map((i) => i.src),
  }));
  const axe = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  page.off('pageerror', onError);
  return {
    status: response?.status() ?? 0,
    ids: new Set(found.ids),
    links: found.links,
    brokenImages: found.brokenImages,
    errors,
    violations: axe.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(' ')),
    })),
  };
}

const isPage = (path: string) => path.endsWith('/') || path.endsWith('.html');

describe('the docs site', () => {
  const visits = new Map<string, Visit>();
  const files = new Map<string, number>();

  it(
    'every page loads, is reached by links from the home page, and axe finds no WCAG 2.2 AA violation',
    async () => {
      const page = await context.newPage();
      const queue = ['/'];
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        if (visits.has(path)) continue;
        const seen = await visit(page, path);
        visits.set(path, seen);
        for (const link of seen.links) {
          if (!link.startsWith(origin)) continue;
          const target = new URL(link);
          if (isPage(target.pathname)) {
            if (!visits.has(target.pathname)) queue.push(target.pathname);
          } else if (!files.has(target.pathname)) {
            files.set(target.pathname, (await context.request.get(link)).status());
          }
        }
      }
      const problems = [...visits].flatMap(([path, v]) => [
        ...(v.status === 200 ? [] : [`${path}: HTTP ${v.status}`]),
        ...v.errors.map((e) => `${path}: script error ${e}`),
        ...v.brokenImages.map((src) => `${path}: image ${src} did not load`),
        ...v.violations.map((x) => `${path}: axe ${x.rule} (${x.impact}) at ${x.targets.join(', ')}`),
      ]);
      expect(problems).toEqual([]);
      // Every page the build made is reachable by following links from the home page.
      expect([...visits.keys()].sort()).toEqual(expect.arrayContaining(builtPages(outDir).sort()));
      expect(offsite).toEqual([]);
    },
    SITE_BUILD_TIMEOUT_MS,
  );

  it('no internal link is broken: every linked file is served and every #fragment names an element', () => {
    expect(visits.size).toBeGreaterThan(50);
    const broken = [...files]
      .filter(([, status]) => status !== 200)
      .map(([path, status]) => `${path}: ${status}`);
    for (const [from, v] of visits) {
      for (const link of v.links) {
        if (!link.startsWith(origin)) continue;
        const target = new URL(link);
        const fragment = decodeURIComponent(target.hash.slice(1));
        if (!fragment || !isPage(target.pathname) || target.pathname === '/api/') continue;
        if (!visits.get(target.pathname)?.ids.has(fragment))
          broken.push(`${from} → ${target.pathname}#${fragment}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('has a page for every Markdown file of docs/ and spec/, under the path it has in the repository', () => {
    const markdown = [...siteFiles(repoRoot).pages].filter(
      (p) => p.startsWith('docs/') || p.startsWith('spec/'),
    );
    const expected = markdown.map(
      (p) => `/${p.replace(/(^|\/)README\.md$/, '$1').replace(/\.md$/, '.html')}`,
    );
    expect(expected.length).toBeGreaterThan(30);
    expect([...visits.keys()]).toEqual(expect.arrayContaining(expected));
  });

  it('serves each JSON Schema at the path of its $id, byte for byte the checked-in file', async () => {
    const { schemas } = siteFiles(repoRoot);
    expect(schemas.length).toBeGreaterThan(20);
    for (const schema of schemas) {
      expect(schema.id).toBe(`https://schemas.reuse-pref.org/${schema.path}`);
      const response = await context.request.get(`${origin}/${schema.path}`);
      expect(response.status(), schema.path).toBe(200);
      expect(await response.text()).toBe(readFileSync(schema.file, 'utf8'));
    }
  });

  it('renders the API reference from openapi.yaml, every operation of the contract', async () => {
    const contract = readFileSync(join(repoRoot, 'spec', 'v1', 'openapi.yaml'), 'utf8');
    const operationIds = [...contract.matchAll(/^ {6}operationId: (\S+)$/gm)].map((m) => m[1]!);
    expect(operationIds.length).toBeGreaterThan(10);
    const page = await context.newPage();
    await page.goto(`${origin}/api/`);
    await settle(page, '/api/');
    for (const id of operationIds) {
      expect(await page.locator(`[data-section-id$="operation/${id}"]`).count(), id).toBeGreaterThan(0);
    }
  });

  it('shows the public register read back from a release log made in the build', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/docs/site/register.html`);
    const rows = page.locator('.register-table tbody tr');
    expect(await rows.count()).toBe(4);
    const references = (await rows.locator('th').allTextContents()).map((t) => t.trim());
    expect(references).toEqual(['DS-2026-00417', 'DS-2026-00433', 'DS-2026-HO-0031', 'DS-2026-00451']);
    // The immigration request overrode objections under S2P4; the consent-based one excluded most pupils.
    const exemption = rows.nth(2).locator('td');
    expect((await exemption.nth(9).textContent())?.trim()).toMatch(/^S2P4: Data Protection Act 2018/);
    expect((await page.locator('.register-signature').textContent())?.trim()).toMatch(
      /^[A-Za-z0-9+/]{80,}={0,2}$/,
    );
  });

  it('finds a guide by searching, with no server behind the search', { timeout: 90_000 }, async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.locator('#local-search button').click();
    await page.locator('input.search-input').fill('upload NDJSON');
    const hit = page.locator('#localsearch-list a.result[href*="dfe-intake"]').first();
    await hit.waitFor({ timeout: 20_000 });
    await hit.click();
    await page.waitForURL(/\/docs\/guides\/dfe-intake\.html/);
    // The site swaps the page in place: wait for the guide's own heading.
    await page.locator('.vp-doc h1', { hasText: 'DfE census intake' }).waitFor();
  });
});
