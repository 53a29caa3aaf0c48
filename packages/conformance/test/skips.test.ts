import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  applySkips,
  junitXml,
  parseSkipList,
  type SkipList,
  type TestResult,
  verdict,
} from '../src/index.js';

const result = (
  id: string,
  status: TestResult['status'],
  level: TestResult['level'] = 'MUST',
): TestResult => ({
  id,
  suite: 'resolver',
  section: 'resolver.md R3',
  level,
  description: `test ${id}`,
  status,
  durationMs: 1,
});

describe('checked skip lists', () => {
  it.each([
    {
      name: 'a skipped failing test is reported skipped and the run passes',
      results: [result('a/x', 'pass'), result('b/y', 'fail')],
      skips: { 'b/y': 'vendor issue 12' },
      want: { passed: true, problems: [], statuses: ['pass', 'skipped'] },
    },
    {
      name: 'an unknown id fails the run',
      results: [result('a/x', 'pass')],
      skips: { 'a/typo': 'wrong id' },
      want: { passed: false, problems: ['unknown-id'], statuses: ['pass'] },
    },
    {
      name: 'a skipped test that now passes fails the run',
      results: [result('a/x', 'pass')],
      skips: { 'a/x': 'fixed since' },
      want: { passed: false, problems: ['now-passes'], statuses: ['pass'] },
    },
    {
      name: 'a MUST failure without a skip fails the run',
      results: [result('a/x', 'fail')],
      skips: {},
      want: { passed: false, problems: [], statuses: ['fail'] },
    },
    {
      name: 'an unsupported MUST test fails the run unless skip-listed',
      results: [result('a/x', 'unsupported')],
      skips: {},
      want: { passed: false, problems: [], statuses: ['unsupported'] },
    },
    {
      name: 'SHOULD and MAY failures warn but pass',
      results: [result('a/x', 'fail', 'SHOULD'), result('a/y', 'errored', 'MAY')],
      skips: {},
      want: { passed: true, problems: [], statuses: ['fail', 'errored'] },
    },
  ])('$name', ({ results, skips, want }) => {
    const applied = applySkips(results, skips as SkipList);
    const v = verdict(applied.results, applied.problems);
    expect({
      passed: v.passed,
      problems: applied.problems.map((p) => p.problem),
      statuses: applied.results.map((r) => r.status),
    }).toEqual(want);
  });

  it.each([['[]'], ['{"a/x": 1}'], ['"a/x"']])('refuses the skip list %s', (text) => {
    expect(() => parseSkipList(text)).toThrow();
  });
});

describe('JUnit XML', () => {
  it('is well-formed whatever the messages hold, and counts only MUST failures as failures', () => {
    const nasty = result('a/x', 'fail');
    nasty.message = 'want <b> & "c" \u0001\u0000 got ]]> \uD83D\uDE00';
    const results = [nasty, result('a/y', 'errored'), result('a/z', 'fail', 'SHOULD'), result('b/w', 'pass')];
    const applied = applySkips(results, { 'x/unknown': 'stale' });
    const v = verdict(applied.results, applied.problems);
    const xml = junitXml(applied.results, v);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<testsuites name="reuse-pref-conformance" tests="4" failures="2" errors="1">');
    expect(xml).toContain('<testsuite name="skip-list" tests="1" failures="1"');
  });
});
