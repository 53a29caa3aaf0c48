import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBrowserBuilds } from '../../../examples/producer/test/browser/support/build.js';
import { launchChromium } from '../../../scripts/browser/chromium.mjs';
import { BUILD_TIMEOUT_MS, binPath, ensureBuilt, repoRoot } from './support/bin.js';

// `reuse-pref demo --serve` as a person runs it: the printed links must open working pages.
let demo: ChildProcess;
let output = '';
let browser: Browser;
let page: Page;
let formUrl: string;
let subjectViewUrl: string;

beforeAll(async () => {
  ensureBuilt();
  // The pages load the form's and the subject view's browser builds, which the bin serves from their dist.
  ensureBrowserBuilds();
  demo = spawn(process.execPath, [binPath, 'demo', '--serve'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  demo.stdout!.setEncoding('utf8');
  demo.stderr!.setEncoding('utf8');
  demo.stderr!.on('data', (chunk: string) => {
    output += chunk;
  });
  await new Promise<void>((resolve, reject) => {
    demo.stdout!.on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('Serving until you press Ctrl-C')) resolve();
    });
    demo.once('exit', (code) => reject(new Error(`demo exited with ${code} before serving:\n${output}`)));
  });
  const urls = [...output.matchAll(/^ {4}(http:\/\/\S+)$/gm)].map((m) => m[1]!);
  formUrl = urls[0] ?? '';
  subjectViewUrl = urls[1] ?? '';
  browser = await launchChromium();
  page = await (await browser.newContext()).newPage();
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  if (demo && demo.exitCode === null) demo.kill('SIGKILL');
});

describe('reuse-pref demo --serve', () => {
  it('prints a link to the school form and one to the subject view, each with a sign-in token', () => {
    expect(formUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/form\?pupil=ADM-0002#access_token=[\w.-]+$/);
    expect(subjectViewUrl).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/subject-view#pupil=M801400120102&access_token=[\w.-]+$/,
    );
  });

  it('the form link opens the form, signed in', async () => {
    await page.goto(formUrl);
    const form = page.locator('reuse-preference-form');
    await form.locator('#who-0').waitFor();
    expect(
      await form.evaluate((el) => Boolean((el as unknown as { accessToken?: string }).accessToken)),
    ).toBe(true);
  });

  it('the subject view link shows the pupil’s two releases, each receipt verified in the browser', async () => {
    await page.goto(subjectViewUrl);
    const marks = page.locator('reuse-preference-ledger .receipt[data-receipt="verified"]');
    await expect.poll(() => marks.count(), { timeout: 20_000 }).toBe(2);
  });

  it('stops every server on Ctrl-C and exits 0', async () => {
    demo.kill('SIGINT');
    const [code] = await once(demo, 'exit');
    expect(code).toBe(0);
    expect(output).toContain('All servers stopped and the temporary stores removed.');
  });
});
