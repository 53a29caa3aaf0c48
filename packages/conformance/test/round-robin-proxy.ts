import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  /** Requests each backend was sent, in backend order. */
  readonly served: number[];
  close(): Promise<void>;
}

/**
 * A load balancer as a deployment would put before several server processes: each HTTP request goes
 * to the next backend in turn (per request, not per connection, so one keep-alive client still reaches
 * every process), streamed both ways unchanged.
 */
export async function startRoundRobinProxy(backends: readonly string[]): Promise<RoundRobinProxy> {
  const served = backends.map(() => 0);
  let next = 0;
  const server = createServer((req, res) => {
    const at = next++ % backends.length;
    served[at]! += 1;
    const target = new URL(req.url ?? '/', backends[at]);
    const upstream = httpRequest(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host } },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
