import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt, runBin } from '../support/bin.js';

// Bug: `reuse-pref serve` on a port in use printed a stack trace and left the SQLite file it had made.
beforeAll(() => ensureBuilt(), BUILD_TIMEOUT_MS);

describe('reuse-pref serve on a port that is taken', () => {
  it('says so in one line, exits 2 and leaves no database file', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    const dir = mkdtempSync(join(tmpdir(), 'rp-port-in-use-'));
    try {
      const run = runBin(
        ['serve', '--role', 'receiver', '--dev-auth', '--port', String(port), '--db', join(dir, 'r.db')],
        { cwd: dir },
      );
      expect(run.status).toBe(2);
      const errors = run.stderr
        .split('\n')
        .filter((line) => line.startsWith('reuse-pref:') || /\bat /.test(line));
      expect(errors).toEqual([
        `reuse-pref: port ${port} on 127.0.0.1 is in use: stop what is using it, or pick another --port`,
      ]);
      expect(run.stderr).not.toMatch(/EADDRINUSE|\n\s+at /);
      expect(existsSync(join(dir, 'r.db'))).toBe(false);
      expect(readdirSync(dir).filter((f) => f.startsWith('r.db'))).toEqual([]);
    } finally {
      taken.close();
    }
  });
});
