import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Role } from '@reuse-pref/server';
import { AUDIENCE, ISSUER, type ReferenceServer } from '../reference-servers.js';
import { startMutantProxy } from './proxy.js';

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
export function startMutantChild(
  role: Role,
  mutant: string,
  beside: Pick<ReferenceServer, 'spec' | 'jwks'>,
  options: { logSigningKey?: string } = {},
): Promise<MutantChild> {
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
        env: {
          ...process.env,
          RP_CONFORMANCE_JWKS: JSON.stringify(beside.jwks),
          ...(options.logSigningKey ? { RP_CONFORMANCE_LOG_KEY: options.logSigningKey } : {}),
        },
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

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/**
 * `mutant` (or the reference, `none`) as a server process that is killed with SIGKILL right after every
 * batch it acknowledges and started again on the same store before the sender sees the acknowledgement,
 * behind a proxy that follows it to its new port. An acknowledged batch must survive that; what the next
 * request finds is whatever the store had made durable.
 */
export async function startCrashingChild(
  role: Role,
  mutant: string,
  beside: ReferenceServer,
): Promise<MutantChild & { crashes(): number }> {
  let current = await startMutantChild(role, mutant, beside);
  let crashes = 0;
  const proxy = await startMutantProxy(() => current.url, {
    async response(reply, ex) {
      if (ex.method !== 'POST' || ex.path !== '/intake/batches' || reply.status >= 300) return reply;
      await killHard(current.child);
      crashes++;
      current = await startMutantChild(role, mutant, beside);
      return reply;
    },
  });
  return {
    url: proxy.url,
    get child() {
      return current.child;
    },
    crashes: () => crashes,
    async close() {
      await proxy.close();
      await current.close();
    },
  };
}
