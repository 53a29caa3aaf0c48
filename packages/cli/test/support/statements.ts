import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Statement } from '@reuse-pref/schema';
import { repoRoot } from './bin.js';

/** The published example statement: valid under the v1 rules. */
export const example: Statement = JSON.parse(
  readFileSync(join(repoRoot, 'spec/v1/examples/statement.json'), 'utf8'),
);

export function variant(id: string, change: (s: Statement) => void = () => {}): Statement {
  const s: Statement = structuredClone(example);
  s.id = id;
  change(s);
  return s;
}

/** Valid, no findings. */
export const good = variant('00000000-0000-4000-8000-000000000001');
/** Rejected: the UPN check letter is wrong. */
export const badUpn = variant('00000000-0000-4000-8000-000000000002', (s) => {
  s.subject.upn = 'A801200005001';
});
/** Accepted with a query: an 8-year-old's own statement without an assessment. */
export const youngPupil = variant('00000000-0000-4000-8000-000000000003', (s) => {
  s.expressedBy = { role: 'PUP', personRef: 'P-1' };
  delete s.competenceBasis;
  s.subject.dateOfBirth = '2018-01-01';
});
/** A parent speaking for a 12-year-old without a competence basis: a query at the default age only. */
export const parentOfTwelve = variant('00000000-0000-4000-8000-000000000004', (s) => {
  delete s.competenceBasis;
  s.subject.dateOfBirth = '2014-01-01';
});

export const ndjson = (...lines: (Statement | string)[]) =>
  lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n');
