import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role } from '../../../src/index.js';
import { bundleServerMain, killHard } from '../../crash/child.js';
import { AUDIENCE, createIssuer, ISSUER, type TokenIssuer } from '../../helpers/tokens.js';

let bundle: Promise<string> | undefined;

/** A server under attack, in its own process: what it holds (descriptors, memory) is its own. */
export interface AttackedServer {
  url: string;
  port: number;
  child: ChildProcess;
  issuer: TokenIssuer;
  /** Open file descriptors of the server process now. */
  openFds(): number;
  /** Resident memory now and at its peak (VmHWM), in MiB. */
  rssMiB(): { now: number; peak: number };
  close(): Promise<void>;
}

export async function startAttackedServer(
  role: Role,
  options: Record<string, unknown>,
): Promise<AttackedServer> {
  const [file, issuer] = await Promise.all([serverBundle(), createIssuer()]);
  const dir = mkdtempSync(join(tmpdir(), `rp-attack-${role}-`));
  const store = { kind: 'sqlite', path: join(dir, 'store.db') };
  const config = { role, store, issuer: ISSUER, audience: AUDIENCE, options };
  const child = spawn(process.execPath, [file, JSON.stringify(config)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RP_TEST_JWKS: JSON.stringify(issuer.jwks) },
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /listening (\S+)\n/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code, signal) => reject(new Error(`server exited (${signal ?? code}): ${stderr}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    child,
    issuer,
    openFds: () => readdirSync(`/proc/${child.pid}/fd`).length,
    rssMiB: () => rssMiB(child.pid!),
    async close() {
      await killHard(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Resident memory of process `pid` now and at its peak (VmHWM), in MiB, from /proc. */
export function rssMiB(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mib = (field: string) =>
    Math.round(Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024);
  return { now: mib('VmRSS'), peak: mib('VmHWM') };
}

/** The bundled server entry point (attack/server-main.ts), built once per test process. */
export function serverBundle(): Promise<string> {
  bundle ??= bundleServerMain(fileURLToPath(new URL('./server-main.ts', import.meta.url)));
  return bundle;
}

export async function removeBundle(): Promise<void> {
  if (bundle) rmSync(await bundle, { force: true });
  bundle = undefined;
}

/** One GET /health on a new connection (as a load balancer's probe makes it); its time in ms. */
export function probeHealth(port: number, timeoutMs = 30_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      { host: '127.0.0.1', port, path: '/health', agent: false, timeout: timeoutMs },
      (res) => {
        res.resume();
        res.once('end', () =>
          res.statusCode === 200
            ? resolve(performance.now() - started)
            : reject(new Error(`health ${res.statusCode}`)),
        );
      },
    );
    req.once('timeout', () => req.destroy(new Error('health timed out')));
    req.once('error', reject);
    req.end();
  });
}

/** The median of `samples` sequential health probes, in ms. */
export async function healthMedianMs(port: number, samples = 15): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) times.push(await probeHealth(port));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * Whether the server stayed responsive: a probe under attack may be slower than the unloaded baseline,
 * but within a generous bound (ten times the baseline, and never less than 100 ms), so a busy shared
 * machine does not make it flaky while a stalled event loop (seconds) still fails it.
 */
export const responsiveBound = (baselineMs: number): number => Math.max(100, 10 * baselineMs);
