import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const siteRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const repoRoot = join(siteRoot, '..', '..');

/** Building the site under a loaded machine takes minutes (about 80 s with the machine busy). */
export const SITE_BUILD_TIMEOUT_MS = 600_000;

/**
 * Builds the site as `pnpm docs:build` does (the workspace packages its sample register loads, then
 * VitePress), into `outDir`. A failed build throws with VitePress's own output, which names the page.
 */
export function buildSite(outDir: string): void {
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs'), '--js', '@reuse-pref/docs-site'], {
    stdio: 'pipe',
  });
  const vitepress = join(siteRoot, 'node_modules', 'vitepress', 'bin', 'vitepress.js');
  try {
    execFileSync(process.execPath, [vitepress, 'build', '.', '--outDir', outDir], {
      cwd: siteRoot,
      stdio: 'pipe',
      env: { ...process.env, NO_COLOR: '1' },
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`vitepress build failed:\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.yaml': 'application/yaml',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
};

/**
 * The built site served as any static host serves it: a file at its path, a folder's index.html, 404 for
 * anything else (so a broken link is a 404 the crawl sees, not a fallback page).
 */
export async function serveStatic(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    let file = join(dir, path);
    if (!file.startsWith(dir)) file = '';
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file || !existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
