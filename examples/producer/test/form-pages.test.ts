import { describe, expect, it } from 'vitest';
import { formPages, jsonAttr, PUPILS, respondentsOf, SETTING } from '../src/index.js';
import { ensureBrowserBuilds } from './browser/support/build.js';

const pages = formPages();
const get = (path: string, query = '') => pages(path, new URLSearchParams(query));

/** An attribute of the form element as the page writes it, unescaped. */
function attribute(html: string, name: string): string {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(html);
  if (!match) throw new Error(`no ${name} attribute`);
  return match[1]!.replace(/&#(\d+);|&(amp|lt|gt|quot|#39);/g, (whole, code: string, named: string) => {
    if (code) return String.fromCharCode(Number(code));
    return { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" }[named] ?? whole;
  });
}

describe("the reference MIS's form page", () => {
  it.each(PUPILS.map((p) => [p.name, p] as const))(
    'configures the form for %s from the MIS record',
    (_n, p) => {
      const page = get('/form', `pupil=${p.subject.localId}`)!;
      expect(page.status ?? 200).toBe(200);
      const html = String(page.body);
      expect(JSON.parse(attribute(html, 'subject'))).toEqual(p.subject);
      expect(JSON.parse(attribute(html, 'setting'))).toEqual(SETTING);
      expect(JSON.parse(attribute(html, 'respondents'))).toEqual(respondentsOf(p));
      expect(attribute(html, 'pupil-name')).toBe(p.name);
      expect(attribute(html, 'channel')).toBe('ONLN');
    },
  );

  it('offers every contact as a respondent, in the role the standard names', () => {
    const roles = new Set(PUPILS.flatMap((p) => respondentsOf(p).map((r) => r.role)));
    expect([...roles].sort()).toEqual(['CAR', 'CORP', 'PAR', 'PUP']);
    for (const p of PUPILS) expect(respondentsOf(p).filter((r) => r.role === 'PUP')).toHaveLength(1);
  });

  it('is sent with a policy that allows only its own scripts (and the validator compiling its schema)', () => {
    const page = get('/form', 'pupil=ADM-0001')!;
    expect(page.headers?.['content-security-policy']).toContain("script-src 'self' 'unsafe-eval'");
    expect(page.headers?.['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(String(page.body)).toContain('<script type="module" src="/form/sign-in.js"></script>');
  });

  it.each([
    ['an unknown pupil', 'pupil=ADM-9999'],
    ['no pupil', ''],
    ['a channel no form records', 'pupil=ADM-0001&channel=CTFI'],
  ])('answers 404 for %s', (_what, query) => {
    expect(get('/form', query)?.status).toBe(404);
  });

  it('serves the sign-in script and the browser build, and nothing else under /form', () => {
    ensureBrowserBuilds();
    expect(get('/form/sign-in.js')?.type).toBe('text/javascript; charset=utf-8');
    expect(get('/form/assets/reuse-preference-form.js')?.type).toBe('text/javascript; charset=utf-8');
    expect(get('/form/assets/../../package.json')).toBeUndefined();
    expect(get('/forms')).toBeUndefined();
  });

  it('escapes every value it writes into an attribute', () => {
    expect(jsonAttr({ name: `O'Brien "the <b>" & co` })).toBe(
      '{&quot;name&quot;:&quot;O&#39;Brien \\&quot;the &lt;b&gt;\\&quot; &amp; co&quot;}',
    );
  });
});
