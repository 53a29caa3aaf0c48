import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from './build.js';

/** Screenshots go here (gitignored); each test prints the paths and attaches the files to its report. */
export const SCREENSHOTS = join(repoRoot, 'test-results', 'screenshots');

/** Every WCAG 2.0, 2.1 and 2.2 A and AA rule axe has. */
export const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  const found = result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
  expect(found, `axe WCAG 2.2 AA violations on ${what}`).toEqual([]);
}

type Annotate = (message: string, attachment?: { path: string; contentType: string }) => Promise<unknown>;

/** A full-page screenshot under test-results/screenshots/, printed and attached to the test's report. */
export async function screenshot(page: Page, name: string, annotate: Annotate): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  console.log(`screenshot: ${path}`);
  await annotate(`screenshot ${name}`, { path, contentType: 'image/png' });
  return path;
}

/** A screenshot of one part of the page (one release, one question), saved and attached the same way. */
export async function screenshotOf(part: Locator, name: string, annotate: Annotate): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await part.screenshot({ path });
  console.log(`screenshot: ${path}`);
  await annotate(`screenshot ${name}`, { path, contentType: 'image/png' });
  return path;
}

/** The element with keyboard focus, looking through open shadow roots. */
export async function focused(page: Page): Promise<{ id: string; name: string; tag: string; value: string }> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const input = el as HTMLInputElement | null;
    return {
      id: input?.id ?? '',
      name: input?.getAttribute('name') ?? '',
      tag: input?.localName ?? '',
      value: input?.value ?? '',
    };
  });
}

/** Presses Tab until `matches` says focus has arrived; fails (never loops forever) after `max` presses. */
export async function tabUntil(
  page: Page,
  matches: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  what: string,
  max = 120,
): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (matches(await focused(page))) return;
  }
  throw new Error(`${max} presses of Tab never reached ${what}`);
}

/**
 * Chooses a radio option with the keyboard only, as a person would: Tab into the group, arrow keys to
 * the option (which also selects it), Space for the first option when nothing is selected yet.
 */
export async function chooseRadio(page: Page, group: string, value: string): Promise<void> {
  await tabUntil(page, (f) => f.name === group, `the ${group} radio group`);
  const values = await page.evaluate((name) => {
    const form = document.querySelector('reuse-preference-form')!.shadowRoot!;
    return Array.from(form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`), (i) => i.value);
  }, group);
  const target = values.indexOf(value);
  if (target < 0) throw new Error(`${group} has no option ${value} (it has ${values.join(', ')})`);
  let at = values.indexOf((await focused(page)).value);
  while (at < target) {
    await page.keyboard.press('ArrowDown');
    at++;
  }
  while (at > target) {
    await page.keyboard.press('ArrowUp');
    at--;
  }
  await page.keyboard.press('Space');
  expect((await focused(page)).value).toBe(value);
}
