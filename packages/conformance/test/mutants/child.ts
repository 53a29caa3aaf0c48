import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Role } from '@reuse-pref/server';
import { AUDIENCE, ISSUER, type ReferenceServer } from '../reference-servers.js';

export interface MutantChild {
  url: string;
  child: ChildProcess;
  close(): Promise<void>;
}

const packageDir = join(import.meta.dirname, '../..');

/**
 * Starts `mutant` as its own server process for `role`, on the store of `beside` and trusting its tokens,
 * so the scenarios run against it with the reference server's tokens (and, for a distributor, its intake).
 */
export function startMutantChild(role: Role, mutant: string, beside: ReferenceServer): Promise<MutantChild> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--conditions=source',
        '--import',
        'tsx',
        join(import.meta.dirname, 'child/server-main.ts'),
        role,
        JSON.stringify(beside.spec),
        ISSUER,
        AUDIENCE,
        mutant,
      ],
      {
        cwd: packageDir,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, RP_CONFORMANCE_JWKS: JSON.stringify(beside.jwks) },
      },
    );
    let out = '';
    let err = '';
    const early = (code: number | null, signal: string | null) =>
      reject(new Error(`mutant ${mutant} exited (${signal ?? code}) before listening: ${err}`));
    child.once('exit', early);
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /listening (\S+)\n/.exec(out);
      if (!match) return;
      child.off('exit', early);
      resolve({
        url: match[1]!,
        child,
        close: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
