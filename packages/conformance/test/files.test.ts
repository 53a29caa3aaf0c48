import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ctfDocument } from '@reuse-pref/xml';
import { describe, expect, it } from 'vitest';
import { main, runFileChecks } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'rp-conformance-files-'));
const example = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../spec/v1/examples/statement.json'), 'utf8'),
);
const statement = (id: string, over: Record<string, unknown> = {}) => ({
  ...structuredClone(example),
  id,
  ...over,
});
const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const ndjson = (records: unknown[]) => `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
const failing = async (paths: string[]) =>
  (await runFileChecks(paths, { now: '2026-11-01T00:00:00Z' }))
    .filter((r) => r.status !== 'pass')
    .map((r) => r.id);

describe('file mode (producer exports)', () => {
  it.each([
    { name: 'a clean export', records: [statement(ID(1)), statement(ID(2))], want: [] },
    {
      name: 'a bad UPN',
      records: [statement(ID(1), { subject: { upn: 'A801200005001' } })],
      want: ['file-records-valid/x.ndjson'],
    },
    { name: 'an empty file', records: [], want: ['file-not-empty/x.ndjson'] },
    {
      name: 'an id reused with other content',
      records: [statement(ID(1)), statement(ID(1), { choices: [{ purpose: 'LINK', value: 'NOOB' }] })],
      want: ['file-history/x.ndjson', 'file-ids-unique/x.ndjson'],
    },
  ])('$name', async ({ records, want }) => {
    expect(await failing([write('x.ndjson', ndjson(records))])).toEqual(want);
  });

  it('reads NDJSON lines that are not JSON as a parse failure', async () => {
    expect(await failing([write('broken.ndjson', '{"id":\n')])).toEqual(
      expect.arrayContaining(['file-parses/broken.ndjson']),
    );
  });

  it('checks a CTF file through @reuse-pref/xml, and the CLI passes it', async () => {
    const xml = [
      ...ctfDocument({ dateTime: '2026-11-01T09:00:00', source: { lea: '801', estab: '2000' } }, [
        { upn: 'B801200005001', statements: [statement(ID(7))] },
      ]),
    ].join('');
    const path = write('transfer.xml', xml);
    expect(await failing([path])).toEqual([]);
    let out = '';
    const code = await main(
      ['run', '--profile', 'producer', '--files', path, '--now', '2026-11-01T00:00:00Z'],
      {
        out: (t) => (out += t),
        err: (t) => (out += t),
        env: {},
      },
    );
    expect(code, out).toBe(0);
  });
});
