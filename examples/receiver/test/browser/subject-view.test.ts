import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientCredentials, ReusePrefClient } from '@reuse-pref/client';
import {
  AS_OF,
  type DevAuthServer,
  PUPILS,
  pupil,
  SCHOOL,
  STATEMENTS,
  startDevAuthServer,
} from '@reuse-pref/example-producer';
import { PSEUDO_CLOSE, PSEUDO_OPEN, pseudoLocalise } from '@reuse-pref/form/kit';
import { generateLogKeyPair } from '@reuse-pref/release';
import { CodeLists, LatestCatalogue, type LedgerEntry, type SubjectLedger } from '@reuse-pref/schema';
import { silentLogger } from '@reuse-pref/server';
import { englishLedgerMessages } from '@reuse-pref/subject-view';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../../scripts/browser/chromium.mjs';
import { BUILD_TIMEOUT_MS, ensureBrowserBuilds } from '../../../producer/test/browser/support/build.js';
import {
  expectNoAxeViolations,
  screenshot,
  screenshotOf,
} from '../../../producer/test/browser/support/page.js';
import {
  IMMIGRATION_REQUEST,
  RESEARCH_REQUEST,
  type RunningDistributor,
  type RunningReceiver,
  startDistributor,
  startReceiver,
} from '../../src/index.js';

const READER = 'Ben Taylor';
const UPN = pupil(READER).subject.upn!;
const FAMILY = { id: 'family-ben', secret: 'family-secret', scopes: ['subject:read', `pupil:${UPN}`] };
const OTHER_FAMILY = {
  id: 'family-other',
  secret: 'other-secret',
  scopes: ['subject:read', `pupil:${pupil('Amira Khan').subject.upn}`],
};
const INTAKE = {
  id: 'intake',
  secret: 'intake-secret',
  scopes: ['receiver:write', 'receiver:read', `school:${SCHOOL.urn}`],
};
const RELEASES = {
  id: 'dfe-release',
  secret: 'release-secret',
  scopes: ['distributor:write', 'distributor:read'],
};

let dir: string;
let auth: DevAuthServer;
let receiver: RunningReceiver;
let distributor: RunningDistributor;
let browser: Browser;
let page: Page;
let ledger: LedgerEntry[];

const client = (baseUrl: string, c: { id: string; secret: string; scopes: string[] }) =>
  new ReusePrefClient({
    baseUrl,
    auth: new ClientCredentials({
      tokenUrl: auth.tokenUrl,
      clientId: c.id,
      clientSecret: c.secret,
      scopes: c.scopes,
    }),
  });

