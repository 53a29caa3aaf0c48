import { ctfDocument } from '@reuse-pref/xml';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt, runBin } from '../support/bin.js';
import { badUpn, good, variant, youngPupil } from '../support/statements.js';

// `ctf import` wrote every statement it read to stdout and exited 0, though its help promises 1 when a
// statement is wrong: a school's MIS loading the output stored statements the intake will refuse. Each
// imported statement is now validated as the receiving school would store it; one with errors is
// reported (file:line:column, rule, pointer) and not written, and the exit status is 1.

beforeAll(() => ensureBuilt(), BUILD_TIMEOUT_MS);

const other = variant('00000000-0000-4000-8000-0000000000c2');
const ctf = [
  ...ctfDocument(
    {
      dateTime: '2026-10-20T14:32:10',
      source: { lea: '801', estab: '2000', urn: '100000' },
      destination: { lea: '802', estab: '4001', urn: '100123' },
    },
    [
      { upn: good.subject.upn!, statements: [good, youngPupil] },
      { upn: badUpn.subject.upn!, statements: [badUpn] },
      { upn: other.subject.upn!, statements: [other] },
    ],
  ),
].join('');

const importArgs = ['ctf', 'import', '--into', '100123', '--supplier', 'SUP-B', '-'];

describe('regression: ctf import wrote invalid statements and exited 0', () => {
  it('writes the valid statements, reports the invalid one with its rule, and exits 1', () => {
    const run = runBin(importArgs, { input: ctf });
    const written = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l).id);
    expect(written).toEqual([good.id, youngPupil.id, other.id]);
    const reported = run.stderr.trimEnd().split('\n');
    expect(reported).toHaveLength(2);
    expect(reported[0]).toMatch(/^-:\d+:\d+: query pupil-under-competence-age /);
    expect(reported[1]).toMatch(/^-:\d+:\d+: error upn-check-letter at \/subject\/upn: /);
    expect(run.status).toBe(1);
  });

  it('exits 0 when every statement is valid (queries are reported, not refused)', () => {
    const fine = [
      ...ctfDocument(
        { dateTime: '2026-10-20T14:32:10', source: { lea: '801', estab: '2000', urn: '100000' } },
        [{ upn: good.subject.upn!, statements: [good] }],
      ),
    ].join('');
    const run = runBin([...importArgs.slice(0, -1), '--la-estab', '8024001', '-'], { input: fine });
    expect(run.stderr).toBe('');
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(run.status).toBe(0);
  });
});
