import type { IncomingMessage, ServerResponse as NodeResponse } from 'node:http';
import { type App, newRequestId } from '../app.js';
import type { ServerRequest, ServerResponse } from '../http/types.js';

/** A `(req, res)` listener for `http.createServer`, serving the app. */
export function createNodeHandler(app: App): (req: IncomingMessage, res: NodeResponse) => void {
  return (req, res) => {
    const request = toServerRequest(req, req.url ?? '/');
    app.handle(request).then(
      (response) => send(req, res, response),
      () => {
        // app.handle turns every error into a response; this is the last guard against a dropped socket.
        res.statusCode = 500;
        res.end();
      },
    );
  };
}

export function toServerRequest(req: IncomingMessage, url: string): ServerRequest {
  const parsed = new URL(url, 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path: parsed.pathname,
    query: parsed.searchParams,
    headers,
    body: req,
    requestId: newRequestId(headers['x-request-id']),
  };
}

// Draining a refused body lets the client read our answer instead of a connection reset mid-upload;
// past this much we stop being polite and cut the connection.
const MAX_DRAIN_BYTES = 32 * 1024 * 1024;

export function send(req: IncomingMessage, res: NodeResponse, response: ServerResponse): void {
  const headers: Record<string, string | number> = { ...response.headers };
  if (response.body !== undefined) headers['content-length'] = Buffer.byteLength(response.body);
  if (discardUnreadBody(req)) headers.connection = 'close';
  res.writeHead(response.status, headers);
  res.end(response.body);
}

/**
 * A request refused before its body was read (413, 401, 415...) still has bytes on the wire. They are
 * drained (up to a cap) and the connection closed after the answer, so the rest is never parsed as a
 * next request. Returns true when the caller must send `Connection: close`.
 */
export function discardUnreadBody(req: IncomingMessage): boolean {
  if (req.complete) return false;
  let drained = 0;
  req.on('data', (chunk: Buffer) => {
    drained += chunk.byteLength;
    if (drained > MAX_DRAIN_BYTES) req.destroy();
  });
  req.on('error', () => {});
  req.resume();
  return true;
}
