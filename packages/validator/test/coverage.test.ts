import { describe, expect, it } from 'vitest';
import { rules } from '../src/index.js';
import { loadVectorFiles, type VectorCase } from './load-vectors.js';

const cases = loadVectorFiles().flatMap((f) => f.content as VectorCase[]);
const expected = (t: VectorCase['tests'][number]) => [...t.expect.errors, ...t.expect.queries];

describe('every rule has vectors', () => {
  it.each(rules.map((r) => [r.id]))('%s fires in some vector', (id) => {
    expect(cases.some((c) => c.tests.some((t) => expected(t).includes(id)))).toBe(true);
  });

  // A near miss lives in the rule's own case (section "validation.md <rule>") and must not fire it.
  it.each(rules.map((r) => [r.id]))('%s has a near miss that must not fire it', (id) => {
    const own = cases.filter((c) => c.section === `validation.md ${id}`);
    expect(own.some((c) => c.tests.some((t) => !expected(t).includes(id)))).toBe(true);
  });

  it('names only rules that exist', () => {
    const known = new Set<string>(rules.map((r) => r.id));
    const named = cases.flatMap((c) =>
      c.tests.flatMap((t) => [...expected(t), ...(t.expect.findings ?? []).map((f) => f.rule)]),
    );
    expect(named.filter((id) => !known.has(id))).toEqual([]);
  });

  it('has at least 150 validation tests', () => {
    expect(cases.reduce((n, c) => n + c.tests.length, 0)).toBeGreaterThanOrEqual(150);
  });
});