beforeAll(async () => {
  ensureBrowserBuilds();
  dir = mkdtempSync(join(tmpdir(), 'rp-subject-view-'));
  auth = await startDevAuthServer([FAMILY, OTHER_FAMILY, INTAKE, RELEASES]);
  const common = {
    auth: auth.auth,
    tokenEndpoint: auth.tokenUrl,
    now: () => new Date(AS_OF),
    logger: silentLogger,
  };
  receiver = await startReceiver({ ...common, dir });
  distributor = await startDistributor({ ...common, dir, logSigningKey: generateLogKeyPair().privateKey });
  // The school's statements reach DfE through the intake; DfE then decides two releases on them.
  for await (const record of client(receiver.url, INTAKE).uploadStatements(STATEMENTS)) {
    expect(record.outcome).not.toBe('rejected');
  }
  const dfe = client(distributor.url, RELEASES);
  const cohorts = [
    { request: RESEARCH_REQUEST, pupils: PUPILS },
    { request: IMMIGRATION_REQUEST, pupils: ['Ben Taylor', 'Yusuf Hassan', 'Jack Thompson'].map(pupil) },
  ];
  for (const { request, pupils } of cohorts) {
    await dfe.post('/releases', {
      header: { 'Idempotency-Key': request.dsReference },
      body: { request, cohort: pupils.map((p) => ({ upn: p.subject.upn! })) },
    });
  }
  const { data } = await dfe.get('/subjects/{pupil}/ledger', { path: { pupil: UPN } });
  ledger = (data as SubjectLedger).entries;
  expect(ledger).toHaveLength(2);
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  page = await context.newPage();
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await distributor?.close();
  await receiver?.close();
  await auth?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const root = 'reuse-preference-ledger';

/** Opens the subject view as the family's sign-in link does; waits until every receipt is checked. */
async function openView(family = FAMILY, query = ''): Promise<void> {
  const token = await auth.token(family.id);
  await page.goto('about:blank');
  await page.goto(`${distributor.url}/subject-view${query}#pupil=${UPN}&access_token=${token}`);
  await page.waitForFunction(() => {
    const shadow = document.querySelector('reuse-preference-ledger')?.shadowRoot;
    if (!shadow) return false;
    if (shadow.querySelector('.error')) return true;
    const marks = Array.from(shadow.querySelectorAll('.receipt'));
    return marks.length > 0 && marks.every((m) => m.getAttribute('data-receipt') !== 'checking');
  });
  expect(new URL(page.url()).hash, 'the sign-in token leaves the address bar').toBe('');
}

const receiptMarks = () =>
  page.locator(`${root} article`).evaluateAll((articles) =>
    articles.map((a) => ({
      releaseId: a.getAttribute('data-release-id'),
      receipt: a.querySelector('.receipt')?.getAttribute('data-receipt'),
      text: a.querySelector('.receipt')?.textContent,
      detail: a.querySelector('.receipt-detail')?.textContent,
    })),
  );

describe('the subject view at the reference distributor, for a signed-in family', () => {
  it('lists every release that considered the pupil, with each receipt verified in the browser', async (ctx) => {
    await openView();
    const marks = await receiptMarks();
    expect(marks.map((m) => m.releaseId)).toEqual(ledger.map((e) => e.releaseId));
    for (const m of marks) {
      expect(m).toMatchObject({
        receipt: 'verified',
        text: englishLedgerMessages.ui['ledger.receipt.verified'],
      });
    }
    await screenshot(page, 'subject-view-verified-1280', ctx.annotate);
  });

  it('shows, for each release, who received it, what happened, for what, under which exemption and until when', async () => {
    await openView();
    const shown = await page.locator(`${root} article`).evaluateAll((articles) =>
      articles.map((a) => {
        const rows: Record<string, string> = {};
        const dts = Array.from(a.querySelectorAll('dl.release > dt'));
        for (const dt of dts) {
          const dd = dt.nextElementSibling!;
          const items = Array.from(dd.querySelectorAll('li'), (li) => li.textContent ?? '');
          rows[dt.textContent ?? ''] = items.length > 0 ? items.join('\n') : (dd.textContent ?? '').trim();
        }
        return { heading: a.querySelector('h4')?.textContent, rows };
      }),
    );
    const ui = englishLedgerMessages.ui;
    const label = (list: string, code: string) =>
      CodeLists.find((l) => l.id === list)!.entries.find((e) => e.code === code)!.label;
    const title = (code: string) => LatestCatalogue.purposes.find((p) => p.code === code)!.title;
    const longDate = (iso: string) =>
      new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso),
      );
    expect(shown).toEqual(
      ledger.map((e) => ({
        heading: e.recipient.name,
        rows: expect.objectContaining({
          [ui['ledger.field.outcome']]: label('release-outcomes', e.outcome),
          [ui['ledger.field.reference']]: e.dsReference,
          [ui['ledger.field.recipientClass']]: label('recipient-classes', e.recipient.class),
          [ui['ledger.field.exemption']]: e.exemption
            ? `${label('exemptions', e.exemption.code)} (${e.exemption.citation})`
            : ui['ledger.exemption.none'],
          [ui['ledger.field.retention']]: longDate(e.retainUntil),
          [ui['ledger.field.decided']]: longDate(e.decidedAt),
          [ui['ledger.field.delivery']]: label('delivery-modes', e.deliveryMode),
          [ui['ledger.field.basis']]: label('lawful-bases', e.lawfulBasis),
          [ui['ledger.field.purposes']]: e.purposes
            .map((p) => {
              const line = p.overriddenBy
                ? ui['ledger.purpose.overridden']
                    .replace('{purpose}', title(p.purpose))
                    .replace('{exemption}', label('exemptions', p.overriddenBy))
                : ui[p.shared ? 'ledger.purpose.shared' : 'ledger.purpose.notShared'].replace(
                    '{purpose}',
                    title(p.purpose),
                  );
              return p.default ? `${line} ${ui['ledger.purpose.default']}` : line;
            })
            .join('\n'),
        }),
      })),
    );
  });

  it('checks a ledger the page hands over itself (items), without asking the distributor', async () => {
    const family = client(distributor.url, FAMILY);
    const items = [];
    for (const entry of ledger) {
      const { data } = await family.get('/subjects/{pupil}/ledger/{releaseId}/receipt', {
        path: { pupil: UPN, releaseId: entry.releaseId },
      });
      items.push({ entry, receipt: data });
    }
    await openView();
    let requests = 0;
    page.on('request', () => {
      requests++;
    });
    // Only the last release: what the page shows must be what it was handed, not what it fetched before.
    await page.evaluate((handed) => {
      (document.querySelector('reuse-preference-ledger') as unknown as { items: unknown }).items = handed;
    }, items.slice(-1));
    const verified = page.locator(`${root} .receipt[data-receipt="verified"]`);
    await expect.poll(() => verified.count()).toBe(1);
    expect(await page.locator(`${root} article`).getAttribute('data-release-id')).toBe(
      ledger.at(-1)!.releaseId,
    );
    expect(requests).toBe(0);
  });

  it('speaks to the pupil when the pupil is reading', async () => {
    await openView(FAMILY, '?audience=child');
    expect(await page.locator(`${root} #ledger-title`).textContent()).toBe(
      englishLedgerMessages.ui['ledger.title.child'],
    );
  });

  it('refuses another family’s token: the page says to sign in again and shows nothing', async () => {
    await openView(OTHER_FAMILY);
    expect(await page.locator(`${root} .error`).textContent()).toBe(
      englishLedgerMessages.ui['ledger.error.signIn'],
    );
    expect(await page.locator(`${root} article`).count()).toBe(0);
  });
});

