import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Statement } from '@reuse-pref/schema';
import { openSqliteStore } from '@reuse-pref/store/sqlite';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt, repoRoot, runBin } from './support/bin.js';

const dir = mkdtempSync(join(tmpdir(), 'store-cli-'));
const at = (name: string) => join(dir, name);
const OBJECTOR = 'B801200005001';
const NEVER_ASKED = 'A801200000019';
const example = JSON.parse(
  readFileSync(join(repoRoot, 'spec/v1/examples/statement.json'), 'utf8'),
) as Statement;

beforeAll(async () => {
  ensureBuilt();
  writeFileSync(
    at('r.json'),
    JSON.stringify({
      dsReference: 'DR-NATIONAL-0001',
      recipient: { name: 'Home Office', class: 'HOFF' },
      purposes: ['IMMI', 'LINK'],
      lawfulBasis: 'PUBT',
      dataTiers: [{ identifiability: '1', sensitivity: 'C' }],
      deliveryMode: 'EXTR',
      retainUntil: '2027-12-31',
      cohort: { description: 'National cohort' },
      decisionMaker: 'Panel',
      reasons: 'Test',
      requestedAt: '2026-10-01T09:00:00Z',
    }),
  );
  writeFileSync(at('keys.ndjson'), `{"upn":"${OBJECTOR}"}\n\n{"upn":"${NEVER_ASKED}","uln":"1234567890"}\n`);
  const store = await openSqliteStore({ path: at('store.db') });
  // The example pupil objects to IMMI and LINK.
  await store.statements.append({ ...example, subject: { ...example.subject, upn: OBJECTOR } });
  await store.close();
}, BUILD_TIMEOUT_MS);

describe('reuse-pref store and release evaluate --store', () => {
  it('says the index is complete, counts from it, then records into the store once', () => {
    const status = runBin(['store', 'status', '--db', at('store.db')]);
    expect(status.status, status.stderr).toBe(0);
    expect(status.stdout).toContain('preferences index: complete');
    const args = [
      'release',
      'evaluate',
      '--db',
      at('store.db'),
      '--request',
      at('r.json'),
      '--cohort',
      at('keys.ndjson'),
    ];
    const counted = runBin(args);
    expect(counted.status, counted.stderr).toBe(0);
    expect(counted.stdout).toMatch(/subjects\s+2\n/);
    expect(counted.stdout).toMatch(/excluded \(EXCL\)\s+1\s+\(stated 1, never asked 0\)/);
    const recorded = runBin([...args, '--record', '--decided-at', '2026-11-01T00:00:00Z']);
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.stdout).toContain('recorded at log index 2');
    // The first recording opened the log at its edge (the default); this one reads every leaf first.
    const again = runBin([
      ...args,
      '--record',
      '--log-check',
      'every-leaf',
      '--decided-at',
      '2026-11-01T00:00:00Z',
    ]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('already recorded at log index 2');
    // What the distributor server reads: the subject's ledger and the register, in the store.
    const db = new Database(at('store.db'), { readonly: true });
    const ledger = db
      .prepare(
        // One ledger per release for each subject (decision 0052): `release:subject:upn:<UPN>#<leaf>`.
        'SELECT entry FROM ledger_entries WHERE ledger >= ? AND ledger < ? ORDER BY ledger, idx',
      )
      .all(`release:subject:upn:${OBJECTOR}#`, `release:subject:upn:${OBJECTOR}$`) as { entry: string }[];
    expect(ledger.map((r) => JSON.parse(r.entry).entry.outcome)).toEqual(['EXCL']);
    const register = db
      .prepare("SELECT COUNT(*) AS n FROM ledger_entries WHERE ledger = 'release:register'")
      .get();
    expect(register).toEqual({ n: 1 });
    db.close();
  });

  it('refuses to decide from an index that has not taken in every statement, until reindex', () => {
    const path = at('raw.db');
    const db = new Database(path);
    db.close();
    // A statement written past the library (raw SQL, an older version) is counted but not indexed.
    const store = runBin(['store', 'status', '--db', path]);
    expect(store.status).toBe(0);
    const raw = new Database(path);
    raw
      .prepare('INSERT INTO statements (id, urn, upn, body, stored_at) VALUES (?, ?, ?, ?, ?)')
      .run(
        example.id,
        example.setting.urn,
        OBJECTOR,
        JSON.stringify({ ...example, subject: { upn: OBJECTOR } }),
        'x',
      );
    raw.close();
    const status = runBin(['store', 'status', '--db', path]);
    expect(status.status).toBe(1);
    expect(status.stdout).toContain('INCOMPLETE');
    const refused = runBin([
      'release',
      'evaluate',
      '--db',
      path,
      '--request',
      at('r.json'),
      '--cohort',
      at('keys.ndjson'),
    ]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('reuse-pref store reindex');
    const reindexed = runBin(['store', 'reindex', '--db', path]);
    expect(reindexed.status, reindexed.stderr).toBe(0);
    expect(reindexed.stdout).toContain('reindexed 1 statements into 1 subjects');
    const counted = runBin([
      'release',
      'evaluate',
      '--db',
      path,
      '--request',
      at('r.json'),
      '--cohort',
      at('keys.ndjson'),
    ]);
    expect(counted.status, counted.stderr).toBe(0);
    expect(counted.stdout).toMatch(/excluded \(EXCL\)\s+1/);
  });

  it.each([
    [['store'], /store needs a subcommand/],
    [['store', 'vacuum'], /unknown store subcommand/],
    [['store', 'status', '--competence-age', '12'], /--competence-age/],
    [['store', 'status', '--store', 'oracle'], /--store must be sqlite or postgres/],
    [['release', 'evaluate', '--request', 'r', '--cohort', 'c', '--record'], /--record records into a store/],
    [
      ['release', 'evaluate', '--request', 'r', '--cohort', 'c', '--db', 'x.db', '--log-check', 'edge'],
      /--log-check says how a recording opens the log: give --record/,
    ],
    [
      [
        'release',
        'evaluate',
        '--request',
        'r',
        '--cohort',
        'c',
        '--db',
        'x.db',
        '--record',
        '--log-check',
        'all',
      ],
      /--log-check must be edge or every-leaf, not all/,
    ],
  ])('%j is a usage error', (args, message) => {
    const run = runBin(args, { cwd: dir, env: { ...process.env, DATABASE_URL: '' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('refuses a cohort line that is not a subject key, naming the line', () => {
    writeFileSync(at('bad.ndjson'), `{"upn":"${OBJECTOR}"}\n{"localId":"ADM-1"}\n`);
    const run = runBin([
      'release',
      'evaluate',
      '--db',
      at('store.db'),
      '--request',
      at('r.json'),
      '--cohort',
      at('bad.ndjson'),
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('line 2 is not a subject key');
  });
});
