import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt, repoRoot, runBin } from './support/bin.js';

let dir: string;
const example = (name: string) => readFileSync(join(repoRoot, 'spec/v1/xml', name), 'utf8');

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'reuse-pref-validate-xml-'));
}, BUILD_TIMEOUT_MS);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const records = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l))
    .filter((l) => l.type === 'record');

describe('reuse-pref validate reads CTF and census XML', () => {
  it.each(['example-ctf.xml', 'example-census.xml'])('%s: one record per statement, at its line', (name) => {
    const text = example(name);
    const run = runBin(['validate', '--format', 'json', '--now', '2026-11-01T00:00:00Z', '-'], {
      input: text,
    });
    expect(run.status).toBe(0);
    const statementLines = text.split('\n').flatMap((l, i) => (l.trim() === '<Statement>' ? [i + 1] : []));
    expect(records(run.stdout).map((r) => r.line)).toEqual(statementLines);
  });

  it('reads a fragment after white space, but refuses white space before an XML declaration', () => {
    const fragment = example('example-ctf.xml').replace(/^<\?xml[^>]*>\n/, '');
    const fine = runBin(['validate', '--quiet', '--now', '2026-11-01T00:00:00Z', '-'], {
      input: `\n  ${fragment}`,
    });
    expect(fine.stdout).toMatch(/^4 records, 4 valid,/);
    expect(fine.status).toBe(0);
    const late = runBin(['validate', '--format', 'json', '-'], {
      input: `\n  ${example('example-ctf.xml')}`,
    });
    expect(records(late.stdout)).toEqual([
      expect.objectContaining({
        line: 2,
        broken: true,
        errors: [
          expect.objectContaining({
            rule: 'xml-carriage',
            message: '<?xml> an XML declaration may stand only at the very start of the file (column 3)',
          }),
        ],
      }),
    ]);
    expect(late.status).toBe(1);
  });

  it('reports a statement the validator rejects, and a broken pupil as broken, then carries on', () => {
    const text = example('example-ctf.xml')
      .replace('<UPN>B801200005001</UPN>\n            <ULN>', '<UPN>A801200005001</UPN>\n            <ULN>')
      .replace('<Channel>PAPR</Channel>', '<Channel>PAPR</Chanel>');
    const file = join(dir, 'mixed.xml');
    writeFileSync(file, text);
    const run = runBin(['validate', '--format', 'json', '--now', '2026-11-01T00:00:00Z', file]);
    expect(run.status).toBe(1);
    const got = records(run.stdout);
    const rules = got.map((r) => (r.errors as { rule: string }[]).map((e) => e.rule));
    expect(rules[0]).toContain('upn-check-letter');
    expect(rules.at(-1)).toEqual(['xml-carriage']);
    expect(got.at(-1).line).toBe(text.split('\n').findIndex((l) => l.includes('</Chanel>')) + 1);
  });
});