describe('a tampered receipt is not verified', () => {
  const flip = (hex: string) => (hex[0] === '0' ? '1' : '0') + hex.slice(1);
  const cases: [string, string, (body: Record<string, unknown>) => void, string][] = [
    [
      'its entry says the record was left out',
      '**/ledger/*/receipt',
      (b) => {
        (b.entry as LedgerEntry).outcome = 'EXCL';
      },
      'ledger.problem.inclusion',
    ],
    [
      'its tree head was re-rooted',
      '**/ledger/*/receipt',
      (b) => {
        const head = b.treeHead as { rootHash: string };
        head.rootHash = flip(head.rootHash);
      },
      'ledger.problem.signature',
    ],
    [
      'the ledger shows a retention the receipt does not prove',
      '**/subjects/*/ledger',
      (b) => {
        for (const e of b.entries as LedgerEntry[]) e.retainUntil = '2099-12-31';
      },
      'ledger.problem.entry-differs',
    ],
  ];

  it.each(cases)('when %s', async (_name, url, tamper, problem) => {
    // A man in the middle: the distributor's real answer, changed on its way to the page.
    await page.route(url, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as Record<string, unknown>;
      tamper(body);
      await route.fulfill({ response, json: body });
    });
    try {
      await openView();
      const marks = await receiptMarks();
      expect(marks).toHaveLength(ledger.length);
      for (const m of marks) {
        expect(m.receipt).toBe('failed');
        expect(m.text).toBe(englishLedgerMessages.ui['ledger.receipt.failed']);
        expect(m.detail).toContain(
          englishLedgerMessages.ui[problem as keyof typeof englishLedgerMessages.ui],
        );
      }
    } finally {
      await page.unroute(url);
    }
  });

  it('shows it at a glance (screenshot) and stays accessible', async (ctx) => {
    await page.route('**/ledger/*/receipt', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { entry: LedgerEntry };
      if (body.entry.dsReference === IMMIGRATION_REQUEST.dsReference) body.entry.outcome = 'EXCL';
      await route.fulfill({ response, json: body });
    });
    try {
      await openView();
      expect((await receiptMarks()).map((m) => m.receipt).sort()).toEqual(['failed', 'verified']);
      await screenshot(page, 'subject-view-tampered-1280', ctx.annotate);
      await screenshotOf(
        page.locator(`${root} li:has(.receipt[data-receipt="failed"])`),
        'subject-view-tampered-release',
        ctx.annotate,
      );
      await expectNoAxeViolations(page, 'the subject view with a tampered receipt');
    } finally {
      await page.unroute('**/ledger/*/receipt');
    }
  });
});

describe('accessibility and wording', () => {
  it.for([320, 1280])(
    'axe finds no WCAG 2.2 AA violation at %i px',
    { timeout: 60_000 },
    async (width, ctx) => {
      await page.setViewportSize({ width, height: 900 });
      try {
        await openView();
        await expectNoAxeViolations(page, `the subject view at ${width} px`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
        if (width === 320) await screenshot(page, 'subject-view-320', ctx.annotate);
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    },
  );

  it('nothing is hard-coded: in a pseudo-locale every word is looked up', async () => {
    await openView();
    const pseudo = pseudoLocalise(englishLedgerMessages, {
      catalogues: [LatestCatalogue],
      codeLists: CodeLists,
    });
    await page.evaluate((bundle) => {
      (document.querySelector('reuse-preference-ledger') as unknown as { messages: unknown }).messages =
        bundle;
    }, pseudo);
    await page.waitForFunction(() => {
      const s = document.querySelector('reuse-preference-ledger')?.shadowRoot;
      const marks = Array.from(s?.querySelectorAll('.receipt') ?? []);
      return marks.length > 0 && marks.every((m) => m.getAttribute('data-receipt') === 'verified');
    });
    const unmarked = await page.evaluate(
      ([open, close]) => {
        const shadow = document.querySelector('reuse-preference-ledger')!.shadowRoot!;
        const bad: string[] = [];
        const walker = document.createTreeWalker(shadow, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (n.parentElement?.closest('style, [data-datum]')) continue;
          const t = (n.textContent ?? '').trim();
          // Punctuation between a looked-up label and a datum is layout, not wording.
          if (t === '' || /^[()]+$/.test(t)) continue;
          if (!(t.startsWith(open!) && t.endsWith(close!))) bad.push(t);
        }
        return bad;
      },
      [PSEUDO_OPEN, PSEUDO_CLOSE],
    );
    expect(unmarked).toEqual([]);
  });
});
