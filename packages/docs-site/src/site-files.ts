/**
 * What the docs site is made of, decided in one place for the build, the dev server and the check:
 * which Markdown files of the repository are pages (at their repository paths, so every relative link
 * that works on GitHub works on the site), which other files are served as they are (the spec folder's
 * schemas, code lists, XSDs and examples), and where each JSON Schema is served: at the path of its
 * `$id`, so `https://schemas.reuse-pref.org/v1/statement.schema.json` is `/v1/statement.schema.json` here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Repository links to files the site does not carry point here (code, tests, changelogs). */
export const REPOSITORY_URL = 'https://github.com/reuse-pref/reuse-preference-standard';

export interface SiteFiles {
  repoRoot: string;
  /** Repository-relative Markdown files that become pages. */
  pages: Set<string>;
  /** Every other Markdown file, for VitePress's srcExclude. */
  excluded: string[];
  /** A folder's README.md is its index page: `spec/v1/README.md` is served at `/spec/v1/`. */
  rewrites: Record<string, string>;
  /** URL path (no leading slash) → absolute file, for files served unchanged. */
  served: Map<string, string>;
  /** The JSON Schemas by the path of their `$id`, with their titles, for the schemas page. */
  schemas: { path: string; id: string; title: string; file: string }[];
}

const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', '.git', '.vitepress', 'cache', 'test-results']);

/** Pages: the root README, docs/ and spec/ whole, and the README of each conformance folder and package. */
function isPage(path: string): boolean {
  if (path === 'README.md') return true;
  if (path.startsWith('docs/') || path.startsWith('spec/')) return true;
  if (/^conformance\/(.+\/)?README\.md$/.test(path)) return true;
  return /^(packages|examples)\/[^/]+\/README\.md$/.test(path);
}

function walk(root: string, folder: string, found: string[]): void {
  for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
    const path = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) walk(root, path, found);
    else found.push(path);
  }
}

export function siteFiles(repoRoot: string): SiteFiles {
  const all: string[] = [];
  walk(repoRoot, '', all);
  const markdown = all.filter((p) => p.endsWith('.md'));
  const pages = new Set(markdown.filter(isPage));
  const rewrites: Record<string, string> = {};
  for (const page of pages) {
    if (page === 'README.md') rewrites[page] = 'index.md';
    else if (page.endsWith('/README.md')) rewrites[page] = page.replace(/README\.md$/, 'index.md');
  }
  const served = new Map<string, string>();
  for (const path of all) {
    if (path.startsWith('spec/') && !path.endsWith('.md')) served.set(path, join(repoRoot, path));
  }
  const schemas = schemasByIdPath(repoRoot);
  for (const schema of schemas) served.set(schema.path, schema.file);
  return {
    repoRoot,
    pages,
    excluded: markdown.filter((p) => !pages.has(p)),
    rewrites,
    served,
    schemas,
  };
}

function schemasByIdPath(repoRoot: string): SiteFiles['schemas'] {
  const folder = join(repoRoot, 'spec', 'v1', 'schemas');
  return readdirSync(folder)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()
    .map((name) => {
      const file = join(folder, name);
      const schema = JSON.parse(readFileSync(file, 'utf8')) as { $id?: string; title?: string };
      if (!schema.$id) throw new Error(`${name} has no $id: every published schema is served at its $id`);
      const path = new URL(schema.$id).pathname.slice(1);
      return { path, id: schema.$id, title: schema.title ?? name, file };
    });
}

export type LinkTarget =
  | { kind: 'page' }
  | { kind: 'served'; path: string }
  | { kind: 'repository'; url: string }
  | { kind: 'missing'; path: string };

/**
 * Where a relative link written in a repository Markdown file leads on the site: a page (left for
 * VitePress), a served file (made site-absolute), or anything else in the repository (its GitHub
 * address). A link to nothing at all is reported, and the build fails on it.
 */
export function linkTarget(files: SiteFiles, fromFile: string, target: string): LinkTarget {
  const path = relative(files.repoRoot, join(fromFile, '..', decodeURIComponent(target)))
    .split(sep)
    .join('/');
  if (path.startsWith('..')) return { kind: 'missing', path };
  const absolute = join(files.repoRoot, path);
  if (!existsSync(absolute)) return { kind: 'missing', path };
  if (statSync(absolute).isDirectory()) {
    const index = path ? `${path.replace(/\/$/, '')}/README.md` : 'README.md';
    return files.pages.has(index)
      ? { kind: 'page' }
      : { kind: 'repository', url: `${REPOSITORY_URL}/tree/main/${path}` };
  }
  if (files.pages.has(path)) return { kind: 'page' };
  if (files.served.has(path)) return { kind: 'served', path: `/${path}` };
  return { kind: 'repository', url: `${REPOSITORY_URL}/blob/main/${path}` };
}
