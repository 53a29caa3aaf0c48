import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { StatementStore, StoredStatement } from '../../src/index.js';
import { freshUrn } from '../contract/fixtures.js';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Bundles the writer once so each child starts in plain node in a few tens of milliseconds. It goes under
 * the package's node_modules so the child resolves better-sqlite3 and pg from there.
 */
export async function bundleWriter(): Promise<string> {
  const dir = join(here, '../../node_modules/.cache/reuse-pref-crash');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `writer-${process.pid}-${Date.now()}.mjs`);
  await build({
    entryPoints: [join(here, 'writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Workspace packages from src, as vitest resolves them, so the child never runs a stale dist.
    conditions: ['source'],
    external: ['better-sqlite3', 'pg', 'pg-copy-streams'],
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

export interface CrashRun {
  urn: string;
  acknowledged: number[];
}

/** Starts a writer, lets it run for a random time after its first acknowledged batch, then SIGKILLs it. */
export function crashOnce(
  writer: string,
  kind: string,
  target: string,
  maxDelayMs: number,
): Promise<CrashRun> {
  const urn = freshUrn();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, kind, target, urn], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged: number[] = [];
    let buffered = '';
    let stderr = '';
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (line === 'ready') continue;
        // The clock starts at the first acknowledgement, so every run has written something before the
        // kill lands at a random point of a later batch.
        if (acknowledged.length === 0) {
          setTimeout(() => {
            killed = true;
            child.kill('SIGKILL');
          }, Math.random() * maxDelayMs);
        }
        acknowledged.push(Number(line));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('exit', (_code, signal) => {
      if (killed && signal === 'SIGKILL') resolve({ urn, acknowledged });
      else reject(new Error(`writer ended by itself (${signal ?? _code}): ${stderr}`));
    });
  });
}

/** What a crashed run left behind, batch by batch: how many of each batch's records are stored. */
export async function storedBatches(store: StatementStore, urn: string): Promise<Map<number, number>> {
  const all: StoredStatement[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await store.statements.list(
      urn,
      after === undefined ? { limit: 5000 } : { after, limit: 5000 },
    );
    all.push(...page.items);
    if (page.nextCursor === null) break;
    after = page.nextCursor;
  }
  const counts = new Map<number, number>();
  for (const item of all) {
    const batch = Number(/^B(\d+)-/.exec(item.statement.subject.localId ?? '')?.[1]);
    counts.set(batch, (counts.get(batch) ?? 0) + 1);
  }
  return counts;
}
