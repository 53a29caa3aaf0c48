import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../store/test/postgres/cluster.js';
import { main } from '../src/index.js';
import {
  AUDIENCE,
  DISTRIBUTOR_SCOPES,
  ISSUER,
  issuer,
  OTHER_SCHOOL,
  SCHOOL,
  SCHOOL_SCOPES,
} from './reference-servers.js';

// The documented fault hook (conformance/protocol/examples/fault-hook-postgres.sh) as a vendor would use
// it (decision 0042): the reference CLI (`reuse-pref serve`) as its own processes on a PostgreSQL
// database, the conformance CLI run with --fault-command, and the hook making that database refuse
// connections, rewriting a log leaf as the table's owner, and restarting the distributor through a
// command the operator gives it (here: a request to this test, which stops the process and starts it
// again on the same port, database, key and signed-head file). No pause command is given, so store-slow
// is skipped as the hook says it cannot cause it (exit 3); the in-process judge covers it.
const repoRoot = join(import.meta.dirname, '../../..');
const cliDir = join(repoRoot, 'packages/cli');
const script = join(repoRoot, 'conformance/protocol/examples/fault-hook-postgres.sh');
const dir = mkdtempSync(join(tmpdir(), 'rp-fault-hook-'));
const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
  rmSync(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** `reuse-pref serve` from source, as its own process; resolves once it listens. */
function serve(args: string[]): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', join(cliDir, 'src/bin.ts'), 'serve', ...args],
    {
      cwd: join(repoRoot, 'packages/conformance'),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CI: '1' },
    },
  );
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    err = `${err}${chunk.toString()}`.slice(-4000);
  });
  return new Promise((resolve, reject) => {
    const early = (code: number | null) => reject(new Error(`serve exited early with ${code}: ${err}`));
    child.once('exit', early);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.includes('"listening"')) return;
      child.off('exit', early);
      resolve(child);
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe('the documented PostgreSQL fault hook against the reference CLI', () => {
  it('makes every distributor fault case pass, store-slow skipped (no pause command given)', async () => {
    const database = await createTestDatabase();
    cleanup.push(() => database.drop());
    const { jwks, sign } = await issuer();
    const jwksFile = join(dir, 'jwks.json');
    writeFileSync(jwksFile, JSON.stringify(jwks));
    const logKey = join(dir, 'log-key.pem');
    writeFileSync(
      logKey,
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    );
    const common = [
      '--store',
      'postgres',
      '--database-url',
      database.url,
      '--jwks-file',
      jwksFile,
      '--issuer',
      ISSUER,
      '--audience',
      AUDIENCE,
    ];
    const [port, intakePort] = [await freePort(), await freePort()];
    const distributorArgs = [
      '--role',
      'distributor',
      '--port',
      String(port),
      '--log-key',
      logKey,
      '--signed-head',
      join(dir, 'signed-head.json'),
      ...common,
    ];
    let distributor = await serve(distributorArgs);
    cleanup.push(() => stop(distributor));
    const intake = await serve(['--role', 'receiver', '--port', String(intakePort), ...common]);
    cleanup.push(() => stop(intake));
    // The operator's restart command: this test stops the process and starts it again the same way.
    let restarts = 0;
    const control: Server = createServer((_req, res) => {
      void (async () => {
        await stop(distributor);
        distributor = await serve(distributorArgs);
        restarts++;
        res.end('restarted');
      })().catch((error: Error) => {
        res.statusCode = 500;
        res.end(error.message);
      });
    });
    await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise((resolve) => control.close(resolve)));
    const restart = `${process.execPath} -e "fetch('http://127.0.0.1:${(control.address() as AddressInfo).port}/',{method:'POST'}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"`;
    const schoolToken = await sign(`${SCHOOL_SCOPES} school:${SCHOOL.urn}`);
    const json = join(dir, 'report.json');
    let out = '';
    const code = await main(
      [
        'run',
        '--profile',
        'distributor',
        '--base-url',
        `http://127.0.0.1:${port}`,
        '--token',
        await sign(DISTRIBUTOR_SCOPES),
        '--other-school-token',
        await sign(`${SCHOOL_SCOPES} school:${OTHER_SCHOOL}`),
        '--intake-url',
        `http://127.0.0.1:${intakePort}`,
        '--intake-token',
        schoolToken,
        '--fault-command',
        `bash ${script}`,
        '--json',
        json,
      ],
      {
        out: (t) => (out += t),
        err: (t) => (out += t),
        env: { REUSE_PREF_FAULT_DATABASE_URL: database.url, REUSE_PREF_FAULT_RESTART: restart },
      },
    );
    const report = JSON.parse(readFileSync(json, 'utf8')) as {
      results: { id: string; status: string; message?: string }[];
    };
    const faultCases = report.results.filter((r) => r.id.startsWith('distributor-fault-'));
    expect(
      faultCases.map((r) => ({
        id: r.id,
        status: r.status,
        ...(r.status === 'pass' ? {} : { message: r.message }),
      })),
    ).toEqual([
      { id: 'distributor-fault-store/health-while-store-unavailable', status: 'pass' },
      {
        id: 'distributor-fault-store/health-while-store-slow',
        status: 'skipped',
        message: 'the fault command cannot cause store-slow (it exited 3)',
      },
      { id: 'distributor-fault-restart/same-log-after-restart', status: 'pass' },
      { id: 'distributor-fault-log-rewritten/refuses-over-a-rewritten-leaf', status: 'pass' },
    ]);
    // The rest of the profile passed too, the rewritten log's case last of all.
    const notPassed = report.results.filter((r) => r.status !== 'pass' && r.status !== 'skipped');
    expect(notPassed).toEqual([]);
    // (The contract check's results follow the scenarios'.)
    const scenarios = report.results.filter((r) => !r.id.startsWith('contract/'));
    expect(scenarios.at(-1)?.id).toBe('distributor-fault-log-rewritten/refuses-over-a-rewritten-leaf');
    expect(restarts).toBe(2);
    expect(code, out).toBe(0);
  }, 300_000);
});
