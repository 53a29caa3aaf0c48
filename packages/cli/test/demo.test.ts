import type { SpawnSyncReturns } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt, runBin } from './support/bin.js';

let demo: SpawnSyncReturns<string>;
beforeAll(() => {
  ensureBuilt();
  demo = runBin(['demo']);
}, BUILD_TIMEOUT_MS);

/** The row of one purpose in one pupil's table, cells split on the column gaps. */
function row(stdout: string, pupil: string, purpose: string): string[] {
  const section = stdout.slice(stdout.indexOf(`\n${pupil},`));
  const line = section.split('\n').find((l) => l.startsWith(`  ${purpose} `));
  return (line ?? '').trim().split(/ {2,}/);
}

describe('reuse-pref demo', () => {
  it('exits 0 and shows the receiver rejecting the bad UPN with its rule id', () => {
    const { status, stdout, stderr } = demo;
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/REJECTED\s+Dylan Price .* error upn-check-letter/);
    expect(stdout).toMatch(/accepted\s+Chloe Evans .* query pupil-under-competence-age/);
  });

  const rows: { name: string; pupil: string; purpose: string; want: string[] }[] = [
    {
      name: 'a competent pupil prevails over a later parent objection',
      pupil: 'Amira Khan',
      purpose: 'LINK',
      want: ['LINK', 'yes', 'NOOB', 'stated', 'Amira (pupil), 2026-09-10'],
    },
    {
      name: 'one parent objecting stands against the other',
      pupil: 'Ben Taylor',
      purpose: 'RSXT',
      want: ['RSXT', 'no', 'OBJT', 'stated', 'Ms Taylor (parent), 2026-09-03', 'parents-disagree'],
    },
    {
      name: 'a consent purpose nobody was asked about is a default, not a refusal',
      pupil: 'Dylan Price',
      purpose: 'COMM',
      want: ['COMM', 'no', '-', 'default', 'nobody asked: default for its kind'],
    },
  ];
  it.each(rows)('$name', ({ pupil, purpose, want }) => {
    expect(row(demo.stdout, pupil, purpose)).toEqual(want);
  });
});
