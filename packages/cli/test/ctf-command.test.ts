import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt, repoRoot, runBin } from './support/bin.js';

let dir: string;
const exampleCtf = join(repoRoot, 'spec/v1/xml/example-ctf.xml');

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'reuse-pref-ctf-'));
}, BUILD_TIMEOUT_MS);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = (ndjson: string) =>
  ndjson
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('reuse-pref ctf', () => {
  it('imports a CTF as CTFI statements with provenance, and exports them on to the next school', () => {
    const imported = runBin([
      'ctf',
      'import',
      '--into',
      '100123',
      '--supplier',
      'SUP-B',
      '--recorded-at',
      '2026-09-01T08:00:00Z',
      exampleCtf,
    ]);
    // One statement is valid with a query (a parent speaking for a pupil of 12): reported, and written.
    expect(imported.stderr).toMatch(
      /^\S+example-ctf\.xml:116:9: query parent-for-competent-pupil at \/competenceBasis: [^\n]+\n$/,
    );
    expect(imported.status).toBe(0);
    const atB = lines(imported.stdout);
    expect(atB).toHaveLength(4);
    for (const s of atB) {
      expect(s).toMatchObject({
        channel: 'CTFI',
        setting: { urn: '100123', laEstab: '8024001' },
        recordedBy: { supplierId: 'SUP-B', system: 'reuse-pref ctf import' },
        provenance: { transferredAt: '2026-07-20T13:32:10Z' },
      });
    }
    const ndjson = join(dir, 'at-b.ndjson');
    writeFileSync(ndjson, imported.stdout);
    expect(runBin(['validate', ndjson]).status).toBe(0);

    const exported = runBin([
      'ctf',
      'export',
      '--school',
      '100123',
      '--to',
      '8035002',
      '--to-urn',
      '100999',
      ndjson,
    ]);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain('<CTFversion>26.0</CTFversion>');
    const toC = join(dir, 'to-c.xml');
    writeFileSync(toC, exported.stdout);
    const atC = runBin(['ctf', 'import', '--into', '100999', '--supplier', 'SUP-C', toC]);
    expect(atC.status).toBe(0);
    expect(lines(atC.stdout).map((s) => [s.id, s.expressedAt, s.provenance.originalSetting.urn])).toEqual(
      atB.map((s) => [s.id, s.expressedAt, s.provenance.originalSetting.urn]),
    );
  });

  const failures: { why: string; args: string[]; status: number; stderr: RegExp }[] = [
    {
      why: 'a CTF addressed to another school',
      args: ['import', '--into', '123456', '--supplier', 'S', exampleCtf],
      status: 1,
      stderr: /example-ctf\.xml:3:3: <DestSchool> this CTF is addressed to URN 100123, not 123456/,
    },
    {
      why: 'import without --supplier',
      args: ['import', '--into', '100123', exampleCtf],
      status: 2,
      stderr: /--supplier/,
    },
    { why: 'export without --school', args: ['export', exampleCtf], status: 2, stderr: /--school/ },
    { why: 'an unknown subcommand', args: ['send'], status: 2, stderr: /unknown ctf subcommand 'send'/ },
  ];
  it.each(failures)('refuses $why', ({ args, status, stderr }) => {
    const run = runBin(['ctf', ...args]);
    expect(run.status).toBe(status);
    expect(run.stderr).toMatch(stderr);
  });

  it('locates broken XML in the file it reads', () => {
    const broken = join(dir, 'broken.xml');
    const text = readFileSync(exampleCtf, 'utf8').replace(
      '<Channel>ONLN</Channel>',
      '<Channel>ONLN</Chanel>',
    );
    writeFileSync(broken, text);
    const line = text.split('\n').findIndex((l) => l.includes('</Chanel>')) + 1;
    const run = runBin(['ctf', 'import', '--into', '100123', '--supplier', 'S', broken]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`broken.xml:${line}:`);
    expect(run.stderr).toContain('<Chanel>');
  });

  it('refuses to export an invalid statement, naming the rule', () => {
    const bad = join(dir, 'bad.ndjson');
    const s = JSON.parse(readFileSync(join(repoRoot, 'spec/v1/examples/statement.json'), 'utf8'));
    writeFileSync(bad, `${JSON.stringify({ ...s, subject: { upn: 'A801200005001' } })}\n`);
    const run = runBin(['ctf', 'export', '--school', s.setting.urn, bad]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/line 1: upn-check-letter/);
  });
});
