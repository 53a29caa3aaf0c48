import type { SpawnSyncReturns } from 'node:child_process';
import { BAD_STATEMENTS, STATEMENTS } from '@reuse-pref/example-producer';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt, runBin } from './support/bin.js';

let demo: SpawnSyncReturns<string>;
let elapsedMs = 0;
beforeAll(() => {
  ensureBuilt();
  const started = performance.now();
  demo = runBin(['demo']);
  elapsedMs = performance.now() - started;
}, BUILD_TIMEOUT_MS);

/** The cells of the first table row starting with `first`, split on the column gaps. */
function row(stdout: string, first: string, after = ''): string[] {
  const section = stdout.slice(stdout.indexOf(after));
  const line = section.split('\n').find((l) => l.trim().startsWith(`${first} `));
  return (line ?? '').trim().split(/ {2,}/);
}

describe('reuse-pref demo', () => {
  it('runs the chain, stops everything and exits 0 within 20 s', () => {
    expect(demo.stderr).toBe('');
    expect(demo.status).toBe(0);
    expect(elapsedMs).toBeLessThan(20_000);
    expect(demo.stdout).toContain('All servers stopped and the temporary stores removed.');
  });

  it('counts what arrived and what was rejected', () => {
    const good = STATEMENTS.length;
    expect(demo.stdout).toContain(`first sync:  ${good} statements received, ${good} stored unaltered`);
    expect(demo.stdout).toContain('second sync: resumed from the saved cursor, 0 new statements');
    expect(demo.stdout).toContain(
      `What arrived: ${good} accepted, ${BAD_STATEMENTS.length} rejected (a rejected record is stored nowhere).`,
    );
    expect(demo.stdout).toContain(`${BAD_STATEMENTS.length} records, NOT committed, nothing of it stored`);
  });

  const rejections = [
    { pupil: 'Dylan Price', rule: 'upn-check-letter' },
    { pupil: 'Mia Robinson', rule: 'purpose-takes-no-choice' },
    { pupil: 'Oliver Bennett', rule: 'expressed-at-in-future' },
  ];
  it.each(rejections)('rejects $pupil with rule $rule and its message', ({ pupil, rule }) => {
    const cells = row(demo.stdout, pupil, 'Rejected, and why');
    expect(cells[2]).toBe(rule);
    expect(cells[3]).toMatch(/^[a-zA-Z.[\]0-9]+: /);
  });

  it('shows a statement signed at the MIS, relayed by the integrator and verified at DfE', () => {
    const section = demo.stdout.slice(demo.stdout.indexOf('4. Signed at the MIS'));
    expect(section).toContain('DfE runs its intake in require-signature');
    expect(row(section, 'SUP-OAKMIS').slice(1, 3)).toEqual(['Oak MIS (school MIS)', 'producer']);
    expect(row(section, 'SUP-OAKMIS')[3]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\.well-known\/jwks\.json$/);
    expect(row(section, 'INT-BRIDGE').slice(1, 3)).toEqual(['Bridge Integrations', 'relay']);
    expect(row(section, 'signed by').slice(0, 3)).toEqual(['signed by', 'SUP-OAKMIS', 'oakmis-1']);
    expect(row(section, 'relayed by')).toEqual(['relayed by', 'INT-BRIDGE', 'bridge-1', '2026-11-01 09:00']);
    expect(section).toContain('verified: yes, end to end');
    const good = STATEMENTS.length;
    expect(section).toContain(
      `Verified end to end: ${good} of the ${good} statements the integrator delivered.`,
    );
  });

  it('refuses a tampered copy and an unsigned one, each with its rule id', () => {
    const section = demo.stdout.slice(demo.stdout.indexOf('Two copies DfE refuses'));
    const altered = section.split('\n').find((l) => l.includes('objection made NOOB'));
    expect(altered?.trim().split(/ {2,}/).slice(1)).toEqual([
      'rejected',
      'signature-invalid',
      '/signature/jws',
    ]);
    expect(row(section, 'signature stripped')).toEqual([
      'signature stripped',
      'rejected',
      'signature-missing',
      '/signature',
    ]);
  });

  const preferences = [
    {
      name: 'a competent 13-year-old replaces a parent objection',
      pupil: 'Noah Williams',
      col: 'LINK',
      want: 'yes',
    },
    {
      name: 'an objection by one parent stands against the other',
      pupil: 'Ben Taylor',
      col: 'IMMI',
      want: 'NO',
    },
    { name: 'a young pupil’s own answer does not decide', pupil: 'Chloe Evans', col: 'APPS', want: 'yes' },
    { name: 'never asked is a default, not a refusal', pupil: 'Isla Hughes', col: 'COMM', want: 'NO*' },
  ];
  it.each(preferences)('preferences: $name', ({ pupil, col, want }) => {
    const header = row(demo.stdout, 'pupil', '5. Effective preferences');
    expect(row(demo.stdout, pupil, '5. Effective preferences')[header.indexOf(col)]).toBe(want);
  });

  it('shows the relay withholding APPS shares, with who decided', () => {
    expect(demo.stdout).toMatch(/all 30 pupils: \d+ shared, 4 withheld, 2 not held/);
    expect(row(demo.stdout, 'Ben Taylor', 'Withheld APPS shares')).toEqual([
      'Ben Taylor',
      'Homework Hub',
      'Mr Taylor (father) PAR',
      '2026-09-20',
    ]);
  });

  it('shows a register entry and a ledger whose receipts verify', () => {
    expect(row(demo.stdout, 'exemption', 'Public register entry')[1]).toMatch(/^S2P4: /);
    const ledger = row(demo.stdout, 'DS-2026-HO-0031', "Ben Taylor's ledger");
    expect(ledger.slice(2)).toEqual(['OVRD', 'IMMI not shared (overridden by S2P4)', 'receipt verified OK']);
    expect(demo.stdout).not.toContain('FAILED');
  });

  it('ends with the two pages a family sees, and says how to keep them open', () => {
    const section = demo.stdout.slice(demo.stdout.indexOf('8. The pages a family sees'));
    expect(section).toMatch(/^ {4}http:\/\/127\.0\.0\.1:\d+\/form\?pupil=ADM-0002#access_token=[\w.-]+$/m);
    expect(section).toMatch(
      /^ {4}http:\/\/127\.0\.0\.1:\d+\/subject-view#pupil=M801400120102&access_token=[\w.-]+$/m,
    );
    expect(section).toContain('run `reuse-pref demo --serve` to keep them open');
  });
});
