import type { MarkdownRenderer } from 'vitepress';
import { linkTarget, type SiteFiles } from './site-files.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Repository Markdown links relative to their file, made right for the site before VitePress sees them:
 * a page stays relative (VitePress turns `.md` into `.html`; a README becomes its folder), a folder with a README page gets its
 * trailing slash, a served file becomes site-absolute (and `target="_self"`, so neither VitePress's
 * `.html` rule nor its router touches it), and anything else in the repository links to GitHub. A link to
 * a file that does not exist fails the build, naming the page and the link.
 */
export function repositoryLinks(md: MarkdownRenderer, files: SiteFiles): void {
  md.core.ruler.push('repository-links', (state) => {
    const from = (state.env as { path?: string }).path;
    if (!from) return;
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        if (token.type !== 'link_open') continue;
        const href = token.attrGet('href');
        if (!href || href.startsWith('#') || href.startsWith('/') || SCHEME.test(href)) continue;
        const [path = '', hash] = href.split('#', 2);
        if (path === '') continue;
        const target = linkTarget(files, from, path);
        const suffix = hash === undefined ? '' : `#${hash}`;
        if (target.kind === 'missing')
          throw new Error(`${from}: the link ${href} leads to ${target.path}, which does not exist`);
        if (target.kind === 'served') {
          token.attrSet('href', `${target.path}${suffix}`);
          token.attrSet('target', '_self');
        } else if (target.kind === 'repository') {
          token.attrSet('href', `${target.url}${suffix}`);
        } else if (path === 'README.md' || path.endsWith('/README.md')) {
          // A README is its folder's index page; VitePress applies rewrites to pages, not to links.
          token.attrSet('href', `${path.slice(0, -'README.md'.length) || './'}${suffix}`);
        } else if (!path.endsWith('.md') && !path.endsWith('/')) {
          token.attrSet('href', `${path}/${suffix}`);
        }
      }
    }
  });
}
