import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Exchange {
  method: string;
  /** Path and query, as received. */
  path: string;
  headers: Headers;
  body: string;
}
export interface Reply {
  status: number;
  headers: Headers;
  body: string;
}

/** One broken behaviour: may rewrite the request before it reaches the real server, and its reply after. */
export interface HttpMutation {
  request?(
    ex: Exchange,
    upstream: (ex: Exchange) => Promise<Reply>,
  ): Promise<Exchange | Reply> | Exchange | Reply;
  response?(reply: Reply, ex: Exchange, upstream: (ex: Exchange) => Promise<Reply>): Promise<Reply> | Reply;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A reverse proxy in front of a real reference server that breaks exactly one behaviour: the server
 * itself is never edited, so every other behaviour stays the reference one. The upstream may move (a
 * server restarted on a new port): pass a function to follow it.
 */
export async function startMutantProxy(
  upstreamUrl: string | (() => string),
  mutation: HttpMutation,
): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = async (ex: Exchange): Promise<Reply> => {
    const headers = new Headers(ex.headers);
    headers.delete('host');
    headers.delete('content-length');
    const base = typeof upstreamUrl === 'string' ? upstreamUrl : upstreamUrl();
    const res = await fetch(`${base}${ex.path}`, {
      method: ex.method,
      headers,
      ...(ex.method === 'GET' || ex.method === 'HEAD' ? {} : { body: ex.body }),
    });
    return { status: res.status, headers: res.headers, body: await res.text() };
  };
  const server: Server = createServer(async (req, res) => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    let ex: Exchange = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers,
      body: await readBody(req),
    };
    const changed = mutation.request ? await mutation.request(ex, upstream) : ex;
    let reply: Reply;
    if ('status' in changed) reply = changed;
    else {
      ex = changed;
      reply = await upstream(ex);
      if (mutation.response) reply = await mutation.response(reply, ex, upstream);
    }
    const out: Record<string, string> = {};
    reply.headers.forEach((v, k) => {
      if (
        k !== 'content-length' &&
        k !== 'transfer-encoding' &&
        k !== 'content-encoding' &&
        k !== 'connection'
      )
        out[k] = v;
    });
    res.writeHead(reply.status, out).end(reply.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

export const newKey = () => randomUUID();
