import { englishFormMessages, PSEUDO_CLOSE, PSEUDO_OPEN, pseudoLocalise } from '@reuse-pref/form';
import { CodeLists, LatestCatalogue, type Statement, type StatementReceipt } from '@reuse-pref/schema';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../../scripts/browser/chromium.mjs';
import { AS_OF, pupil, SETTING } from '../../src/index.js';
import { COLLECTION_SHEET, RECORDED_BY } from '../../src/school/statements.js';
import { BUILD_TIMEOUT_MS, ensureBrowserBuilds } from './support/build.js';
import { chooseRadio, expectNoAxeViolations, focused, screenshot, tabUntil } from './support/page.js';
import { PORTAL, type RunningMis, startMis } from './support/producer.js';

let mis: RunningMis;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ensureBrowserBuilds();
  [mis, browser] = await Promise.all([startMis(), launchChromium()]);
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  page = await context.newPage();
  // The MIS's clock and the browser's read the same instant, so every pupil's age is the same each run.
  await page.clock.setFixedTime(new Date(AS_OF));
  page.on('pageerror', (error) => {
    throw error;
  });
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await mis?.close();
});

const formRoot = 'reuse-preference-form';

/** Opens the MIS's /form for a pupil the way the portal's sign-in link does, and waits for the form. */
async function openForm(name: string, query = ''): Promise<void> {
  const token = await mis.auth.token(PORTAL.id);
  const id = pupil(name).subject.localId!;
  // From a blank page, so the same form opened twice is a fresh load, not a jump to a new fragment.
  await page.goto('about:blank');
  await page.goto(`${mis.producer.url}/form?pupil=${id}${query}#access_token=${token}`);
  await page.waitForFunction(() =>
    document.querySelector('reuse-preference-form')?.shadowRoot?.querySelector('form'),
  );
  expect(new URL(page.url()).hash, 'the sign-in token leaves the address bar').toBe('');
  await page.evaluate(() => {
    const el = document.querySelector('reuse-preference-form')!;
    const w = window as unknown as { submitted?: unknown };
    w.submitted = undefined;
    el.addEventListener('reuse-preference-submitted', (e) => {
      w.submitted = (e as CustomEvent).detail;
    });
  });
}

async function typeGrounds(code: string, text: string): Promise<void> {
  await tabUntil(page, (f) => f.id === `purpose-${code}-grounds`, `the ${code} reasons box`);
  await page.keyboard.type(text);
}

/** Tab to the button and press Enter; wait for the confirmation and return what was sent and stored. */
async function submitByKeyboard(): Promise<{
  statement: Statement;
  receipt: StatementReceipt;
  stored: Statement;
}> {
  await tabUntil(page, (f) => f.id === 'submit', 'the submit button');
  await page.keyboard.press('Enter');
  await page.locator(`${formRoot} #done-title`).waitFor();
  expect((await focused(page)).id, 'focus moves to the confirmation').toBe('done-title');
  const { statement, receipt } = (await page.evaluate(
    () => (window as unknown as { submitted: unknown }).submitted,
  )) as { statement: Statement; receipt: StatementReceipt };
  const { data: stored } = await mis.office.get('/schools/{urn}/statements/{statementId}', {
    path: { urn: SETTING.urn, statementId: statement.id },
  });
  return { statement, receipt, stored: stored as Statement };
}

/** The whole statement the form must have stored: everything but the id, which the browser chose. */
function expected(
  statement: Statement,
  who: Statement['expressedBy'],
  choices: Statement['choices'],
  extra: Partial<Statement> = {},
  name = '',
): Statement {
  return {
    id: statement.id,
    specVersion: '1.0.0',
    catalogueVersion: LatestCatalogue.catalogueVersion,
    subject: pupil(name).subject,
    setting: SETTING,
    expressedBy: who,
    expressedAt: new Date(AS_OF).toISOString(),
    recordedAt: new Date(AS_OF).toISOString(),
    recordedBy: RECORDED_BY,
    channel: 'ONLN',
    notice: COLLECTION_SHEET,
    choices,
    ...extra,
  };
}

