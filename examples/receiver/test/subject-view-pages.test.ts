import { generateLogKeyPair } from '@reuse-pref/release';
import { describe, expect, it } from 'vitest';
import { ensureBrowserBuilds } from '../../producer/test/browser/support/build.js';
import { subjectViewPages } from '../src/index.js';

const { publicKey } = generateLogKeyPair();
const pages = subjectViewPages(publicKey);
const get = (path: string, query = '') => pages(path, new URLSearchParams(query));

describe("the reference distributor's subject view page", () => {
  it('writes the log key into the page, where the receipts are checked against it', () => {
    const html = String(get('/subject-view')!.body);
    const key = /log-key="([^"]*)"/.exec(html)![1]!;
    expect(key).toBe(publicKey);
    expect(html).toContain('audience="adult"');
    expect(html).toContain('endpoint="/"');
  });

  it.each([
    ['child', 'child'],
    ['adult', 'adult'],
    ['anything else', 'adult'],
  ])('speaks to the pupil only when asked (?audience=%s)', (audience, shown) => {
    expect(String(get('/subject-view', `audience=${audience}`)!.body)).toContain(`audience="${shown}"`);
  });

  it('holds no personal data: the family’s token and pupil stay in the fragment, read by the page', () => {
    const html = String(get('/subject-view')!.body);
    expect(html).not.toMatch(/[A-HJ-NP-RT-Z]\d{12}/);
    expect(String(get('/subject-view/sign-in.js')!.body)).toContain("fragment.get('access_token')");
  });

  it('serves the browser build and nothing else under /subject-view', () => {
    ensureBrowserBuilds();
    expect(get('/subject-view/assets/reuse-preference-ledger.js')?.type).toBe(
      'text/javascript; charset=utf-8',
    );
    expect(get('/subject-view/assets/missing.js')).toBeUndefined();
    expect(get('/subject-views')).toBeUndefined();
  });
});
