import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SubjectKey } from '@reuse-pref/schema';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { keysOfRun, readCohortKeyRuns, readCohortKeys } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'cohort-key-runs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

async function viaText(path: string): Promise<SubjectKey[] | string> {
  try {
    const keys: SubjectKey[] = [];
    for await (const batch of readCohortKeys(path)) keys.push(...batch);
    return keys;
  } catch (error) {
    return (error as Error).message;
  }
}

async function viaBytes(path: string): Promise<SubjectKey[] | string> {
  try {
    const keys: SubjectKey[] = [];
    for await (const run of readCohortKeyRuns(path)) keys.push(...keysOfRun(run));
    return keys;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The same members, whatever order a run lists them in (positional ones first, then the others). */
const sorted = (keys: SubjectKey[] | string) =>
  typeof keys === 'string'
    ? keys
    : keys.map((k) => JSON.stringify([k.upn, k.uln, Object.keys(k).length])).sort();

const value = fc.oneof(
  fc.constantFrom('A801200005001', 'B80120000500X', '1234567890', 'x'),
  fc.string({ minLength: 0, maxLength: 14 }),
  fc.constantFrom('é', 'a"b', 'a\\b', 'tab\there', ''),
);
const line = fc.oneof(
  value.map((v) => `{"upn":${JSON.stringify(v)}}`),
  value.map((v) => `{"uln":${JSON.stringify(v)}}`),
  fc.tuple(value, value).map(([u, l]) => `{"upn":${JSON.stringify(u)},"uln":${JSON.stringify(l)}}`),
  fc.tuple(value, value).map(([u, l]) => `{"uln":${JSON.stringify(l)},"upn":${JSON.stringify(u)}}`),
  value.map((v) => `{ "upn" : ${JSON.stringify(v)} }`),
  fc.constantFrom('', '   ', '{"localId":"ADM-1"}', '{"upn":"A1","upn":"B2"}', '{}', 'not json', '{"upn":1}'),
);
const ending = fc.constantFrom('\n', '\r\n', '\r');

describe('readCohortKeyRuns', () => {
  it('reads the same members as readCohortKeys, and refuses the same line with the same message', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(line, ending), { maxLength: 30 }),
        fc.boolean(),
        async (lines, last) => {
          let text = lines.map(([l, e]) => l + e).join('');
          if (last && lines.length > 0) text = text.slice(0, -lines.at(-1)![1].length);
          const path = join(dir, `c${files++}.ndjson`);
          writeFileSync(path, text);
          expect(sorted(await viaBytes(path))).toEqual(sorted(await viaText(path)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('carries a line across the megabyte reads, CRLF split between them included', async () => {
    // 1 MiB is the read size: lines of every length straddle it, and one CRLF is cut in two.
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < 2.5 * 2 ** 20; i++) {
      const upn = `A${String(i).padStart(12, '0')}`;
      const l = i % 3 === 0 ? `{"upn":"${upn}","uln":"${String(i).padStart(10, '0')}"}` : `{"upn":"${upn}"}`;
      lines.push(l);
      size += l.length + 2;
    }
    let text = lines.join('\r\n');
    const cut = 2 ** 20 - 1;
    const at = text.indexOf('\r\n', cut - 40);
    text = `${text.slice(0, at)}${' '.repeat(cut - at)}${text.slice(at)}`;
    expect(text.slice(cut, cut + 2)).toBe('\r\n');
    const path = join(dir, 'large.ndjson');
    writeFileSync(path, text);
    const bytes = await viaBytes(path);
    expect(sorted(bytes)).toEqual(sorted(await viaText(path)));
    expect((bytes as SubjectKey[]).length).toBe(lines.length);
  });
});