describe('keyboard only, submitted to the reference MIS and read back', () => {
  it('a parent answers for an 11-year-old: adult wording, nothing pre-selected, grounds kept', async (ctx) => {
    await openForm('Ben Taylor');
    const checked = await page.locator(`${formRoot} input:checked`).count();
    expect(checked, 'no answer, and no consent, is pre-selected').toBe(0);
    await chooseRadio(page, 'who', '0');
    expect(await page.locator(`${formRoot} #competence`).isHidden()).toBe(true);
    const stat = LatestCatalogue.purposes.find((p) => p.code === 'STAT')!;
    await expect
      .poll(() => page.locator(`${formRoot} #purpose-STAT-text`).textContent())
      .toBe(stat.adultText);
    await chooseRadio(page, 'purpose-STAT', 'NOOB');
    await chooseRadio(page, 'purpose-LINK', 'OBJT');
    await typeGrounds('LINK', 'We moved here to be safe from someone.');
    await chooseRadio(page, 'purpose-COMM', 'DECL');
    await chooseRadio(page, 'purpose-IMMI', 'OBJT');
    await chooseRadio(page, 'purpose-APPS', 'REFU');
    await screenshot(page, 'form-parent-filled-1280', ctx.annotate);
    const { statement, receipt, stored } = await submitByKeyboard();
    await screenshot(page, 'form-parent-sent-1280', ctx.annotate);
    expect(receipt).toMatchObject({ statementId: statement.id, outcome: 'stored', queries: [] });
    const want = expected(
      statement,
      { role: 'PAR', personRef: 'C-00021' },
      [
        { purpose: 'STAT', value: 'NOOB' },
        { purpose: 'LINK', value: 'OBJT', grounds: 'We moved here to be safe from someone.' },
        { purpose: 'COMM', value: 'DECL' },
        { purpose: 'IMMI', value: 'OBJT' },
        { purpose: 'APPS', value: 'REFU' },
      ],
      {},
      'Ben Taylor',
    );
    expect(stored).toEqual(want);
    expect(statement).toEqual(want);
  });

  it('a 13-year-old pupil answers for themself: child wording, presumed competent (PR12)', async (ctx) => {
    await openForm('Noah Williams');
    await chooseRadio(page, 'who', '2');
    for (const p of LatestCatalogue.purposes.filter((q) => q.kind !== 'none')) {
      expect(await page.locator(`${formRoot} #purpose-${p.code}-text`).textContent()).toBe(p.childText);
    }
    expect(await page.locator(`${formRoot} label[for="purpose-LINK-OBJT"]`).textContent()).toBe(
      englishFormMessages.ui['form.choice.objection.OBJT.child'],
    );
    expect(await page.locator(`${formRoot} #form-title`).textContent()).toBe(
      englishFormMessages.ui['form.title.child'],
    );
    await chooseRadio(page, 'purpose-LINK', 'OBJT');
    await chooseRadio(page, 'purpose-AIDV', 'DECL');
    await chooseRadio(page, 'purpose-MEDI', 'REFU');
    await chooseRadio(page, 'purpose-POLC', 'NOOB');
    await screenshot(page, 'form-pupil-13-child-wording-1280', ctx.annotate);
    const { statement, stored } = await submitByKeyboard();
    expect(stored).toEqual(
      expected(
        statement,
        { role: 'PUP', personRef: 'P-0005' },
        [
          { purpose: 'LINK', value: 'OBJT' },
          { purpose: 'AIDV', value: 'DECL' },
          { purpose: 'MEDI', value: 'REFU' },
          { purpose: 'POLC', value: 'NOOB' },
        ],
        { competenceBasis: 'PR12' },
        'Noah Williams',
      ),
    );
  });

  it('the local authority answers for a looked-after 7-year-old', async (ctx) => {
    await openForm('Chloe Evans');
    await chooseRadio(page, 'who', '0');
    await chooseRadio(page, 'purpose-RSXT', 'OBJT');
    await chooseRadio(page, 'purpose-COMM', 'DECL');
    await chooseRadio(page, 'purpose-OPER', 'OBJT');
    await chooseRadio(page, 'purpose-IMMI', 'OBJT');
    await screenshot(page, 'form-local-authority-filled-1280', ctx.annotate);
    const { statement, stored } = await submitByKeyboard();
    expect(stored).toEqual(
      expected(
        statement,
        { role: 'CORP', personRef: 'LA-801-VS' },
        [
          { purpose: 'RSXT', value: 'OBJT' },
          { purpose: 'COMM', value: 'DECL' },
          { purpose: 'OPER', value: 'OBJT' },
          { purpose: 'IMMI', value: 'OBJT' },
        ],
        {},
        'Chloe Evans',
      ),
    );
  });

  it('a parent of a 14-year-old is asked whether the pupil asked them to answer (AUTH)', async () => {
    await openForm('Amira Khan');
    await chooseRadio(page, 'who', '1');
    expect(await page.locator(`${formRoot} #competence`).isVisible()).toBe(true);
    await chooseRadio(page, 'competence', 'AUTH');
    await chooseRadio(page, 'purpose-RSCH', 'OBJT');
    const { statement, stored } = await submitByKeyboard();
    expect(stored).toEqual(
      expected(
        statement,
        { role: 'PAR', personRef: 'C-00012' },
        [{ purpose: 'RSCH', value: 'OBJT' }],
        { competenceBasis: 'AUTH' },
        'Amira Khan',
      ),
    );
  });

  it('an empty submit shows the problems; the summary links take focus to the question', async (ctx) => {
    await openForm('Ben Taylor');
    await tabUntil(page, (f) => f.id === 'submit', 'the submit button');
    await page.keyboard.press('Enter');
    const summary = page.locator(`${formRoot} .error-summary`);
    await summary.waitFor();
    expect(await summary.locator('li').allTextContents()).toEqual([
      englishFormMessages.ui['form.error.who'],
      englishFormMessages.ui['form.error.noAnswer'],
    ]);
    expect((await focused(page)).tag, 'the summary takes focus, so it is read out').toBe('div');
    await screenshot(page, 'form-errors-1280', ctx.annotate);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('who-0');
  });

  it('validates in the browser: a record the validator rejects is never sent', async () => {
    await openForm('Ben Taylor');
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url());
    });
    await page.evaluate(() => {
      const el = document.querySelector('reuse-preference-form') as unknown as { subject: object };
      // A host whose record has a mistyped UPN: the check letter no longer matches.
      el.subject = { upn: 'A801400120102', localId: 'ADM-0002', dateOfBirth: '2015-05-20' };
    });
    await chooseRadio(page, 'who', '0');
    await chooseRadio(page, 'purpose-STAT', 'OBJT');
    await tabUntil(page, (f) => f.id === 'submit', 'the submit button');
    await page.keyboard.press('Enter');
    const summary = page.locator(`${formRoot} .error-summary`);
    await summary.waitFor();
    expect(await summary.textContent()).toContain('(upn-check-letter)');
    expect(posts).toEqual([]);
  });
});

