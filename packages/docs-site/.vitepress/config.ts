import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { type DefaultTheme, defineConfig } from 'vitepress';
import { apiReferenceFiles } from '../src/api-reference.js';
import { repositoryLinks } from '../src/repository-links.js';
import { REPOSITORY_URL, siteFiles } from '../src/site-files.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const files = siteFiles(repoRoot);
/**
 * The pages live across the repository (srcDir is its root), where pnpm gives no `vue`: the Markdown
 * pages compile to Vue components importing `vue` and `vue/server-renderer`, so those resolve to this
 * package's copy, the one the theme and VitePress use (two copies of Vue would break rendering).
 */
const vueFolder = dirname(createRequire(import.meta.url).resolve('vue/package.json'));

/** Title of a page: its first heading, as written. */
function titleOf(page: string): string {
  const heading = /^#\s+(.+)$/m.exec(readFileSync(join(repoRoot, page), 'utf8'));
  return heading ? heading[1]!.replace(/`/g, '') : page;
}

/** The site URL of a repository Markdown page (README.md is its folder's index). */
function urlOf(page: string): string {
  const rewritten = files.rewrites[page] ?? page;
  return `/${rewritten.replace(/(^|\/)index\.md$/, '$1').replace(/\.md$/, '.html')}`;
}

const pagesUnder = (folder: string, order?: string[]): DefaultTheme.SidebarItem[] =>
  [...files.pages]
    .filter((p) => p.startsWith(folder) && !p.slice(folder.length).includes('/'))
    .sort((a, b) => (order ? rank(order, a) - rank(order, b) : 0) || a.localeCompare(b))
    .map((page) => ({ text: titleOf(page), link: urlOf(page) }));

const rank = (order: string[], page: string) => {
  const i = order.findIndex((name) => page.endsWith(`/${name}`));
  return i === -1 ? order.length : i;
};

const GUIDE_ORDER = [
  'README.md',
  'reference-apps.md',
  'mis-vendor.md',
  'integrator.md',
  'dfe-intake.md',
  'dfe-release.md',
  'subject-view.md',
  'family-pages.md',
  'conformance-in-ci.md',
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, each space a hyphen. */
function githubSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

const packages = [...files.pages]
  .filter((p) => /^(packages|examples)\/[^/]+\/README\.md$/.test(p))
  .sort()
  .map((page) => ({ text: titleOf(page), link: urlOf(page) }));

/** Files served as they are: the spec folder's data files, and each JSON Schema at its `$id` path. */
function servedFiles(): Plugin {
  return {
    name: 'reuse-pref-served-files',
    configureServer(server) {
      let api: Map<string, string> | undefined;
      server.middlewares.use((request, response, next) => {
        const path = decodeURIComponent((request.url ?? '').split('?')[0]!.replace(/^\//, ''));
        const file = files.served.get(path);
        if (file) {
          response.setHeader('content-type', contentType(path));
          response.end(readFileSync(file));
          return;
        }
        if (path === 'api' || path === 'api/' || path.startsWith('api/')) {
          api ??= apiReferenceFiles(repoRoot);
          const body = api.get(path === 'api' || path === 'api/' ? 'api/index.html' : path);
          if (body !== undefined) {
            response.setHeader(
              'content-type',
              contentType(path.endsWith('/') || path === 'api' ? 'x.html' : path),
            );
            response.end(body);
            return;
          }
        }
        next();
      });
    },
  };
}

function contentType(path: string): string {
  if (path.endsWith('.schema.json')) return 'application/schema+json';
  if (path.endsWith('.json')) return 'application/json';
  if (path.endsWith('.yaml')) return 'application/yaml';
  if (path.endsWith('.xml') || path.endsWith('.xsd')) return 'application/xml';
  if (path.endsWith('.html')) return 'text/html; charset=utf-8';
  if (path.endsWith('.js')) return 'text/javascript';
  if (path.endsWith('.svg')) return 'image/svg+xml';
  return 'text/plain; charset=utf-8';
}

export default defineConfig({
  title: 'Reuse Preference Standard',
  description:
    'One checkbox on the school admission form, carried from the MIS to the Department for Education and honoured by every onward release.',
  lang: 'en-GB',
  srcDir: repoRoot,
  srcExclude: files.excluded,
  rewrites: files.rewrites,
  outDir: join(dirname(fileURLToPath(import.meta.url)), 'dist'),
  cacheDir: join(dirname(fileURLToPath(import.meta.url)), 'cache'),
  // /api/ is the Redoc page, written beside the VitePress pages (not a Markdown page).
  ignoreDeadLinks: [/^\/api\//],
  lastUpdated: false,
  markdown: {
    config: (md) => repositoryLinks(md, files),
    // GitHub's heading anchors, so a `guide.md#3-upload-it` link works on the site as it does on GitHub.
    anchor: { slugify: githubSlug },
    headers: { slugify: githubSlug },
    // The high-contrast GitHub themes: the default ones colour some tokens under 4.5:1.
    theme: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
  },
  head: [['link', { rel: 'icon', href: 'data:,' }]],
  themeConfig: {
    nav: [
      { text: 'Guides', link: '/docs/guides/' },
      { text: 'Specification', link: '/spec/v1/' },
      { text: 'API reference', link: '/api/', target: '_self' },
      { text: 'Schemas', link: '/docs/site/schemas.html' },
      { text: 'Register', link: '/docs/site/register.html' },
      { text: 'Conformance', link: '/conformance/' },
    ],
    sidebar: [
      {
        text: 'Start',
        items: [
          { text: 'Overview', link: '/' },
          { text: 'How it works', link: '/docs/how-it-works.html' },
        ],
      },
      { text: 'Guides', items: pagesUnder('docs/guides/', GUIDE_ORDER) },
      {
        text: 'Specification (normative)',
        items: [
          ...pagesUnder('spec/v1/', ['README.md', 'resolver.md', 'validation.md']),
          ...pagesUnder('spec/v1/xml/', ['README.md']),
        ],
      },
      {
        text: 'Reference',
        items: [
          { text: 'API reference (OpenAPI)', link: '/api/', target: '_self' },
          { text: 'JSON Schemas', link: '/docs/site/schemas.html' },
          { text: 'Sample public register', link: '/docs/site/register.html' },
        ],
      },
      { text: 'Conformance', items: [...pagesUnder('conformance/'), ...pagesUnder('conformance/protocol/')] },
      // Not collapsible: VitePress's collapsible group header is a role="button" holding a focusable caret,
      // which axe reports as nested-interactive (serious).
      { text: 'Packages and reference apps', items: packages },
      { text: 'Decisions', items: pagesUnder('docs/decisions/') },
    ],
    search: { provider: 'local' },
    outline: { level: [2, 3] },
    socialLinks: [{ icon: 'github', link: REPOSITORY_URL, ariaLabel: 'The repository on GitHub' }],
    footer: { message: 'Apache-2.0. The contract, SDKs and suite are built in the open.' },
  },
  vite: {
    plugins: [servedFiles()],
    resolve: { alias: [{ find: /^vue(\/server-renderer)?$/, replacement: `${vueFolder}$1` }] },
    server: { fs: { allow: [repoRoot] } },
  },
  /** The served files and the API reference go beside the pages. */
  buildEnd(site) {
    const write = (path: string, body: string | Buffer) => {
      const target = join(site.outDir, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, body);
    };
    for (const [path, file] of files.served) write(path, readFileSync(file));
    for (const [path, body] of apiReferenceFiles(repoRoot)) write(path, body);
  },
});
