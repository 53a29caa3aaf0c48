import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { escapeHtml } from '@reuse-pref/release';
import type { Page } from '@reuse-pref/server';

/**
 * The host page around a family element, as a reference app serves it. Scripts come only from the app
 * itself. 'unsafe-eval' is there because the form's in-browser validator (Ajv) compiles the statement
 * schema into a function when the person first submits; styles are inline because each element carries
 * its own stylesheet in its shadow root.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface HostPage {
  /** The document title: what a screen reader announces first and a tab shows. */
  title: string;
  /** Who runs the page, in the banner: "Oakfield Academy", "Department for Education". */
  banner: string;
  heading: string;
  /** Trusted HTML: the element and its attributes, escaped by the caller with `attr`. */
  body: string;
  /** Module scripts, by URL, loaded in order. */
  scripts: readonly string[];
}

/** Escapes a value for an HTML attribute or text; JSON for a JSON attribute. */
export const attr = (value: string): string => escapeHtml(value);
export const jsonAttr = (value: unknown): string => escapeHtml(JSON.stringify(value));

export function hostPage(page: HostPage): Page {
  const body = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${attr(page.title)}</title>
<link rel="icon" href="data:,">
<style>
body { margin: 0; color: #0b0c0c; background: #fff; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.banner { background: #0b0c0c; color: #fff; padding: 0.75rem 1rem; font-weight: 700; }
main { max-width: 50rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 1rem 0 1.5rem; }
@media print { .banner { background: none; color: #000; border-bottom: 2px solid #000; } }
</style>
${page.scripts.map((src) => `<script type="module" src="${attr(src)}"></script>`).join('\n')}
</head>
<body>
<header class="banner">${attr(page.banner)}</header>
<main>
<h1>${attr(page.heading)}</h1>
${page.body}
</main>
</body>
</html>
`;
  return { type: 'text/html; charset=utf-8', body, headers: { 'content-security-policy': CSP } };
}

/**
 * The reference apps' stand-in for signing in: the link the demo prints carries an access token in its
 * fragment (#access_token=...; a fragment is never sent to a server or written in its logs). This script
 * runs before the elements are defined, hands the token to each family element on the page, and removes
 * the fragment from the address bar, so it is neither bookmarked nor shared; the token lives in memory
 * only. `pupil` in the fragment names whose ledger the subject view shows.
 */
export const SIGN_IN_SCRIPT = `const fragment = new URLSearchParams(location.hash.slice(1));
const token = fragment.get('access_token');
const pupil = fragment.get('pupil');
if (location.hash) history.replaceState(null, '', location.pathname + location.search);
for (const el of document.querySelectorAll('reuse-preference-form, reuse-preference-ledger')) {
  if (token) el.accessToken = token;
  if (pupil && el.localName === 'reuse-preference-ledger') el.setAttribute('pupil', pupil);
}
`;

export const signInScriptPage = (): Page => ({
  type: 'text/javascript; charset=utf-8',
  body: SIGN_IN_SCRIPT,
});

/**
 * Where a family package's browser build is (its dist/browser), resolved as the module at `from` (the
 * caller's import.meta.url) sees the package installed; the reference apps serve it as is. A clear error
 * when it has not been built yet.
 */
export function browserBuild(
  packageName: '@reuse-pref/form' | '@reuse-pref/subject-view',
  from: string | URL,
): string {
  const require = createRequire(from);
  const dir = join(dirname(require.resolve(`${packageName}/package.json`)), 'dist', 'browser');
  if (!existsSync(dir)) {
    throw new Error(`${packageName} has no browser build at ${dir}: run \`pnpm build\` first`);
  }
  return dir;
}