describe('the paper form (channel PAPR)', () => {
  it('prints as a form to fill by hand and is keyed in with the date it was signed', async (ctx) => {
    await openForm('Ben Taylor', '&channel=PAPR');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator(`${formRoot} #submit`).isVisible()).toBe(false);
    expect(await page.locator(`${formRoot} #signed-on`).isVisible()).toBe(false);
    expect(await page.locator(`${formRoot} .office`).isVisible()).toBe(true);
    await screenshot(page, 'form-paper-print', ctx.annotate);
    await page.emulateMedia({ media: 'screen' });
    await chooseRadio(page, 'who', '1');
    await chooseRadio(page, 'purpose-MEDI', 'DECL');
    await page.locator(`${formRoot} #signed-on`).fill('2026-10-30');
    const { statement, stored } = await submitByKeyboard();
    expect(stored).toEqual(
      expected(
        statement,
        { role: 'PAR', personRef: 'C-00022' },
        [{ purpose: 'MEDI', value: 'DECL' }],
        { channel: 'PAPR', expressedAt: '2026-10-30T00:00:00+00:00' },
        'Ben Taylor',
      ),
    );
  });
});

describe('accessibility: axe finds no WCAG 2.2 AA violation', () => {
  it.each([320, 1280])(
    'at %i px: unanswered, with errors, in child wording with reasons open, and sent',
    async (width) => {
      await page.setViewportSize({ width, height: 900 });
      try {
        await openForm('Ben Taylor');
        await expectNoAxeViolations(page, `the form at ${width} px`);
        await tabUntil(page, (f) => f.id === 'submit', 'the submit button');
        await page.keyboard.press('Enter');
        await page.locator(`${formRoot} .error-summary`).waitFor();
        await expectNoAxeViolations(page, `the form with errors at ${width} px`);
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await chooseRadio(page, 'who', '2');
        await chooseRadio(page, 'purpose-LINK', 'OBJT');
        await expectNoAxeViolations(page, `the form in child wording at ${width} px`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
        await submitByKeyboard();
        await expectNoAxeViolations(page, `the confirmation at ${width} px`);
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    },
    // axe walks the whole form four times: slow on a busy shared machine, not a speed target.
    120_000,
  );

  it('at 320 px the form reads in one column (screenshot)', async (ctx) => {
    await page.setViewportSize({ width: 320, height: 900 });
    try {
      await openForm('Noah Williams');
      await chooseRadio(page, 'who', '2');
      await screenshot(page, 'form-pupil-13-320', ctx.annotate);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});

describe('nothing is hard-coded: in a pseudo-locale every word on the form is looked up', () => {
  const pseudo = pseudoLocalise(englishFormMessages, { catalogues: [LatestCatalogue], codeLists: CodeLists });

  /** Text and labelling attributes in the form that are not inside ⟦ ⟧ (data such as names is skipped). */
  const unlocalised = () =>
    page.evaluate(
      ([open, close]) => {
        const root = document.querySelector('reuse-preference-form')!.shadowRoot!;
        const bad: string[] = [];
        const isMarked = (s: string) => {
          const t = s.trim();
          return t === '' || (t.startsWith(open!) && t.endsWith(close!));
        };
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const parent = n.parentElement;
          if (parent?.closest('style, [data-datum]')) continue;
          // Print-only lines around a blank to write on: the blank itself is not wording.
          if (/^[\s_]+$/.test(n.textContent ?? '')) continue;
          if (!isMarked(n.textContent ?? '')) bad.push(n.textContent ?? '');
        }
        for (const el of Array.from(root.querySelectorAll('*'))) {
          for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
            const v = el.getAttribute(a);
            if (v !== null && !isMarked(v)) bad.push(`${a}=${v}`);
          }
        }
        return bad;
      },
      [PSEUDO_OPEN, PSEUDO_CLOSE],
    );

  it('in every state: adult, child, the competence question, errors and the confirmation', async (ctx) => {
    await openForm('Amira Khan');
    await page.evaluate((bundle) => {
      (document.querySelector('reuse-preference-form') as unknown as { messages: unknown }).messages = bundle;
    }, pseudo);
    await page.waitForFunction((open) => {
      const title = document.querySelector('reuse-preference-form')?.shadowRoot?.querySelector('#form-title');
      return title?.textContent?.startsWith(open);
    }, PSEUDO_OPEN);
    expect(await unlocalised()).toEqual([]);
    await chooseRadio(page, 'who', '0');
    expect(await page.locator(`${formRoot} #competence`).isVisible()).toBe(true);
    expect(await unlocalised()).toEqual([]);
    await tabUntil(page, (f) => f.id === 'submit', 'the submit button');
    await page.keyboard.press('Enter');
    await page.locator(`${formRoot} .error-summary`).waitFor();
    expect(await unlocalised()).toEqual([]);
    await chooseRadio(page, 'who', '2');
    await chooseRadio(page, 'purpose-LINK', 'OBJT');
    expect(await unlocalised()).toEqual([]);
    await screenshot(page, 'form-pseudo-locale', ctx.annotate);
    const { statement } = await submitByKeyboard();
    expect(statement.notice.language).toBe('en-XA');
    expect(await unlocalised()).toEqual([]);
  });
});
