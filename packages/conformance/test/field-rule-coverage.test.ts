import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadVectors, suiteRoot } from '../src/index.js';
import { fieldRuleCoverage } from '../src/strength/field-rule.js';
import { readmeWithGeneratedTables } from '../src/strength/readme-block.js';

const root = suiteRoot();
const files = loadVectors(root);

describe('field × rule coverage (issue 11): every field a rule depends on is varied alone by a vector', () => {
  it('has no gap', () => {
    const gaps = fieldRuleCoverage(files)
      .filter((c) => !c.pair)
      .map((c) => `${c.rule} × ${c.field}`);
    expect(gaps).toEqual([]);
  });

  it('finds the gaps when the minimal-pair vectors are taken away', () => {
    // The check is only worth something if it can fail: without the field-pair files, the pairs that
    // vary expressedAt alone for eligibility and order, and the role alone for competence, are gone.
    const without = files.filter((f) => !f.path.endsWith('/fields.json'));
    const gaps = fieldRuleCoverage(without)
      .filter((c) => !c.pair)
      .map((c) => `${c.rule} × ${c.field}`);
    expect(gaps).toEqual(
      expect.arrayContaining([
        'R1 × expressedAt',
        'R3 × recordedAt',
        'R5 × expressedBy.role',
        'pupil-under-competence-age × expressedBy.role',
      ]),
    );
  });

  it('a pair needs the outcome to change: equal expectations are no evidence', () => {
    const flattened = files.map((f) => ({
      ...f,
      cases: f.cases.map((c) => ({
        ...c,
        tests: c.tests.map((t) => ({
          ...t,
          expect: f.kind === 'resolver' ? { shared: true } : { errors: [] },
        })),
      })),
    }));
    expect(fieldRuleCoverage(flattened).every((c) => !c.pair)).toBe(true);
  });

  it('conformance/README.md shows the table (and the HTTP matrix) as the vectors and scenarios give them', () => {
    const { path, text } = readmeWithGeneratedTables(root);
    expect(readFileSync(path, 'utf8'), 'run pnpm --filter @reuse-pref/conformance generate').toBe(text);
  });
});
