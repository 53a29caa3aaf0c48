// Issue 17 item 9: a client that went away in the middle of its body was logged as a 500 at level
// error (and handed to onError), though nothing was wrong with the server. It is now a 400 at level
// warn, and onError does not see it.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer('receiver');
});
afterAll(() => server.close());

describe('a client that aborts mid-body', () => {
  it('is logged as a 400 warning, not a server error', async () => {
    const token = await server.issuer.token('receiver:write school:*');
    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      'POST /intake/batches HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\n' +
        `Authorization: Bearer ${token}\r\nIdempotency-Key: abort-1\r\nContent-Length: 100000\r\n\r\n{"id":`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.destroy();
    const deadline = Date.now() + 5_000;
    while (!server.logs.some((l) => l.route === '/intake/batches') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const line = server.logs.find((l) => l.route === '/intake/batches');
    expect(line).toMatchObject({
      status: 400,
      level: 'warn',
      problem: 'https://reuse-pref.org/problems/bad-request',
    });
    expect(server.errors).toEqual([]);
  });
});
