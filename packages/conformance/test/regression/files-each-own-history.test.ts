import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ctfDocument } from '@reuse-pref/xml';
import { describe, expect, it } from 'vitest';
import { main, runFileChecks } from '../../src/index.js';

// Bug: `--files a b` silently treated every file as one history, so the same statements exported as
// NDJSON and as a CTF were flagged as re-deliveries, and no file had a history result of its own.
const dir = mkdtempSync(join(tmpdir(), 'rp-files-history-'));
const example = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../../spec/v1/examples/statement.json'), 'utf8'),
);
const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const statement = (n: number, over: Record<string, unknown> = {}) => ({
  ...structuredClone(example),
  id: ID(n),
  ...over,
});
const write = (name: string, records: unknown[]) => {
  const path = join(dir, name);
  writeFileSync(path, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return path;
};
const now = { now: '2026-11-01T00:00:00Z' };

describe('--files with several exports', () => {
  it('the same statements as NDJSON and as a CTF pass: each file is its own export', async () => {
    const ndjson = write('school.ndjson', [statement(1), statement(2)]);
    const ctf = join(dir, 'school-ctf.xml');
    writeFileSync(
      ctf,
      [
        ...ctfDocument({ dateTime: '2026-11-01T09:00:00', source: { lea: '801', estab: '2000' } }, [
          { upn: example.subject.upn, statements: [statement(1), statement(2)] },
        ]),
      ].join(''),
    );
    const results = await runFileChecks([ndjson, ctf], now);
    expect(results.filter((r) => r.status !== 'pass')).toEqual([]);
    expect(results.map((r) => r.id)).toEqual([
      'file-parses/school.ndjson',
      'file-not-empty/school.ndjson',
      'file-records-valid/school.ndjson',
      'file-history/school.ndjson',
      'file-ids-unique/school.ndjson',
      'file-parses/school-ctf.xml',
      'file-not-empty/school-ctf.xml',
      'file-records-valid/school-ctf.xml',
      'file-history/school-ctf.xml',
      'file-ids-unique/school-ctf.xml',
      'files-history/ids-consistent',
    ]);
  });

  it('an id with different content in two files fails across files, and neither file alone', async () => {
    const a = write('a.ndjson', [statement(3)]);
    const b = write('b.ndjson', [statement(3, { choices: [{ purpose: 'LINK', value: 'NOOB' }] })]);
    const failing = (await runFileChecks([a, b], now)).filter((r) => r.status !== 'pass');
    expect(failing.map((r) => r.id)).toEqual(['files-history/ids-consistent']);
    expect(failing[0]!.message).toContain(`${ID(3)} in b.ndjson differs from the same id in a.ndjson`);
  });

  it('a repeat inside one file is that file’s SHOULD, not the other file’s', async () => {
    const a = write('repeat.ndjson', [statement(4), statement(4)]);
    const b = write('clean.ndjson', [statement(5)]);
    const failing = (await runFileChecks([a, b], now)).filter((r) => r.status !== 'pass');
    expect(failing.map((r) => [r.id, r.level])).toEqual([['file-ids-unique/repeat.ndjson', 'SHOULD']]);
  });

  it('files with the same base name in different folders keep apart', async () => {
    const one = join(dir, 'one');
    const two = join(dir, 'two');
    for (const d of [one, two]) {
      (await import('node:fs')).mkdirSync(d, { recursive: true });
    }
    writeFileSync(join(one, 'x.ndjson'), `${JSON.stringify(statement(6))}\n`);
    writeFileSync(join(two, 'x.ndjson'), `${JSON.stringify(statement(7))}\n`);
    const ids = (await runFileChecks([join(one, 'x.ndjson'), join(two, 'x.ndjson')], now)).map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the CLI says how the files are read', async () => {
    let out = '';
    const a = write('cli-a.ndjson', [statement(8)]);
    const b = write('cli-b.ndjson', [statement(9)]);
    const code = await main(['run', '--profile', 'producer', '--files', a, b, '--now', now.now], {
      out: (t) => (out += t),
      err: (t) => (out += t),
      env: {},
    });
    expect(code).toBe(0);
    expect(out).toContain('each checked as its own export');
  });
});
