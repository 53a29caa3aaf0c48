import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';

/** A page or file served beside the API: the family's form, the subject view and their scripts. */
export interface Page {
  readonly type: string;
  readonly body: string | Uint8Array;
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Answers a GET or HEAD for a path it knows; undefined hands the request to the API. */
export type Pages = (path: string, query: URLSearchParams) => Page | undefined;

type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;

// Pages carry sign-in tokens in their fragments and personal data in their content: never cached, never
// sniffed into another type, and never named in a Referer header.
const PAGE_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/**
 * Puts `pages` in front of the API's listener. Only GET and HEAD reach them, and only paths they answer;
 * everything else is the API's, so the contract, its auth and its problems are untouched.
 */
export function withPages(pages: Pages, api: NodeListener): NodeListener {
  return (req, res) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const page = pages(url.pathname, url.searchParams);
      if (page) {
        const body = typeof page.body === 'string' ? Buffer.from(page.body, 'utf8') : page.body;
        res.writeHead(page.status ?? 200, {
          ...PAGE_HEADERS,
          ...page.headers,
          'content-type': page.type,
          'content-length': body.byteLength,
        });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
    }
    api(req, res);
  };
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
};

/**
 * Every file under `dir` (a built browser bundle), served at `prefix` + its relative path. The files are
 * read once, at start: a request can only name one of them, so no path can reach outside the folder.
 */
export function fileAssets(prefix: string, dir: string): Pages {
  const files = new Map<string, Page>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const url = `${prefix}${relative(dir, path).split(sep).join('/')}`;
        const type = TYPES[extname(entry.name)] ?? 'application/octet-stream';
        files.set(url, { type, body: readFileSync(path), headers: { 'cache-control': 'no-cache' } });
      }
    }
  };
  walk(dir);
  return (path) => files.get(path);
}

/** The first of several page sets that answers. */
export function firstPage(...sets: readonly Pages[]): Pages {
  return (path, query) => {
    for (const pages of sets) {
      const page = pages(path, query);
      if (page) return page;
    }
    return undefined;
  };
}
