// Benchmark "form" (issue 14): the family's form against a plain HTML form of the same fields and words,
// in Debian's Chromium with the CPU throttled 4x (CDP Emulation.setCPUThrottlingRate), in the same run.
// Figures: the JavaScript a page loads before it is interactive, and by the first submit (gzip -9 of the
// browser build's files), and time to interactive: DOMContentLoaded (module scripts run before it, and
// the element renders when its script defines it) or the element's ready mark, whichever is later.
// Each page is loaded N times (--records, default 9) in fresh contexts, alternating; medians are reported.
// Targets: form JS before interactive <= 20 KB gzip; by the first submit <= 100 KB; time to interactive
// <= 2.0x the plain form's; the first submit (validator loaded and compiled) <= 1.5 s at 4x.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../browser/chromium.mjs';
import { elementPage, plainPage } from './form/pages.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const BUILD = join(here, '..', '..', 'packages', 'form', 'dist', 'browser');
const ENTRY = 'reuse-preference-form.js';
const THROTTLE = 4;
const MAX_INITIAL_KB = 20;
const MAX_SUBMIT_KB = 100;
const MAX_TTI_RATIO = 2.0;
const MAX_FIRST_SUBMIT_MS = 1500;

export const description = `the form vs a plain HTML form, Chromium at ${THROTTLE}x CPU throttle (JS <= ${MAX_INITIAL_KB} KB gzip, TTI <= ${MAX_TTI_RATIO}x)`;
export const defaultRecords = 9;

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );
}

/** The files a page loads before it is interactive: the entry and its static imports, transitively. */
function staticClosure(entry) {
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    const code = readFileSync(path, 'utf8');
    for (const m of code.matchAll(/(?:^|[;}])\s*import\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/g)) {
      visit(join(dirname(path), m[1]));
    }
  };
  visit(entry);
  return [...seen];
}

function serve(pages) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (pages[url.pathname]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(pages[url.pathname]);
    }
    if (url.pathname.startsWith('/assets/')) {
      try {
        const body = readFileSync(join(BUILD, url.pathname.slice('/assets/'.length)));
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        return res.end(body);
      } catch {}
    }
    res.writeHead(404);
    res.end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function load(browser, url, { submit }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.goto(url, { waitUntil: 'load' });
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const ready = performance.getEntriesByName('reuse-preference-form:ready')[0];
    return { dcl: nav.domContentLoadedEventEnd, ready: ready?.startTime };
  });
  let firstSubmit;
  if (submit) {
    firstSubmit = await page.evaluate(async () => {
      const el = document.querySelector('reuse-preference-form');
      const root = el.shadowRoot;
      root.querySelector('#who-0').click();
      root.querySelector('#purpose-LINK-OBJT').click();
      const handed = new Promise((resolve) =>
        el.addEventListener('reuse-preference-statement', (e) => {
          e.preventDefault();
          resolve(performance.now());
        }),
      );
      const started = performance.now();
      root.querySelector('#submit').click();
      // A statement the validator refused would never be handed over: say so rather than wait forever.
      const refused = new Promise((_, reject) =>
        setTimeout(
          () => reject(new Error(root.querySelector('.error-summary')?.textContent ?? 'no statement')),
          20_000,
        ),
      );
      return (await Promise.race([handed, refused])) - started;
    });
  }
  await context.close();
  return { tti: Math.max(timing.dcl, timing.ready ?? 0), ready: timing.ready, firstSubmit };
}

export async function run({ records, log }) {
  let entry;
  try {
    entry = statSync(join(BUILD, ENTRY)) && join(BUILD, ENTRY);
  } catch {
    throw new Error(`no browser build at ${BUILD}: run pnpm build first`);
  }
  const initial = staticClosure(entry);
  const all = files(BUILD);
  const initialGz = initial.reduce((n, f) => n + gz(readFileSync(f)), 0);
  const allGz = all.reduce((n, f) => n + gz(readFileSync(f)), 0);
  const element = elementPage();
  const plain = plainPage();
  log(
    `form build: ${initial.map((f) => relative(BUILD, f)).join(', ')} before interactive; ${all.length} files in all`,
  );

  const server = await serve({ '/element': element, '/plain': plain });
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium();
  const runs = { element: [], plain: [] };
  try {
    // One warm-up load of each, not counted: the first launch of a page pays for Chromium's own start.
    await load(browser, `${base}/element`, { submit: false });
    await load(browser, `${base}/plain`, { submit: false });
    for (let i = 0; i < records; i++) {
      runs.element.push(await load(browser, `${base}/element`, { submit: true }));
      runs.plain.push(await load(browser, `${base}/plain`, { submit: false }));
    }
  } finally {
    await browser.close();
    server.close();
  }
  const tti = {
    element: median(runs.element.map((r) => r.tti)),
    plain: median(runs.plain.map((r) => r.tti)),
  };
  const firstSubmit = median(runs.element.map((r) => r.firstSubmit));
  const htmlGz = { element: gz(Buffer.from(element)), plain: gz(Buffer.from(plain)) };
  const bytes = { element: htmlGz.element + initialGz, plain: htmlGz.plain };
  const ratio = tti.element / tti.plain;
  log(`${records} loads of each page, alternating, CPU throttled ${THROTTLE}x; medians`);

  const rows = [
    [
      'page',
      'HTML gzip',
      'JS before interactive',
      'JS by first submit',
      'bytes to interactive',
      'time to interactive',
      'first submit',
    ],
    [
      'plain HTML form',
      `${kb(htmlGz.plain)} KB`,
      '0.0 KB',
      '0.0 KB',
      `${kb(bytes.plain)} KB`,
      `${tti.plain.toFixed(0)} ms`,
      '-',
    ],
    [
      '<reuse-preference-form>',
      `${kb(htmlGz.element)} KB`,
      `${kb(initialGz)} KB`,
      `${kb(allGz)} KB`,
      `${kb(bytes.element)} KB`,
      `${tti.element.toFixed(0)} ms`,
      `${firstSubmit.toFixed(0)} ms`,
    ],
    [
      'ratio (form / plain)',
      '',
      '',
      '',
      `${(bytes.element / bytes.plain).toFixed(2)}x`,
      `${ratio.toFixed(2)}x`,
      '',
    ],
  ];
  return {
    rows,
    checks: [
      {
        name: `form JS before interactive <= ${MAX_INITIAL_KB} KB gzip`,
        ok: initialGz <= MAX_INITIAL_KB * 1024,
        value: `${kb(initialGz)} KB`,
      },
      {
        name: `form JS by the first submit <= ${MAX_SUBMIT_KB} KB gzip`,
        ok: allGz <= MAX_SUBMIT_KB * 1024,
        value: `${kb(allGz)} KB`,
      },
      {
        name: `time to interactive <= ${MAX_TTI_RATIO}x the plain form at ${THROTTLE}x CPU`,
        ok: ratio <= MAX_TTI_RATIO,
        value: `${ratio.toFixed(2)}x (${tti.element.toFixed(0)} ms vs ${tti.plain.toFixed(0)} ms)`,
      },
      {
        name: `first submit (validator loaded, compiled, run) <= ${MAX_FIRST_SUBMIT_MS} ms at ${THROTTLE}x CPU`,
        ok: firstSubmit <= MAX_FIRST_SUBMIT_MS,
        value: `${firstSubmit.toFixed(0)} ms`,
      },
    ],
    notes: [
      'Sizes are gzip -9 of the files on disk; the server sends them uncompressed over loopback, so time to interactive measures parsing and running, not the network.',
      'The validator and the client are chunks loaded at the first submit: the page is interactive without them.',
    ],
  };
}
