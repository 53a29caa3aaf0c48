import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt, runBin } from '../support/bin.js';
import { good, variant } from '../support/statements.js';

// `validate` decoded input with Buffer#toString, which turns bytes that are not UTF-8 into U+FFFD, so a
// grounds text holding a stray Latin-1 byte came out "valid" while the intake refuses the same bytes
// (`invalid-utf8`). A record is now refused, naming the line, in NDJSON and in a JSON array.

beforeAll(() => ensureBuilt(), BUILD_TIMEOUT_MS);

const latin1Grounds = variant('00000000-0000-4000-8000-0000000000a1', (s) => {
  s.choices[0]!.grounds = 'caf\u00e9';
});
// The statement with its é written as the single Latin-1 byte 0xE9.
const asLatin1 = (text: string) => Buffer.from(text, 'latin1');

describe('regression: validate accepted bytes that are not UTF-8', () => {
  it('refuses an NDJSON line that is not UTF-8 and reads the lines around it', () => {
    const input = Buffer.concat([
      Buffer.from(`${JSON.stringify(good)}\n`),
      asLatin1(`${JSON.stringify(latin1Grounds)}\n`),
      Buffer.from(`${JSON.stringify(variant('00000000-0000-4000-8000-0000000000a2'))}\n`),
    ]);
    const run = runBin(['validate', '--format', 'json', '-'], { input });
    expect(run.status).toBe(1);
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.type, l.line, l.valid, l.broken])).toEqual([
      ['record', 1, true, false],
      ['record', 2, false, true],
      ['record', 3, true, false],
      ['summary', undefined, 2, 1],
    ]);
    expect(lines[1].errors).toEqual([
      { rule: 'invalid-utf8', severity: 'error', pointer: '', message: 'the bytes at line 2 are not UTF-8' },
    ]);
  });

  it('refuses a JSON array element that is not UTF-8', () => {
    const input = asLatin1(`[\n${JSON.stringify(good)},\n${JSON.stringify(latin1Grounds)}\n]\n`);
    const run = runBin(['validate', '--quiet', '-'], { input });
    expect(run.stdout).toBe('2 records, 1 valid, 0 with errors, 0 with queries, 1 broken\n');
    expect(run.status).toBe(1);
  });

  it('still reads the same statement written in UTF-8 as valid', () => {
    const run = runBin(['validate', '--quiet', '-'], { input: `${JSON.stringify(latin1Grounds)}\n` });
    expect(run.stdout).toBe('1 record, 1 valid, 0 with errors, 0 with queries, 0 broken\n');
    expect(run.status).toBe(0);
  });
});
