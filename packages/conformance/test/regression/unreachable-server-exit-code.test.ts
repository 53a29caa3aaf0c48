import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ExitCode, main } from '../../src/index.js';

// Bug: an unreachable server and a non-conformant one both exited 1, after 12 x "fetch failed" and no
// pre-flight, so a CI job could not tell "our service is down" from "our service breaks the standard".
async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), env: {} });
  return { code, out, err };
}

/** A loopback port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('a service that does not answer', () => {
  it.each(['producer', 'receiver', 'relay'])(
    'run --profile %s exits 3 (could not run) with one line naming the URL, and runs no scenario',
    async (profile) => {
      const url = `http://127.0.0.1:${await closedPort()}`;
      const run = await cli(['run', '--profile', profile, '--base-url', url, '--token', 't']);
      expect(run.code).toBe(ExitCode.couldNotRun);
      expect(run.code).toBe(3);
      expect(run.err.trim().split('\n')).toEqual([
        `reuse-pref-conformance: could not run: cannot reach the service at ${url}: connection refused (is the service started, on this port?)`,
      ]);
      expect(run.out).toBe('');
      expect(run.err).not.toContain('fetch failed');
    },
  );

  it('a distributor whose intake does not answer is could not run too', async () => {
    const intake = `http://127.0.0.1:${await closedPort()}`;
    const distributor = createServer((socket) =>
      socket.end('HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n'),
    );
    await new Promise<void>((resolve) => distributor.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(distributor.address() as { port: number }).port}`;
    try {
      const run = await cli([
        'run',
        '--profile',
        'distributor',
        '--base-url',
        url,
        '--token',
        't',
        '--intake-url',
        intake,
        '--intake-token',
        't',
      ]);
      expect(run.code).toBe(3);
      expect(run.err).toContain(`cannot reach the intake at ${intake}`);
    } finally {
      distributor.close();
    }
  });

  it('exit codes keep their documented meanings', () => {
    expect(ExitCode).toEqual({ conformant: 0, notConformant: 1, usage: 2, couldNotRun: 3 });
  });
});
