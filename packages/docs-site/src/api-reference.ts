/**
 * The API reference page: Redoc 2 (its standalone browser build, served from this site) over the contract
 * bundled into one document, so the page makes no request anywhere but this site. Redoc's sidebar credit
 * loads its logo from a CDN; the copy served here points it at a local image instead (the build fails if
 * that line of Redoc ever changes, rather than quietly calling out).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const REDOC_LOGO = 'https://cdn.redoc.ly/redoc/logo-mini.svg';
const LOCAL_LOGO = '/api/redoc-logo.svg';

/** Colours with at least 4.5:1 contrast on their backgrounds (Redoc's defaults fall short in places). */
const THEME = {
  colors: {
    primary: { main: '#1a5fb4' },
    success: { main: '#1e7b34' },
    error: { main: '#b3261e' },
    warning: { main: '#8a5300' },
    text: { primary: '#1f2328', secondary: '#4b5563' },
    responses: {
      success: { color: '#1e7b34', tabTextColor: '#7ee2a8' },
      error: { color: '#b3261e', tabTextColor: '#ffb4ab' },
      redirect: { color: '#8a5300', tabTextColor: '#ffd479' },
      info: { color: '#1a5fb4', tabTextColor: '#a8d1ff' },
    },
    http: { get: '#1e7b34', post: '#1a5fb4', put: '#8a5300', delete: '#b3261e' },
  },
  typography: { code: { color: '#9b1c1c', backgroundColor: '#f4f5f5' }, links: { color: '#1a5fb4' } },
  sidebar: { textColor: '#1f2328', activeTextColor: '#1a5fb4', backgroundColor: '#f6f7f8' },
  rightPanel: { backgroundColor: '#1f2933', textColor: '#ffffff' },
};

const PAGE = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference | Reuse Preference Standard</title>
<link rel="icon" href="data:,">
<style>
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.site { display: flex; gap: 1.5rem; align-items: center; padding: 0.6rem 1rem; background: #1f2328; color: #fff; }
.site a { color: #fff; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 0.5rem; background: #fff; color: #1f2328; padding: 0.25rem 0.5rem; }
/* Where Redoc's theme has no setting, its colours fall under 4.5:1: the grey section captions
   ("path Parameters") and the selected response tab, which keeps the light text meant for the dark panel. */
#redoc h5 { color: #4b5563; }
#redoc .react-tabs__tab--selected { color: #1f2328 !important; }
/* The expand/collapse buttons of the JSON samples: 24 px targets (WCAG 2.2 target size) on 24 px lines,
   so no two of them overlap. */
#redoc .redoc-json code, #redoc .redoc-json li { line-height: 24px; }
#redoc .redoc-json .collapser { width: 24px; height: 24px; top: 0; }
</style>
</head>
<body>
<header class="site"><a class="skip" href="#redoc">Skip to the API reference</a><a href="/">Reuse Preference Standard</a><span>API reference (openapi.yaml, v1)</span></header>
<main id="redoc"></main>
<script src="/api/redoc.standalone.js"></script>
<script>
Redoc.init('/api/openapi.yaml', ${JSON.stringify({ theme: THEME, hideDownloadButton: false, expandResponses: '', jsonSampleExpandLevel: 2, hideHostname: true, disableSearch: false })}, document.getElementById('redoc'));
// Redoc's pickers (which example, which media type) are <select>s with no accessible name (axe
// select-name): each is named by the caption Redoc shows beside it, or by what it picks.
new MutationObserver(function () {
  document.querySelectorAll('#redoc select:not([aria-label])').forEach(function (s) {
    var caption = s.previousElementSibling && s.previousElementSibling.textContent.trim();
    s.setAttribute('aria-label', caption || 'Example to show');
  });
}).observe(document.getElementById('redoc'), { childList: true, subtree: true });
</script>
</body>
</html>
`;

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="14" viewBox="0 0 60 14"><text x="0" y="11" font-family="sans-serif" font-size="11" fill="#4b5563">Redoc</text></svg>\n`;

/** The files of /api/, by path under the site root. */
export function apiReferenceFiles(repoRoot: string): Map<string, string> {
  const files = new Map<string, string>();
  files.set('api/index.html', PAGE);
  files.set('api/redoc-logo.svg', LOGO);
  files.set('api/openapi.yaml', bundledContract(repoRoot));
  const redoc = readFileSync(
    join(dirname(require.resolve('redoc/package.json')), 'bundles', 'redoc.standalone.js'),
    'utf8',
  );
  const uses = redoc.split(REDOC_LOGO).length - 1;
  if (uses !== 1)
    throw new Error(
      `redoc.standalone.js names ${REDOC_LOGO} ${uses} times, expected once: check the logo replacement`,
    );
  files.set('api/redoc.standalone.js', redoc.replace(REDOC_LOGO, LOCAL_LOGO));
  return files;
}

/**
 * One document with every reference inside it: the checked-in bundle when the contract package makes one
 * (spec/v1/openapi.bundled.yaml), otherwise Redocly's bundle of openapi.yaml made here.
 */
function bundledContract(repoRoot: string): string {
  const checkedIn = join(repoRoot, 'spec', 'v1', 'openapi.bundled.yaml');
  if (existsSync(checkedIn)) return readFileSync(checkedIn, 'utf8');
  const out = mkdtempSync(join(tmpdir(), 'rp-docs-api-'));
  try {
    const cli = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
    execFileSync(
      process.execPath,
      [cli, 'bundle', join(repoRoot, 'spec', 'v1', 'openapi.yaml'), '-o', join(out, 'openapi.yaml')],
      {
        stdio: 'pipe',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );
    return readFileSync(join(out, 'openapi.yaml'), 'utf8');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
