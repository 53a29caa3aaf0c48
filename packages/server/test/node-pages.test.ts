import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileAssets, firstPage, withPages } from '../src/index.js';

let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rp-pages-'));
  mkdirSync(join(dir, 'assets', 'chunks'), { recursive: true });
  writeFileSync(join(dir, 'assets', 'app.js'), 'export const a = 1;');
  writeFileSync(join(dir, 'assets', 'chunks', 'c-1.js'), 'export const c = 1;');
  writeFileSync(join(dir, 'secret.txt'), 'outside the asset folder');
  const pages = firstPage(
    (path, query) =>
      path === '/form'
        ? { type: 'text/html; charset=utf-8', body: `<p>${query.get('pupil')}</p>` }
        : undefined,
    fileAssets('/form/assets/', join(dir, 'assets')),
  );
  server = createServer(
    withPages(pages, (req, res) => {
      res.writeHead(404, { 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ api: `${req.method} ${req.url}` }));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('pages beside the API', () => {
  it('serves a page on GET with headers that keep tokens and personal data out of caches and referrers', async () => {
    const response = await fetch(`${base}/form?pupil=ADM-0002`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<p>ADM-0002</p>');
    const headers = ['content-type', 'cache-control', 'referrer-policy', 'x-content-type-options'];
    expect(headers.map((name) => response.headers.get(name))).toEqual([
      'text/html; charset=utf-8',
      'no-store',
      'no-referrer',
      'nosniff',
    ]);
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await fetch(`${base}/form/assets/app.js`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('19');
    expect(await response.text()).toBe('');
  });

  it.each([
    ['/form/assets/app.js', 'export const a = 1;'],
    ['/form/assets/chunks/c-1.js', 'export const c = 1;'],
  ])('serves the built file %s as JavaScript', async (path, body) => {
    const response = await fetch(`${base}${path}`);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe(body);
  });

  it.each([
    ['POST', '/form'],
    ['PUT', '/form/assets/app.js'],
    ['GET', '/form/assets/../secret.txt'],
    ['GET', '/form/assets/%2e%2e/secret.txt'],
    ['GET', '/form/assets/missing.js'],
    ['GET', '/schools/137245/statements'],
  ])('leaves %s %s to the API', async (method, path) => {
    const response = await fetch(`${base}${path}`, { method });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { api: string }).api).toMatch(new RegExp(`^${method} `));
  });
});
